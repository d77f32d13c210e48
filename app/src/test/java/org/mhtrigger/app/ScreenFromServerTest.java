package org.mhtrigger.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.fhir.FhirRecordReader;
import org.mhtrigger.fhir.server.TestFhirServer;

/** {@code screen --server} against fhir-adapter's test FHIR server: a real HAPI RestfulServer on Jetty at 127.0.0.1. */
@Timeout(120)
class ScreenFromServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestFhirServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        server = new TestFhirServer(20);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private CommandRun screenServer(String... more) {
        String[] base = {"screen", "--server", server.base().toString(), "--from", "2025-01-01", "--to", "2025-12-31"};
        String[] args = Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
        return CommandRun.run(args);
    }

    private static long tempPulls() throws IOException {
        try (Stream<Path> temp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return temp.filter(p -> p.getFileName().toString().startsWith("mhtrigger-pull-"))
                    .count();
        }
    }

    @Test
    void screeningFromTheServer_findsWhatScreeningTheSameFilesFinds_andLeavesNoTemporaryFiles() throws IOException {
        long before = tempPulls();

        CommandRun pulled = screenServer();
        CommandRun files = CommandRun.run("screen", "--quiet", "--input", TestFhirServer.CORPUS.toString());

        assertThat(pulled.exitCode()).as(pulled.err()).isEqualTo(Main.OK);
        int records =
                new FhirRecordReader().readAll(List.of(TestFhirServer.CORPUS)).size();
        assertThat(pulled.err()).contains("pull: pulled 40/40 stays").contains("screened " + records + " records");
        assertThat(files.outLines()).isNotEmpty();
        assertThat(pulled.outLines()).containsExactlyInAnyOrderElementsOf(files.outLines());
        assertThat(tempPulls()).as("temporary pull folders left behind").isEqualTo(before);
    }

    @Test
    void aBulkExportFromAHapiJpaStyleServer_findsWhatScreeningTheSameFilesFinds() {
        server.hapiJpaStyle(true);
        try {
            CommandRun pulled = CommandRun.run(
                    "screen", "--server", server.base().toString(), "--bulk", "system", "--max-retry-wait", "1");
            CommandRun files = CommandRun.run("screen", "--quiet", "--input", TestFhirServer.CORPUS.toString());

            assertThat(pulled.exitCode()).as(pulled.err()).isEqualTo(Main.OK);
            assertThat(pulled.err()).contains("asked for 120 s, capped at 1 s");
            assertThat(files.outLines()).isNotEmpty();
            assertThat(pulled.outLines()).containsExactlyInAnyOrderElementsOf(files.outLines());
        } finally {
            server.clearFaults();
        }
    }

    @Test
    void aRangeWithNoStays_saysThePullReadNothing_andExitsThree() {
        CommandRun run = CommandRun.run(
                "screen", "--server", server.base().toString(), "--from", "1990-01-01", "--to", "1990-01-31");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.REJECTED_INPUT);
        assertThat(run.errLines())
                .filteredOn(l -> l.contains("the pull read 0 resources"))
                .hasSize(1);
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void keep_leavesThePulledFilesWhereAsked_andARerunResumesWithoutRequests() throws IOException {
        Path kept = tmp.resolve("kept");

        CommandRun first = screenServer("--quiet", "--keep", kept.toString());
        int requests = server.requestsMatching("/fhir/").size();
        CommandRun again = screenServer("--quiet", "--keep", kept.toString());

        assertThat(first.exitCode()).as(first.err()).isEqualTo(Main.OK);
        assertThat(Files.exists(kept.resolve("Observation.ndjson"))).isTrue();
        assertThat(again.outLines()).containsExactlyInAnyOrderElementsOf(first.outLines());
        assertThat(server.requestsMatching("/fhir/")).hasSize(requests);
    }

    @Test
    void aNarrowerRange_screensOnlyTheStaysDischargedInIt() throws IOException {
        LocalDate from = LocalDate.of(2025, 3, 1);
        LocalDate to = LocalDate.of(2025, 3, 31);
        Set<String> march = new FhirRecordReader()
                .readAll(List.of(TestFhirServer.CORPUS)).stream()
                        .filter(r -> ScreenCommand.dischargedWithin(r, from, to))
                        .map(StayRecord::id)
                        .collect(Collectors.toSet());
        CommandRun files = CommandRun.run("screen", "--quiet", "--input", TestFhirServer.CORPUS.toString());
        List<String> expected = new ArrayList<>();
        for (String line : files.outLines()) {
            if (march.contains(JSON.readTree(line).get("record").asText())) {
                expected.add(line);
            }
        }

        CommandRun pulled = CommandRun.run(
                "screen",
                "--quiet",
                "--server",
                server.base().toString(),
                "--from",
                from.toString(),
                "--to",
                to.toString());

        assertThat(pulled.exitCode()).as(pulled.err()).isEqualTo(Main.OK);
        assertThat(expected).isNotEmpty().hasSizeLessThan(files.outLines().size());
        assertThat(pulled.outLines()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void smartClientCredentials_screenTheSameFindings_andAWrongKeyFailsWithOneLine() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair registered = generator.generateKeyPair();
        KeyPair other = generator.generateKeyPair();
        try (TestFhirServer smart = new TestFhirServer(20)) {
            smart.requireSmart(new TestFhirServer.SmartClient("mhtrigger", registered.getPublic(), "k1", 300));
            String[] common = {
                "screen",
                "--quiet",
                "--server",
                smart.base().toString(),
                "--from",
                "2025-03-01",
                "--to",
                "2025-03-31",
                "--smart-client-id",
                "mhtrigger",
                "--smart-kid",
                "k1",
                "--smart-key"
            };
            CommandRun plain = CommandRun.run(
                    "screen",
                    "--quiet",
                    "--server",
                    server.base().toString(),
                    "--from",
                    "2025-03-01",
                    "--to",
                    "2025-03-31");

            CommandRun ok = CommandRun.run(with(common, pem(registered, "registered.pem")));
            CommandRun refused = CommandRun.run(with(common, pem(other, "other.pem")));

            assertThat(ok.exitCode()).as(ok.err()).isEqualTo(Main.OK);
            assertThat(smart.tokensIssued()).isEqualTo(1);
            assertThat(plain.outLines()).isNotEmpty();
            assertThat(ok.outLines()).containsExactlyInAnyOrderElementsOf(plain.outLines());
            assertThat(refused.exitCode()).isEqualTo(Main.FAILURE);
            assertThat(refused.errLines())
                    .singleElement()
                    .asString()
                    .startsWith("mhtrigger: SMART:")
                    .contains("HTTP 401 invalid_client");
        }
    }

    private static String[] with(String[] args, String last) {
        return Stream.concat(Stream.of(args), Stream.of(last)).toArray(String[]::new);
    }

    private String pem(KeyPair pair, String name) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(
                file,
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(pair.getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n");
        return file.toString();
    }

    @Test
    void aBulkExport_screensWhatScreeningTheFilesFinds_andDatesNarrowIt() throws IOException {
        CommandRun bulk =
                CommandRun.run("screen", "--quiet", "--server", server.base().toString(), "--bulk", "system");
        CommandRun files = CommandRun.run("screen", "--quiet", "--input", TestFhirServer.CORPUS.toString());
        CommandRun narrow = CommandRun.run(
                "screen",
                "--quiet",
                "--server",
                server.base().toString(),
                "--bulk",
                "system",
                "--from",
                "2025-03-01",
                "--to",
                "2025-05-31");

        assertThat(bulk.exitCode()).as(bulk.err()).isEqualTo(Main.OK);
        assertThat(server.requestsMatching("$export")).isNotEmpty();
        assertThat(bulk.outLines()).isNotEmpty().containsExactlyInAnyOrderElementsOf(files.outLines());
        assertThat(narrow.exitCode()).as(narrow.err()).isEqualTo(Main.OK);
        assertThat(narrow.outLines())
                .isNotEmpty()
                .hasSizeLessThan(bulk.outLines().size());
        assertThat(bulk.outLines()).containsAll(narrow.outLines());
    }

    @Test
    void aPseudonymisingPull_screensTheSameStaysAndTriggersUnderOtherIds() throws IOException {
        Path key = tmp.resolve("key");
        Files.writeString(key, "a-long-enough-test-key-0123456789");
        String[] range = {"--server", server.base().toString(), "--from", "2025-03-01", "--to", "2025-05-31"};

        CommandRun plain = CommandRun.run(
                Stream.concat(Stream.of("screen", "--quiet"), Stream.of(range)).toArray(String[]::new));
        CommandRun pseudonymised = CommandRun.run(
                Stream.concat(Stream.of("screen", "--quiet", "--pseudonymise-key", key.toString()), Stream.of(range))
                        .toArray(String[]::new));

        assertThat(pseudonymised.exitCode()).as(pseudonymised.err()).isEqualTo(Main.OK);
        Set<String> originalRecords = new HashSet<>(plain.outField("record"));
        assertThat(originalRecords).isNotEmpty();
        // dates move by up to 180 days under pseudonymisation: the stays screened are still the ones selected
        assertThat(new HashSet<>(pseudonymised.outField("record")))
                .hasSameSizeAs(originalRecords)
                .doesNotContainAnyElementsOf(originalRecords);
        assertThat(pseudonymised.outField("trigger")).isEqualTo(plain.outField("trigger"));
    }

    @Test
    void pullOptionsWithInput_areAUsageError() {
        CommandRun bulk = CommandRun.run("screen", "--input", TestFhirServer.CORPUS.toString(), "--bulk", "system");

        assertThat(bulk.exitCode()).isEqualTo(Main.USAGE);
        assertThat(bulk.err()).contains("go with --server");
    }

    @Test
    void serverWithoutDates_orWithInput_isAUsageError() {
        CommandRun noDates = CommandRun.run("screen", "--server", server.base().toString());
        CommandRun both = CommandRun.run(
                "screen", "--server", server.base().toString(), "--input", TestFhirServer.CORPUS.toString());

        assertThat(noDates.exitCode()).isEqualTo(Main.USAGE);
        assertThat(noDates.err()).contains("--from and --to");
        assertThat(both.exitCode()).isEqualTo(Main.USAGE);
        assertThat(both.err()).contains("mutually exclusive");
    }
}
