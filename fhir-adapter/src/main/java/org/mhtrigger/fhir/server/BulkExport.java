package org.mhtrigger.fhir.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
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
 * ({@code <Type>-2.ndjson}, … for more files of one type) through a {@code .part} file, never held in memory. The
 * bearer token goes to output URLs only when the manifest sets {@code requiresAccessToken}. The status URL and each
 * finished file are recorded in the folder's state file: a rerun polls the same job and downloads only what is
 * missing.
 */
public final class BulkExport {
    static final String TYPES = "Patient,Encounter,Observation,MedicationAdministration,MedicationRequest,Procedure,"
            + "Condition,Flag,CarePlan,RiskAssessment,DocumentReference,DiagnosticReport,Composition";

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
        try (RetryingHttp http = new RetryingHttp(options, listener, sleeper);
                NdjsonOutput output = NdjsonOutput.open(out, header)) {
            ObjectNode progress = output.progress();
            boolean resumed = progress != null;
            String status = progress == null ? null : progress.path("status").asText(null);
            Set<String> done = new HashSet<>();
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
                long lines = download(http, URI.create(url), tokenToFiles, out.resolve(name));
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
                    List.of());
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
                .header("Accept", "application/json")
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
                    Duration wait = RetryingHttp.retryAfter(answer.headers()).orElse(http.backoff(Math.min(polls, 10)));
                    listener.progress("bulk export in progress"
                            + answer.header("X-Progress")
                                    .map(p -> " (" + p + ")")
                                    .orElse("") + "; polling again in "
                            + wait.toMillis() + " ms");
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

    /** Streams one output file to {@code target} through a {@code .part} file; returns its number of resources. */
    private long download(RetryingHttp http, URI url, boolean withToken, Path target) {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        long[] lines = {0};
        http.download(url, withToken, body -> {
            lines[0] = 0;
            try (OutputStream file = Files.newOutputStream(part)) {
                if (pseudonymiser == null) {
                    // count lines while copying bytes as they come
                    byte[] buffer = new byte[64 * 1024];
                    int last = '\n';
                    for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                        for (int i = 0; i < n; i++) {
                            if (buffer[i] == '\n') {
                                lines[0]++;
                            }
                        }
                        if (n > 0) {
                            last = buffer[n - 1];
                        }
                        file.write(buffer, 0, n);
                    }
                    if (last != '\n') {
                        file.write('\n');
                        lines[0]++;
                    }
                } else {
                    BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
                    BufferedWriter writer =
                            new BufferedWriter(new java.io.OutputStreamWriter(file, StandardCharsets.UTF_8));
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        if (!line.isBlank()) {
                            lines[0]++;
                            writer.write(pseudonymiser.pseudonymise(target.getFileName() + " line " + lines[0], line));
                            writer.newLine();
                        }
                    }
                    writer.flush();
                }
            }
        });
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new PullException("cannot move " + part + " into place: " + e.getMessage(), e);
        }
        return lines[0];
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
