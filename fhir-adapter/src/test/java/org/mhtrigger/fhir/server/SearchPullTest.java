package org.mhtrigger.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.fhir.FhirRecordReader;
import org.mhtrigger.fhir.pseudonym.Pseudonymiser;
import org.mhtrigger.fhir.server.internal.Sleeper;

@Timeout(60)
class SearchPullTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate TO = LocalDate.of(2025, 12, 31);
    private static TestFhirServer server;

    @TempDir
    Path tmp;

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final List<String> progress = new CopyOnWriteArrayList<>();
    private final Sleeper recorder = waits::add;

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
    }

    private ServerOptions options() {
        return ServerOptions.of(server.base())
                .withPageSize(5)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withRetries(5, Duration.ofMillis(1), Duration.ofMillis(8), 42);
    }

    private SearchPull pull(ServerOptions options) {
        return new SearchPull(options, progress::add).sleepingWith(recorder);
    }

    /** Each record with its lists in a fixed order, so that resource order in the files does not matter. */
    private static Map<String, String> canonical(List<StayRecord> records) {
        Map<String, String> byId = new TreeMap<>();
        for (StayRecord record : records) {
            List<String> parts = new ArrayList<>();
            parts.add(record.patient().toString());
            parts.add(record.stay().toString());
            for (List<?> list : List.of(
                    record.otherEncounters(),
                    record.notes(),
                    record.labs(),
                    record.medications(),
                    record.procedures(),
                    record.conditions(),
                    record.flags(),
                    record.carePlans(),
                    record.riskAssessments())) {
                parts.add(list.stream().map(Object::toString).sorted().toList().toString());
            }
            byId.put(record.id(), String.join("\n", parts));
        }
        return byId;
    }

    /** Same records, compared key by key and line by line so that a failure shows the difference. */
    private static void assertSameRecords(Map<String, String> actual, Map<String, String> expected) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        for (String id : expected.keySet()) {
            assertThat(actual.get(id).lines().toList())
                    .as("record %s", id)
                    .containsExactlyElementsOf(expected.get(id).lines().toList());
        }
    }

    private static Map<String, String> fileRecords() {
        return canonical(new FhirRecordReader().readAll(List.of(TestFhirServer.CORPUS)));
    }

    /** Type/id of every line of every NDJSON file in {@code dir}, duplicates kept. */
    private static List<String> keys(Path dir) throws IOException {
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".ndjson")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    JsonNode resource = JSON.readTree(line);
                    keys.add(resource.get("resourceType").asText() + "/"
                            + resource.get("id").asText());
                }
            }
        }
        return keys;
    }

    @Test
    void pulledRecords_equalTheRecordsReadFromTheFiles() {
        Path out = tmp.resolve("pulled");

        PullSummary summary = pull(options()).pull(FROM, TO, out);

        assertThat(summary.stays()).isEqualTo(40);
        assertThat(summary.retries()).isZero();
        assertThat(summary.resumed()).isFalse();
        Map<String, String> pulled = canonical(new FhirRecordReader().readAll(List.of(out)));
        assertThat(pulled).isNotEmpty();
        assertSameRecords(pulled, fileRecords());
        assertThat(server.requestsMatching("_getpages"))
                .as("pages followed by next links")
                .isNotEmpty();
        assertThat(progress).anyMatch(p -> p.startsWith("pulled 40/40 stays"));
    }

    @Test
    void eachStaysResourcesAreAlsoSearchedByPatientAndTheStaysDates() throws IOException {
        Path out = tmp.resolve("both");

        pull(options()).pull(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), out);

        assertThat(server.requestsMatching("/Observation?patient="))
                .allSatisfy(r -> assertThat(r.target()).contains("&date=ge20").contains("&date=le20"));
        assertThat(server.requestsMatching("/MedicationAdministration?patient=")
                        .get(0)
                        .target())
                .contains("effective-time=ge");
        assertThat(server.requestsMatching("/Condition?patient="))
                .anyMatch(r -> r.target().contains("onset-date=ge"))
                .anyMatch(r -> r.target().contains("recorded-date=ge"));
        assertThat(keys(out)).as("found by both searches, written once").doesNotHaveDuplicates();
    }

    @Test
    void resourcesWithoutAnEncounterReference_areFoundByPatientAndDateAndWrittenOnce() throws Exception {
        Set<String> stripped = Set.of(
                "Observation", "MedicationAdministration", "MedicationRequest", "Condition", "DocumentReference");
        try (TestFhirServer bare = new TestFhirServer(5, stripped)) {
            Path served = tmp.resolve("served");
            bare.writeServed(served);
            assertThat(bare.resources().get("Observation"))
                    .as("the served corpus really lacks encounter references")
                    .isNotEmpty()
                    .allSatisfy(o -> assertThat(((org.hl7.fhir.r4.model.Observation) o).hasEncounter())
                            .isFalse());
            Path out = tmp.resolve("by-date");
            ServerOptions options = ServerOptions.of(bare.base())
                    .withPageSize(5)
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                    .withRetries(5, Duration.ofMillis(1), Duration.ofMillis(8), 42);

            pull(options).pull(FROM, TO, out);

            List<StayRecord> pulled = new FhirRecordReader().readAll(List.of(out));
            assertThat(pulled.stream().mapToInt(r -> r.labs().size()).sum()).isPositive();
            assertThat(pulled.stream().mapToInt(r -> r.notes().size()).sum()).isPositive();
            assertThat(pulled.stream().mapToInt(r -> r.medications().size()).sum())
                    .isPositive();
            assertSameRecords(canonical(pulled), canonical(new FhirRecordReader().readAll(List.of(served))));
            assertThat(keys(out)).doesNotHaveDuplicates();
        }
    }

    @Test
    void aRangeSelectsStaysByDischargeDay() throws IOException {
        Path out = tmp.resolve("march");

        PullSummary summary = pull(options()).pull(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), out);

        List<StayRecord> records = new FhirRecordReader().readAll(List.of(out));
        assertThat(summary.stays()).isPositive().isLessThan(40);
        assertThat(records)
                .filteredOn(r -> r.stay().discharged().toString().startsWith("2025-03"))
                .isNotEmpty();
        assertThat(keys(out)).doesNotHaveDuplicates();
    }

    @Test
    void serverErrorsAndDroppedAndSlowPages_areRetriedAndTheResultIsComplete() throws IOException {
        server.fail("/Observation?encounter=e-1001", 2, 500, null);
        server.fail("/MedicationAdministration?context=e-1003", 1, 503, null);
        server.drop("_getpagesoffset=5", 1);
        server.slow("/Condition?encounter=e-1004", 1, 3_000);
        Path out = tmp.resolve("faults");

        PullSummary summary = pull(options()).pull(FROM, TO, out);

        assertThat(summary.retries()).isEqualTo(5);
        assertThat(server.requestsMatching("/Observation?encounter=e-1001&")).hasSize(3);
        assertSameRecords(canonical(new FhirRecordReader().readAll(List.of(out))), fileRecords());
        assertThat(keys(out)).doesNotHaveDuplicates();
        assertThat(waits).hasSize(5).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(Duration.ofMillis(8)));
    }

    @Test
    void tooManyRequests_waitsAsLongAsRetryAfterSays() {
        server.fail("/Patient/p-", 2, 429, "7");
        server.fail("/Encounter?patient=", 1, 429, "Wed, 21 Oct 2015 07:28:00 GMT");

        PullSummary summary = pull(options()).pull(FROM, TO, tmp.resolve("throttled"));

        assertThat(summary.retries()).isEqualTo(3);
        assertThat(waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7), Duration.ZERO);
        List<TestFhirServer.Request> patient = server.requestsMatching("/Patient/p-");
        assertThat(patient.get(0).target()).isEqualTo(patient.get(2).target());
    }

    @Test
    void withoutRetryAfter_waitsGrowExponentiallyWithJitterAndAreReproducible() {
        ServerOptions options =
                ServerOptions.of(server.base()).withRetries(6, Duration.ofMillis(100), Duration.ofMillis(1_000), 7);
        List<Duration> first = new ArrayList<>();
        List<Duration> second = new ArrayList<>();
        try (var http = new org.mhtrigger.fhir.server.internal.RetryingHttp(options, PullListener.SILENT, w -> {});
                var again =
                        new org.mhtrigger.fhir.server.internal.RetryingHttp(options, PullListener.SILENT, w -> {})) {
            for (int retry = 1; retry <= 6; retry++) {
                first.add(http.backoff(retry));
                second.add(again.backoff(retry));
            }
        }

        assertThat(first).isEqualTo(second);
        for (int retry = 1; retry <= 6; retry++) {
            long ceiling = Math.min(1_000, 100L << (retry - 1));
            assertThat(first.get(retry - 1).toMillis()).as("retry %d", retry).isBetween(ceiling / 2, ceiling);
        }
    }

    @Test
    void anInterruptedPull_resumesWithNoDuplicatesAndNoGaps() throws IOException {
        Path clean = tmp.resolve("clean");
        pull(options()).pull(FROM, TO, clean);
        server.fail("/DocumentReference?encounter=e-1010&", 1_000, 500, null);
        Path out = tmp.resolve("interrupted");
        ServerOptions fewAttempts = options().withRetries(2, Duration.ofMillis(1), Duration.ofMillis(1), 1);

        assertThatThrownBy(() -> pull(fewAttempts).pull(FROM, TO, out))
                .isInstanceOf(PullException.class)
                .hasMessageContaining("after 2 attempts");
        List<String> partial = keys(out);
        server.clearFaults();
        server.clearRequests();
        PullSummary resumed = pull(options()).pull(FROM, TO, out);

        assertThat(resumed.resumed()).isTrue();
        assertThat(partial).isNotEmpty();
        assertThat(server.requestsMatching("/Encounter?status=finished"))
                .as("search not repeated")
                .isEmpty();
        assertThat(server.requestsMatching("/Observation?encounter=e-1001&"))
                .as("done stays not repeated")
                .isEmpty();
        List<String> keys = keys(out);
        assertThat(keys).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(keys(clean));
        assertSameRecords(canonical(new FhirRecordReader().readAll(List.of(out))), fileRecords());
    }

    @Test
    void aFinishedPullRerun_changesNothing() throws IOException {
        Path out = tmp.resolve("twice");
        pull(options()).pull(FROM, TO, out);
        List<String> before = keys(out);
        server.clearRequests();

        PullSummary again = pull(options()).pull(FROM, TO, out);

        assertThat(again.resources()).isZero();
        assertThat(server.requests()).isEmpty();
        assertThat(keys(out)).isEqualTo(before);
    }

    @Test
    void aFolderHoldingAnotherPull_isRefused() {
        Path out = tmp.resolve("other");
        pull(options()).pull(FROM, TO, out);

        assertThatThrownBy(() -> pull(options()).pull(FROM, LocalDate.of(2025, 6, 30), out))
                .isInstanceOf(PullException.class)
                .hasMessageContaining("different pull");
    }

    @Test
    void theBearerTokenIsSentWithEveryRequestAndNeverShown() {
        ServerOptions options = options().withBearerToken("s3cret-token");

        pull(options).pull(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), tmp.resolve("token"));

        assertThat(server.requests())
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer s3cret-token"));
        assertThat(options.toString()).doesNotContain("s3cret");
        assertThat(String.join("\n", progress)).doesNotContain("s3cret");
    }

    @Test
    void aRefusedRequest_failsAtOnceNamingTheStatus() {
        server.fail("/Encounter?status=finished", 1, 401, null);

        assertThatThrownBy(() -> pull(options()).pull(FROM, TO, tmp.resolve("refused")))
                .isInstanceOf(PullException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("bearer token");
        assertThat(waits).isEmpty();
    }

    @Test
    void aPseudonymisedPull_hidesIdsKeepsLinksAndShiftsEachPatientsDatesTogether() {
        Pseudonymiser key =
                new Pseudonymiser("0123456789abcdef-test-key".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path out = tmp.resolve("pseudonymised");

        pull(options()).pseudonymisingWith(key).pull(FROM, TO, out);

        List<StayRecord> plain = new FhirRecordReader().readAll(List.of(TestFhirServer.CORPUS));
        List<StayRecord> hidden = new FhirRecordReader().readAll(List.of(out));
        assertThat(hidden).hasSameSizeAs(plain);
        for (StayRecord original : plain) {
            String id = key.pseudonym("Encounter", original.id());
            StayRecord pseudonymised =
                    hidden.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
            long shift = key.dateShiftDays(original.patient().id()) * 86_400L;
            assertThat(pseudonymised.patient().id())
                    .isEqualTo(key.pseudonym("Patient", original.patient().id()));
            assertThat(pseudonymised.stay().admitted())
                    .isEqualTo(original.stay().admitted().plusSeconds(shift));
            assertThat(pseudonymised.stay().discharged())
                    .isEqualTo(original.stay().discharged().plusSeconds(shift));
            assertThat(pseudonymised.labs()).hasSameSizeAs(original.labs());
            assertThat(pseudonymised.notes()).hasSameSizeAs(original.notes());
            assertThat(pseudonymised.medications()).hasSameSizeAs(original.medications());
        }
    }

    @Test
    void aNextLinkThatLoopsBack_endsThePullWithOneClearMessage() {
        server.answer(
                "/Encounter?status=finished",
                1_000_000,
                "application/fhir+json",
                "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"link\":[{\"relation\":\"next\","
                        + "\"url\":\"{self}\"}],\"entry\":[]}");

        assertThatThrownBy(() -> org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                        Duration.ofSeconds(20), () -> pull(options()).pull(FROM, TO, tmp.resolve("loop"))))
                .isInstanceOf(PullException.class)
                .hasMessageContaining("next link leads back to a page already read");
        assertThat(server.requestsMatching("/Encounter?status=finished")).hasSize(1);
    }

    @Test
    void theBearerTokenIsNotSentToANextLinkOnAnotherOrigin() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer other =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            seen.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[]}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        other.start();
        try {
            server.answer(
                    "/Encounter?status=finished",
                    1,
                    "application/fhir+json",
                    "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"link\":[{\"relation\":\"next\","
                            + "\"url\":\"http://127.0.0.1:" + other.getAddress().getPort()
                            + "/fhir?page=2\"}],\"entry\":[]}");

            pull(options().withBearerToken("s3cret-token")).pull(FROM, TO, tmp.resolve("elsewhere"));

            assertThat(seen).containsExactly("null");
            assertThat(server.requests())
                    .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer s3cret-token"));
        } finally {
            other.stop(0);
        }
    }

    @Test
    void aRetryAfterOfADay_isCappedAtTheMaximumWait() {
        server.fail("/Encounter?status=finished", 1, 503, "86400");

        pull(options()).pull(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), tmp.resolve("capped"));

        assertThat(waits).first().isEqualTo(Duration.ofSeconds(30));
        assertThat(progress).anyMatch(p -> p.contains("asked for 86400 s, capped at 30 s"));
    }

    @Test
    void aPseudonymisedPull_writesNoOriginalIdOrDate_inTheStateFileOrProgress_andStillResumes() throws IOException {
        Pseudonymiser key =
                new Pseudonymiser("0123456789abcdef-test-key".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        server.fail("/DocumentReference?encounter=e-1010&", 1_000, 500, null);
        Path out = tmp.resolve("pseudonymised-state");
        ServerOptions fewAttempts = options().withRetries(2, Duration.ofMillis(1), Duration.ofMillis(1), 1);

        assertThatThrownBy(() -> pull(fewAttempts).pseudonymisingWith(key).pull(FROM, TO, out))
                .isInstanceOf(PullException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("e-1010"));
        String state = Files.readString(out.resolve("mhtrigger-pull.state"));
        List<StayRecord> plain = new FhirRecordReader().readAll(List.of(TestFhirServer.CORPUS));
        for (StayRecord original : plain) {
            assertThat(state)
                    .doesNotContain("\"" + original.id() + "\"")
                    .doesNotContain(original.patient().id() + "\"");
            assertThat(state)
                    .doesNotContain(original.stay().admitted().toString().substring(0, 16));
            assertThat(String.join("\n", progress))
                    .doesNotContain(original.id() + "&")
                    .doesNotContain("=" + original.patient().id());
        }
        server.clearFaults();
        pull(options()).pseudonymisingWith(key).pull(FROM, TO, out);

        List<StayRecord> hidden = new FhirRecordReader().readAll(List.of(out));
        assertThat(hidden).hasSameSizeAs(plain);
        assertThat(keys(out)).doesNotHaveDuplicates();
    }
}
