package org.mhtrigger.review.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unpacks an uploaded zip archive of FHIR files into a folder, refusing what could harm the server: entries whose
 * path would leave the folder ({@code ..}, absolute paths), archives that expand far beyond their size (zip bombs),
 * and more than {@value #MAX_ENTRIES} entries. Every entry that is not unpacked gets one line naming it as {@code
 * archive.zip!/path/in/archive} and why; the bytes written are counted as they are inflated, so sizes the archive
 * claims are never trusted. Stateless, thread-safe.
 */
final class ZipArchives {
    /** The most entries one archive may have. */
    static final int MAX_ENTRIES = 100_000;
    /** How many times its compressed size an entry, and the whole archive, may expand to. FHIR NDJSON: ~10-30. */
    static final long MAX_RATIO = 100;
    /** Bytes any entry, and any archive, may expand to whatever its ratio: small files compress oddly. */
    static final long SLACK = 1 << 20;

    private ZipArchives() {}

    /**
     * Unpacks the {@code .json} and {@code .ndjson} entries of {@code zip} under {@code folder} (keeping their paths
     * inside the archive) and reports every other entry to {@code rejected}. macOS's {@code __MACOSX/} metadata is
     * skipped without a line.
     *
     * @param shownName the archive's name as the user knows it, which starts each line
     * @return the files unpacked
     */
    static List<Path> unpack(Path zip, String shownName, Path folder, Consumer<String> rejected) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.createDirectories(folder);
        long size = Files.size(zip);
        long budget = size > (Long.MAX_VALUE - SLACK) / MAX_RATIO ? Long.MAX_VALUE : MAX_RATIO * size + SLACK;
        long written = 0;
        int count = 0;
        ZipFile archive;
        try {
            archive = new ZipFile(zip.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException | IllegalArgumentException e) {
            rejected.accept(shownName + ": not a readable zip archive; not read");
            return files;
        }
        try (archive) {
            Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName().replace('\\', '/');
                if (entry.isDirectory() || name.startsWith("__MACOSX/")) {
                    continue;
                }
                String shown = shownName + "!/" + printable(name);
                if (++count > MAX_ENTRIES) {
                    rejected.accept(shownName + ": more than " + MAX_ENTRIES + " entries; the rest was not read");
                    break;
                }
                Optional<Path> relative = insideFolder(name);
                if (relative.isEmpty()) {
                    rejected.accept(shown + ": its path leaves the archive's folder (absolute or '..'); not read");
                    continue;
                }
                String lower = name.toLowerCase(Locale.ROOT);
                if (!lower.endsWith(".json") && !lower.endsWith(".ndjson")) {
                    rejected.accept(shown + ": not a .json or .ndjson file; not read");
                    continue;
                }
                Path target = folder.resolve(relative.get()).normalize();
                if (!target.startsWith(folder) || Files.exists(target)) {
                    rejected.accept(shown + ": a second entry of the same name; not read");
                    continue;
                }
                long compressed = entry.getCompressedSize();
                long entryLimit = compressed < 0 ? budget - written : MAX_RATIO * compressed + SLACK;
                long limit = Math.min(entryLimit, budget - written);
                Files.createDirectories(target.getParent());
                long unpacked;
                try (InputStream in = archive.getInputStream(entry)) {
                    unpacked = copy(in, target, limit);
                } catch (ZipException | java.io.EOFException e) {
                    Files.deleteIfExists(target);
                    rejected.accept(shown + ": damaged or encrypted in the archive; not read");
                    continue;
                }
                if (unpacked > limit) {
                    Files.deleteIfExists(target);
                    if (limit < entryLimit) {
                        rejected.accept(shownName + ": expands to more than " + MAX_RATIO
                                + " times its size, like a zip bomb; stopped at " + shown
                                + ", the rest was not read");
                        break;
                    }
                    rejected.accept(shown + ": expands to more than " + MAX_RATIO
                            + " times its compressed size, like a zip bomb; not read");
                    continue;
                }
                written += unpacked;
                files.add(target);
            }
        }
        return files;
    }

    /**
     * The entry's path as a relative path of safe names, or empty when it is absolute, has a drive letter or a
     * {@code ..} segment. Characters other than letters, digits, dot, dash and underscore become '_'.
     */
    static Optional<Path> insideFolder(String name) {
        String path = name.replace('\\', '/');
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                return Optional.empty();
            }
            String safe = segment.replaceAll("[^A-Za-z0-9._-]", "_");
            parts.add(safe.startsWith(".") ? "_" + safe.substring(1) : safe);
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                Path.of(parts.getFirst(), parts.subList(1, parts.size()).toArray(String[]::new)));
    }

    /** Writes at most {@code limit + 1} bytes of {@code in} to {@code target}; returns how many it read (capped). */
    private static long copy(InputStream in, Path target, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                if (total + n > limit) {
                    return limit + 1;
                }
                out.write(buffer, 0, n);
                total += n;
            }
        }
        return total;
    }

    /** The entry name for a line on the page: no control characters, at most 200 characters. */
    private static String printable(String name) {
        String clean = name.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 200 ? "…" + clean.substring(clean.length() - 199) : clean;
    }
}
