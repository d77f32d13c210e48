package org.mhtrigger.fhir.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.mhtrigger.fhir.ResourceTypes;
import org.mhtrigger.fhir.pseudonym.Pseudonymiser;
import org.mhtrigger.fhir.server.internal.FhirJson;
import org.mhtrigger.fhir.server.internal.NdjsonOutput;
import org.mhtrigger.fhir.server.internal.RetryingHttp;
import org.mhtrigger.fhir.server.internal.Sleeper;

/**
 * Runs a FHIR Bulk Data {@code $export} (system or Group level) and streams its NDJSON files into a folder. Not
 * thread-safe: one export at a time per instance.
 *
 * <p>Kick-off: {@code GET [base]/$export} or {@code [base]/Group/<id>/$export} with {@code _type} set to the types
 * the reader uses, {@code Prefer: respond-async} and {@code Accept: application/fhir+json}; the server answers 202 with
 * {@code Content-Location}. The status URL is polled, waiting as {@code Retry-After} says (or with backoff), reporting
 * {@code X-Progress}; its 200 manifest lists the output files, each downloaded as a stream to {@code <Type>.ndjson}
 * ({@code <Type>-2.ndjson}, … for more files of one type) through a {@code .part} file, never held in memory; a file
 * that comes as one FHIR {@code Binary} is unwrapped, and one that is an OperationOutcome or HTML is rejected (listed in
 * {@link PullSummary#rejected()}), never skipped silently. {@code Retry-After} on status polls is honoured up to
 * {@link ServerOptions#maxRetryWait()}. The bearer token goes to output URLs only when the manifest sets {@code
 * requiresAccessToken} and the URL has the server's own origin. The status URL and each
 * finished file are recorded in the folder's state file: a rerun polls the same job and downloads only what is
 * missing.
 */
public final class BulkExport {
    static final String TYPES = String.join(",", ResourceTypes.PATIENT);

    private final ServerOptions options;
    private final PullListener listener;
    private final Pseudonymiser pseudonymiser;
    private final Sleeper sleeper;

    public BulkExport(ServerOptions options, PullListener listener) {
        this(options, listener, null, Sleeper.THREAD);
    }

    private BulkExport(ServerOptions options, PullListener listener, Pseudonymiser pseudonymiser, Sleeper sleeper) {
        this.options = Objects.requireNonNull(options, "options must not be null");
        this.listener = Objects.requireNonNull(listener, "listener must not be null");
        this.pseudonymiser = pseudonymiser;
        this.sleeper = sleeper;
    }

    /** The same export writing pseudonymised resources (see {@link Pseudonymiser}). */
    public BulkExport pseudonymisingWith(Pseudonymiser value) {
        return new BulkExport(options, listener, value, sleeper);
    }

    /** For tests: waits go to {@code value} instead of sleeping. */
    BulkExport sleepingWith(Sleeper value) {
        return new BulkExport(options, listener, pseudonymiser, value);
    }

    /**
     * Exports everything ({@code groupId == null}) or one Group's patients into {@code out}, or continues an
     * interrupted export of the same kind there.
     *
     * @return {@link PullSummary#stays()} counts the output files downloaded so far
     */
    public PullSummary export(String groupId, Path out) {
        ObjectNode header = FhirJson.JSON.createObjectNode();
        header.put("mode", "bulk");
        header.put("server", options.base().toString());
        header.put("group", groupId == null ? "" : groupId);
        header.put("pseudonymKey", pseudonymiser == null ? "none" : pseudonymiser.fingerprint());
        try (RetryingHttp http = new RetryingHttp(options, listener, sleeper, pseudonymiser != null);
                NdjsonOutput output = NdjsonOutput.open(out, header)) {
            ObjectNode progress = output.progress();
            boolean resumed = progress != null;
            String status = progress == null ? null : progress.path("status").asText(null);
            Set<String> done = new HashSet<>();
            List<String> rejected = new java.util.ArrayList<>();
            if (progress != null) {
                progress.path("done").forEach(url -> done.add(url.asText()));
            }
            if (progress != null && "done".equals(progress.path("phase").asText())) {
                return new PullSummary(done.size(), 0, 0, 0, java.util.Map.of(), true, List.of());
            }
            JsonNode manifest = null;
            while (manifest == null) {
                if (status == null) {
                    status = kickOff(http, groupId);
                    done.clear();
                    output.commit(state("polling", status, done));
                }
                manifest = poll(http, status);
                if (manifest == null) {
                    listener.progress("the export job has expired: starting a new one");
                    status = null;
                }
            }
            boolean tokenToFiles = manifest.path("requiresAccessToken").asBoolean(false);
            Set<String> names = new HashSet<>();
            for (JsonNode file : manifest.path("output")) {
                String type = file.path("type").asText("Resource");
                String url = file.path("url").asText();
                String name = type + ".ndjson";
                for (int n = 2; !names.add(name); n++) {
                    name = type + "-" + n + ".ndjson";
                }
                if (done.contains(url)) {
                    continue;
                }
                long lines;
                try {
                    lines = download(http, URI.create(url), tokenToFiles, out.resolve(name));
                } catch (NotNdjson e) {
                    // loudly, and the other files still come: retrying would fetch the same page again
                    String line = http.show(URI.create(url)) + " (" + name + "): " + e.getMessage();
                    rejected.add(line);
                    listener.progress("rejected " + line);
                    done.add(url);
                    output.commit(state("downloading", status, done));
                    continue;
                }
                output.adopt(name, lines);
                done.add(url);
                output.commit(state("downloading", status, done));
                listener.progress("downloaded " + name + ": " + lines + " resources");
            }
            output.commit(state("done", status, done));
            return new PullSummary(
                    done.size(),
                    output.resourcesThisRun(),
                    http.requests(),
                    http.retries(),
                    output.writtenThisRun(),
                    resumed,
                    List.of(),
                    rejected);
        }
    }

