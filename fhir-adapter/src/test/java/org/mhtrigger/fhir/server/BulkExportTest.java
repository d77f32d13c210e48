package org.mhtrigger.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.fhir.FhirRecordReader;

@Timeout(60)
class BulkExportTest {
    private static TestFhirServer server;

    @TempDir
    Path tmp;

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final List<String> progress = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = new TestFhirServer(5);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.clearFaults();
        server.clearRequests();
        server.pollsBeforeReady(3);
    }

    private BulkExport export() {
        ServerOptions options = ServerOptions.of(server.base())
                .withBearerToken("bulk-token")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withRetries(4, Duration.ofMillis(1), Duration.ofMillis(4), 3);
        return new BulkExport(options, progress::add).sleepingWith(waits::add);
    }

    @Test
    void aSystemExport_pollsAsToldAndDownloadsEveryFileReadableByTheReader() {
        Path out = tmp.resolve("bulk");

        PullSummary summary = export().export(null, out);

        List<TestFhirServer.Request> kickOff = server.requestsMatching("/$export");
        assertThat(kickOff)
                .singleElement()
                .satisfies(r -> assertThat(r.target()).startsWith("/fhir/$export?_type="));
        assertThat(server.requestsMatching("/bulk/status/")).hasSize(4);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(progress).anyMatch(p -> p.contains("poll 1 of 3"));
        assertThat(summary.stays()).isEqualTo(server.resources().size());
        assertThat(server.requests())
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer bulk-token"));
        List<StayRecord> records = new FhirRecordReader().readAll(List.of(out));
        assertThat(records).hasSameSizeAs(new FhirRecordReader().readAll(List.of(TestFhirServer.CORPUS)));
        assertThat(out.resolve("Observation.ndjson")).exists();
    }

    @Test
    void aGroupExport_kicksOffAtTheGroup() {
        export().export("ward-6", tmp.resolve("group"));

        assertThat(server.requestsMatching("/$export"))
                .singleElement()
                .satisfies(r -> assertThat(r.target()).startsWith("/fhir/Group/ward-6/$export"));
    }

    @Test
    void aDownloadDroppedMidwayOrFailing_isRetriedAndAnInterruptedExportResumes() throws Exception {
        server.drop("/bulk/files/Observation", 1);
        server.fail("/bulk/files/Patient", 100, 500, null);
        Path out = tmp.resolve("resumed");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> export().export(null, out))
                .isInstanceOf(PullException.class)
                .hasMessageContaining("/bulk/files/Patient");
        assertThat(progress).as("progress").anyMatch(p -> p.startsWith("downloaded Observation.ndjson"));
        server.clearFaults();
        server.clearRequests();
        PullSummary summary = export().export(null, out);

        assertThat(summary.resumed()).isTrue();
        assertThat(server.requestsMatching("/$export"))
                .as("same job polled again")
                .isEmpty();
        assertThat(server.requestsMatching("/bulk/files/Observation"))
                .as("finished files kept")
                .isEmpty();
        assertThat(Files.readAllLines(out.resolve("Observation.ndjson")))
                .hasSize(server.resources().get("Observation").size())
                .doesNotHaveDuplicates();
        assertThat(new FhirRecordReader().readAll(List.of(out)))
                .hasSameSizeAs(new FhirRecordReader().readAll(List.of(TestFhirServer.CORPUS)));
    }

    @Test
    void againstAHapiJpaStyleServer_downloadsAskForNdjsonOnce_andLongPollWaitsAreCapped() {
        server.hapiJpaStyle(true);
        Path out = tmp.resolve("hapi");

        PullSummary summary = export().export(null, out);

        assertThat(server.requestsMatching("/bulk/files/"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.accepts()).containsExactly("application/fhir+ndjson"));
        assertThat(server.requestsMatching("/bulk/status/"))
                .allSatisfy(r -> assertThat(r.accepts()).containsExactly("application/json"));
        assertThat(waits).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30));
        assertThat(progress).anyMatch(p -> p.contains("asked for 120 s, capped at 30 s"));
        assertThat(summary.rejected()).isEmpty();
        assertThat(new FhirRecordReader().readAll(List.of(out)))
                .hasSameSizeAs(new FhirRecordReader().readAll(List.of(TestFhirServer.CORPUS)));
    }

    @Test
    void filesThatComeAsOneFhirBinary_areUnwrappedToTheirNdjson() throws Exception {
        server.filesAsBinary(true);
        Path out = tmp.resolve("binary");

        PullSummary summary = export().export(null, out);

        assertThat(Files.readAllLines(out.resolve("Observation.ndjson")))
                .hasSize(server.resources().get("Observation").size())
                .allSatisfy(line -> assertThat(line).startsWith("{\"resourceType\":\"Observation\""));
        assertThat(summary.resources())
                .isEqualTo(server.resources().values().stream()
                        .mapToLong(List::size)
                        .sum());
        assertThat(new FhirRecordReader().readAll(List.of(out)))
                .hasSameSizeAs(new FhirRecordReader().readAll(List.of(TestFhirServer.CORPUS)));
    }

    @Test
    void aFileThatIsAnOperationOutcomeOrHtml_isRejectedNamingItsUrl_andTheOtherFilesAreKept() {
        server.answer(
                "/bulk/files/Observation",
                10,
                "application/fhir+json",
                "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"processing\"}]}");
        server.answer("/bulk/files/Condition", 10, "text/html", "<html><body>Sign in</body></html>");
        Path out = tmp.resolve("rejected");

        PullSummary summary = export().export(null, out);

        assertThat(summary.rejected()).hasSize(2);
        assertThat(summary.rejected())
                .anySatisfy(line ->
                        assertThat(line).contains("/bulk/files/Observation").contains("OperationOutcome"));
        assertThat(summary.rejected())
                .anySatisfy(line ->
                        assertThat(line).contains("/bulk/files/Condition").contains("HTML"));
        assertThat(out.resolve("Observation.ndjson")).doesNotExist();
        assertThat(out.resolve("Patient.ndjson")).exists();
    }

    @Test
    void theTokenGoesToFileUrlsOnTheServersOriginOnly() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer other =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            seen.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "{\"resourceType\":\"Patient\",\"id\":\"p-elsewhere\"}\n".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        other.start();
        try {
            String elsewhere = "http://127.0.0.1:" + other.getAddress().getPort() + "/files/Patient.ndjson";
            server.answer(
                    "/bulk/status/",
                    1,
                    "application/json",
                    "{\"transactionTime\":\"2026-03-01T00:00:00Z\",\"request\":\"x\",\"requiresAccessToken\":true,"
                            + "\"output\":[{\"type\":\"Patient\",\"url\":\"" + elsewhere + "\"}],\"error\":[]}");

            export().export(null, tmp.resolve("elsewhere"));

            assertThat(seen).containsExactly("null");
        } finally {
            other.stop(0);
        }
    }
}
