package org.mhtrigger.fhir.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.mhtrigger.fhir.server.PullException;

/**
 * NDJSON files in an output folder, one per resource type, appended to, with a state file that makes a pull resumable.
 * Not thread-safe.
 *
 * <p>{@link #commit} flushes and syncs every file and then atomically replaces the state file, which records each
 * file's length and the caller's progress. Reopening the folder cuts every file back to its committed length (so what
 * an interrupted step wrote is dropped and written again) and relearns which resources are already written, so each
 * {@code Type/id} is written once: no duplicates, no gaps.
 */
public final class NdjsonOutput implements AutoCloseable {
    /** Not {@code .json}: the record reader reads every {@code .json} file in a folder. */
    public static final String STATE_FILE = "mhtrigger-pull.state";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final ObjectNode header;
    private final Map<String, Long> committed = new TreeMap<>();
    private final Map<String, Sink> open = new LinkedHashMap<>();
    private final Set<String> written = new HashSet<>();
    private final Map<String, Long> writtenThisRun = new TreeMap<>();
    private ObjectNode progress;
    private long resourcesThisRun;

    private NdjsonOutput(Path directory, ObjectNode header) {
        this.directory = directory;
        this.header = header;
    }

    /**
     * Opens {@code directory} for a pull described by {@code header} (server, range, mode…): a fresh pull needs a
     * folder without NDJSON files; a folder with a state file must hold the same kind of pull, which is resumed.
     */
    public static NdjsonOutput open(Path directory, ObjectNode header) {
        NdjsonOutput output = new NdjsonOutput(directory, header);
        try {
            Files.createDirectories(directory);
            Path state = directory.resolve(STATE_FILE);
            if (Files.exists(state)) {
                output.resume(JSON.readTree(state.toFile()));
            } else {
                try (Stream<Path> files = Files.list(directory)) {
                    if (files.anyMatch(f -> f.getFileName().toString().endsWith(".ndjson"))) {
                        throw new PullException("output folder " + directory + " already holds NDJSON files but no "
                                + STATE_FILE + ": use an empty folder");
                    }
                }
            }
        } catch (IOException e) {
            throw new PullException("cannot use output folder " + directory + ": " + e.getMessage(), e);
        }
        return output;
    }

    private void resume(JsonNode state) throws IOException {
        if (!header.equals(state.get("pull"))) {
            throw new PullException("output folder " + directory + " holds a different pull (" + state.get("pull")
                    + "); use another folder or the same server, dates and options");
        }
        Iterator<Map.Entry<String, JsonNode>> files = state.get("files").fields();
        while (files.hasNext()) {
            Map.Entry<String, JsonNode> file = files.next();
            committed.put(file.getKey(), file.getValue().asLong());
        }
        try (Stream<Path> present = Files.list(directory)) {
            for (Path file : present.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".ndjson") && !committed.containsKey(name)) {
                    Files.delete(file); // begun after the last commit
                }
            }
        }
        for (Map.Entry<String, Long> file : committed.entrySet()) {
            Path path = directory.resolve(file.getKey());
            if (!Files.exists(path) || Files.size(path) < file.getValue()) {
                throw new PullException(
                        path + " is shorter than the state file records: the output was changed; start afresh");
            }
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
                channel.truncate(file.getValue());
            }
            try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank()) {
                        JsonNode resource = JSON.readTree(line);
                        written.add(resource.path("resourceType").asText() + "/"
                                + resource.path("id").asText());
                    }
                }
            }
        }
        progress = state.get("progress") instanceof ObjectNode node ? node : null;
    }

    /** The progress stored by the last commit of an earlier run; {@code null} for a fresh pull. */
    public ObjectNode progress() {
        return progress;
    }

    public boolean resumed() {
        return progress != null;
    }

    /** Whether {@code type/id} (as written) is already in the output. */
    public boolean contains(String type, String id) {
        return written.contains(type + "/" + id);
    }

    /** Appends one resource line to {@code file} unless {@code type/id} is already written; true if written. */
    public boolean write(String file, String type, String id, String line) {
        if (!written.add(type + "/" + id)) {
            return false;
        }
        try {
            Sink sink = open.get(file);
            if (sink == null) {
                sink = new Sink(directory.resolve(file));
                open.put(file, sink);
            }
            sink.out.write(line.getBytes(StandardCharsets.UTF_8));
            sink.out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writtenThisRun.merge(file, 1L, Long::sum);
        resourcesThisRun++;
        return true;
    }

    /** Records that a whole file was placed in the folder (a bulk download) with its resources. */
    public void adopt(String file, long resources) {
        writtenThisRun.merge(file, resources, Long::sum);
        resourcesThisRun += resources;
        try {
            committed.put(file, Files.size(directory.resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path directory() {
        return directory;
    }

    /** Makes everything written so far durable and records {@code newProgress} with it. */
    public void commit(ObjectNode newProgress) {
        try {
            for (Map.Entry<String, Sink> entry : open.entrySet()) {
                entry.getValue().out.flush();
                entry.getValue().channel.force(false);
                committed.put(entry.getKey(), entry.getValue().channel.size());
            }
            ObjectNode state = JSON.createObjectNode();
            state.set("pull", header);
            ObjectNode files = state.putObject("files");
            committed.forEach(files::put);
            state.set("progress", newProgress);
            Path temporary = directory.resolve(STATE_FILE + ".tmp");
            Files.write(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(state));
            Files.move(
                    temporary,
                    directory.resolve(STATE_FILE),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            progress = newProgress;
        } catch (IOException e) {
            throw new PullException("cannot record progress in " + directory + ": " + e.getMessage(), e);
        }
    }

    public long resourcesThisRun() {
        return resourcesThisRun;
    }

    public Map<String, Long> writtenThisRun() {
        return Map.copyOf(writtenThisRun);
    }

    @Override
    public void close() {
        for (Sink sink : open.values()) {
            try {
                sink.out.close();
            } catch (IOException ignored) {
                // uncommitted lines are cut off on resume anyway
            }
        }
        open.clear();
    }

    private static final class Sink {
        final OutputStream out;
        final FileChannel channel;

        Sink(Path path) throws IOException {
            FileOutputStream file = new FileOutputStream(path.toFile(), true);
            this.channel = file.getChannel();
            this.out = new java.io.BufferedOutputStream(file, 64 * 1024);
        }
    }
}