    private String kickOff(RetryingHttp http, String groupId) {
        String path = groupId == null ? "/$export" : "/Group/" + encode(groupId) + "/$export";
        URI uri = URI.create(options.base() + path + "?_type=" + encode(TYPES));
        HttpRequest request =
                http.request(uri, true).header("Prefer", "respond-async").GET().build();
        RetryingHttp.Answer answer = http.send(request);
        String location = answer.header("Content-Location").orElse(null);
        if (answer.status() != 202 || location == null) {
            throw new PullException("bulk export kick-off " + uri + " answered HTTP " + answer.status()
                    + (location == null ? " without Content-Location" : "") + "; expected 202 with Content-Location");
        }
        listener.progress("bulk export started: " + location);
        return location;
    }

    /** Polls until the manifest is ready; {@code null} if the job is gone (404, 410). */
    private JsonNode poll(RetryingHttp http, String status) {
        HttpRequest request = http.request(URI.create(status), true)
                .setHeader("Accept", "application/json")
                .GET()
                .build();
        for (int polls = 1; ; polls++) {
            RetryingHttp.Answer answer = http.send(request);
            switch (answer.status()) {
                case 200 -> {
                    try {
                        return FhirJson.JSON.readTree(answer.body());
                    } catch (JsonProcessingException e) {
                        throw new PullException("bulk export manifest at " + status + " is not JSON", e);
                    }
                }
                case 202 -> {
                    Duration asked = RetryingHttp.retryAfter(answer.headers()).orElse(null);
                    Duration wait = asked != null ? http.capped(asked) : http.backoff(Math.min(polls, 10));
                    listener.progress("bulk export in progress"
                            + answer.header("X-Progress")
                                    .map(p -> " (" + p + ")")
                                    .orElse("") + "; polling again in "
                            + wait.toMillis() + " ms" + http.cappedNote(asked));
                    http.pause(wait);
                }
                case 404, 410 -> {
                    return null;
                }
                default ->
                    throw new PullException("bulk export status " + status + " answered HTTP " + answer.status());
            }
        }
    }

