package org.mhtrigger.fhir.internal.spill;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a split read keeps its spill files: a temporary folder on disk, or, when the input fits comfortably in the
 * heap, memory. Both hold the same bytes under the same names; only where they live differs. Not thread-safe.
 */
sealed interface SpillStore extends AutoCloseable permits SpillStore.Folder, SpillStore.Memory {
    OutputStream create(String name) throws IOException;

    /** @throws NoSuchFileException if nothing was written under {@code name} */
    InputStream open(String name) throws IOException;

    boolean exists(String name);

    long size(String name) throws IOException;

    void delete(String name) throws IOException;

    /** Where the files are, for messages: the folder, or "memory". */
    String where();

    /** Deletes everything left, also after a failure. */
    @Override
    void close();

    /** A fresh temporary folder inside {@code parent} (or the system's temporary folder), deleted on close. */
    static Folder folder(Path parent) {
        try {
            return new Folder(
                    parent == null
                            ? Files.createTempDirectory("mhtrigger-read-")
                            : Files.createTempDirectory(Files.createDirectories(parent), "mhtrigger-read-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the spill files", e);
        }
    }

    /** Spill files on disk. */
    record Folder(Path folder) implements SpillStore {
        @Override
        public OutputStream create(String name) throws IOException {
            return Files.newOutputStream(folder.resolve(name));
        }

        @Override
        public InputStream open(String name) throws IOException {
            return Files.newInputStream(folder.resolve(name));
        }

        @Override
        public boolean exists(String name) {
            return Files.exists(folder.resolve(name));
        }

        @Override
        public long size(String name) throws IOException {
            return Files.size(folder.resolve(name));
        }

        @Override
        public void delete(String name) throws IOException {
            Files.deleteIfExists(folder.resolve(name));
        }

        @Override
        public String where() {
            return folder.toString();
        }

        @Override
        public void close() {
            List<IOException> problems = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                    try {
                        Files.deleteIfExists(path);
                    } catch (IOException e) {
                        problems.add(e);
                    }
                });
            } catch (IOException e) {
                problems.add(e);
            }
            if (!problems.isEmpty()) {
                throw new UncheckedIOException("cannot delete the spill folder " + folder, problems.get(0));
            }
        }
    }

    /**
     * Spill files in the heap, each a list of fixed-size blocks (so that growing one never copies what it holds).
     * Used when the whole input is small beside the heap: the bytes held are about the input's size.
     */
    final class Memory implements SpillStore {
        private static final int BLOCK = 64 * 1024;
        private final Map<String, Blocks> files = new HashMap<>();

        @Override
        public OutputStream create(String name) {
            Blocks blocks = new Blocks();
            files.put(name, blocks);
            return blocks;
        }

        @Override
        public InputStream open(String name) throws IOException {
            Blocks blocks = files.get(name);
            if (blocks == null) {
                throw new NoSuchFileException(name);
            }
            return blocks.reader();
        }

        @Override
        public boolean exists(String name) {
            return files.containsKey(name);
        }

        @Override
        public long size(String name) throws IOException {
            Blocks blocks = files.get(name);
            if (blocks == null) {
                throw new NoSuchFileException(name);
            }
            return blocks.size;
        }

        @Override
        public void delete(String name) {
            files.remove(name);
        }

        @Override
        public String where() {
            return "memory";
        }

        @Override
        public void close() {
            files.clear();
        }

        /** One file's bytes: full blocks, then the one being written. */
        private static final class Blocks extends OutputStream {
            private final List<byte[]> blocks = new ArrayList<>();
            private byte[] last;
            private int used = BLOCK;
            private long size;

            @Override
            public void write(int b) {
                if (used == BLOCK) {
                    next();
                }
                last[used++] = (byte) b;
                size++;
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                while (length > 0) {
                    if (used == BLOCK) {
                        next();
                    }
                    int n = Math.min(length, BLOCK - used);
                    System.arraycopy(bytes, offset, last, used, n);
                    used += n;
                    offset += n;
                    length -= n;
                    size += n;
                }
            }

            private void next() {
                last = new byte[BLOCK];
                blocks.add(last);
                used = 0;
            }

            InputStream reader() {
                return new InputStream() {
                    private long position;

                    @Override
                    public int read() {
                        if (position >= size) {
                            return -1;
                        }
                        byte b = blocks.get((int) (position / BLOCK))[(int) (position % BLOCK)];
                        position++;
                        return b & 0xff;
                    }

                    @Override
                    public int read(byte[] into, int offset, int length) {
                        if (length == 0) {
                            return 0;
                        }
                        if (position >= size) {
                            return -1;
                        }
                        int within = (int) (position % BLOCK);
                        int n = (int) Math.min(Math.min(length, BLOCK - within), size - position);
                        System.arraycopy(blocks.get((int) (position / BLOCK)), within, into, offset, n);
                        position += n;
                        return n;
                    }
                };
            }
        }
    }
}
