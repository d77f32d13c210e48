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
}