    /**
     * Streams one output file to {@code target} through a {@code .part} file; returns its number of resources. A body
     * that is one FHIR {@code Binary} (as HAPI FHIR's JPA server answers when asked for FHIR JSON) is unwrapped: its
     * base64 data is the NDJSON.
     *
     * @throws NotNdjson if the body is an OperationOutcome, an HTML page or anything else that is not NDJSON
     */
    private long download(RetryingHttp http, URI url, boolean withToken, Path target) {
        Path raw = target.resolveSibling(target.getFileName() + ".raw");
        Path part = target.resolveSibling(target.getFileName() + ".part");
        http.download(url, withToken, body -> Files.copy(body, raw, StandardCopyOption.REPLACE_EXISTING));
        long lines;
        try {
            Path ndjson = raw;
            String kind = kindOf(raw);
            if ("Binary".equals(kind)) {
                ndjson = target.resolveSibling(target.getFileName() + ".unwrapped");
                unwrapBinary(raw, ndjson);
            } else if (kind != null) {
                throw new NotNdjson(kind);
            }
            lines = copyLines(ndjson, part, target.getFileName().toString());
            Files.deleteIfExists(target.resolveSibling(target.getFileName() + ".unwrapped"));
            Files.delete(raw);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new PullException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(raw);
                Files.deleteIfExists(target.resolveSibling(target.getFileName() + ".unwrapped"));
            } catch (IOException ignored) {
                // a leftover temporary file is replaced by the next attempt
            }
        }
        return lines;
    }

    /** An output file that is not NDJSON: the message says what it is, without its content. */
    static final class NotNdjson extends PullException {
        private static final long serialVersionUID = 1L;

        NotNdjson(String message) {
            super(message);
        }
    }

    /**
     * {@code null} for NDJSON (or an empty file); {@code "Binary"} for one Binary resource; else why the body is not
     * NDJSON.
     */
    private static String kindOf(Path file) throws IOException {
        try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            int first;
            do {
                first = in.read();
            } while (first == ' '
                    || first == '\n'
                    || first == '\r'
                    || first == '\t'
                    || first == 0xEF
                    || first == 0xBB
                    || first == 0xBF);
            if (first < 0) {
                return null;
            }
            if (first == '<') {
                return "an HTML or XML page, not NDJSON (is the URL a login or error page?)";
            }
            if (first != '{') {
                return "not NDJSON (does not start with a JSON object)";
            }
        }
        try (com.fasterxml.jackson.core.JsonParser parser =
                FhirJson.JSON.getFactory().createParser(file.toFile())) {
            parser.nextToken();
            String type = null;
            while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if ("resourceType".equals(field) && parser.currentToken().isScalarValue()) {
                    type = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
            boolean alone = parser.nextToken() == null;
            if ("Binary".equals(type) && alone) {
                return "Binary";
            }
            if ("OperationOutcome".equals(type)) {
                return "an OperationOutcome (the server reported a problem instead of sending the file), not NDJSON";
            }
            if ("Bundle".equals(type) && alone) {
                return "a Bundle, not NDJSON";
            }
            return type == null ? "not NDJSON (its first object has no resourceType)" : null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "not NDJSON (not valid JSON)";
        }
    }

    /** Decodes the base64 {@code data} of the Binary in {@code file} into {@code target}, streaming. */
    private static void unwrapBinary(Path file, Path target) throws IOException {
        try (com.fasterxml.jackson.core.JsonParser parser =
                        FhirJson.JSON.getFactory().createParser(file.toFile());
                OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(target))) {
            parser.nextToken();
            String contentType = null;
            boolean data = false;
            while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if ("contentType".equals(field)) {
                    contentType = parser.getText();
                } else if ("data".equals(field)) {
                    parser.readBinaryValue(out);
                    data = true;
                } else {
                    parser.skipChildren();
                }
            }
            if (!data) {
                throw new NotNdjson("a Binary without data, not NDJSON");
            }
            if (contentType != null && !contentType.contains("ndjson") && !contentType.contains("json")) {
                throw new NotNdjson("a Binary of content type '" + contentType.replaceAll("[^A-Za-z0-9/+.;=-]", "")
                        + "', not NDJSON");
            }
        }
    }

    /** Copies the NDJSON lines of {@code source} to {@code part}, pseudonymised if asked; returns how many. */
    private long copyLines(Path source, Path part, String name) throws IOException {
        long lines = 0;
        if (pseudonymiser == null) {
            // bytes as they are, lines counted: a long line is never held in memory
            try (java.io.InputStream in = Files.newInputStream(source);
                    OutputStream file = Files.newOutputStream(part)) {
                byte[] buffer = new byte[64 * 1024];
                int last = '\n';
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                    if (n > 0) {
                        last = buffer[n - 1];
                    }
                    file.write(buffer, 0, n);
                }
                if (last != '\n') {
                    file.write('\n');
                    lines++;
                }
            }
            return lines;
        }
        try (BufferedReader reader = Files.newBufferedReader(source, StandardCharsets.UTF_8);
                BufferedWriter writer = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                lines++;
                writer.write(pseudonymiser == null ? line : pseudonymiser.pseudonymise(name + " line " + lines, line));
                writer.newLine();
            }
        }
        return lines;
    }

    private static ObjectNode state(String phase, String status, Set<String> done) {
        ObjectNode state = FhirJson.JSON.createObjectNode();
        state.put("phase", phase);
        state.put("status", status);
        ArrayNode list = state.putArray("done");
        done.stream().sorted().forEach(list::add);
        return state;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
