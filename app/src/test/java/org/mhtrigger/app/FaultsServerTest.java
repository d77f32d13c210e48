package org.mhtrigger.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.fhir.FhirRecordReader;
import org.mhtrigger.fhir.server.TestFhirServer;

/**
 * The server faults of issue #17 replayed through {@code screen --server} against the test FHIR server (a real HAPI
 * RestfulServer on 127.0.0.1): each ends with one clear line and a non-zero exit or the right findings, never a hang,
 * a leaked token or an original id in a pseudonymised run.
 */
@Timeout(120)
class FaultsServerTest {
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

    @AfterEach
    void clear() {
        server.clearFaults();
    }

    private static CommandRun screenServer(String... more) {
        List<String> args = new java.util.ArrayList<>(
                List.of("screen", "--server", server.base().toString(), "--from", "2025-01-01", "--to", "2025-12-31"));
        args.addAll(List.of(more));
        return CommandRun.run(args.toArray(String[]::new));
    }

    @Test
    void aNextLinkThatLoopsBack_endsTheRunWithOneLine_insteadOfRunningForever() {
        server.answer(
                "/Encounter?status=finished",
                1_000_000,
                "application/fhir+json",
                "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"link\":[{\"relation\":\"next\",\"url\":\"{self}\"}]}");

        CommandRun run = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                Duration.ofSeconds(60), () -> screenServer("--quiet"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.FAILURE);
        assertThat(run.errLines()).singleElement().asString().contains("next link leads back to a page already read");
    }

    @Test
    void aRetryAfterOfADay_isCappedAsConfigured_andTheRunCompletes() {
        server.fail("/Encounter?status=finished", 1, 503, "86400");

        CommandRun run = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                Duration.ofSeconds(90), () -> screenServer("--max-retry-wait", "1"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
        assertThat(run.err()).contains("the server asked for 86400 s, capped at 1 s (--max-retry-wait)");
        assertThat(run.outLines()).isNotEmpty();
    }

    @Test
    void theTokenIsNotSentToANextLinkOnAnotherOrigin() throws IOException {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            seen.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}".getBytes(StandardCharsets.UTF_8);
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
                    "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"link\":[{\"relation\":\"next\",\"url\":"
                            + "\"http://127.0.0.1:" + other.getAddress().getPort() + "/fhir?page=2\"}]}");
            Path token = Files.writeString(tmp.resolve("token"), "s3cret-token");

            CommandRun run = screenServer("--token-file", token.toString());

            assertThat(seen).containsExactly("null");
            assertThat(run.err()).doesNotContain("s3cret");
            assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.REJECTED_INPUT);
            assertThat(run.errLines())
                    .filteredOn(l -> l.contains("the pull read 0 resources"))
                    .hasSize(1);
        } finally {
            other.stop(0);
        }
    }

    @Test
    void aPseudonymisedRun_leavesNoOriginalIdOrDate_inTheStateFileOrOnStderr() throws IOException {
        Path key = Files.writeString(tmp.resolve("key"), "a-long-enough-test-key-0123456789");
        Path kept = tmp.resolve("kept");
        server.fail("/Observation?encounter=e-1003&", 2, 503, "0");
        server.fail("/Patient/p-205", 1, 500, null);

        CommandRun run = screenServer("--pseudonymise-key", key.toString(), "--keep", kept.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
        assertThat(run.err()).contains("retrying GET");
        String state = Files.readString(kept.resolve("mhtrigger-pull.state"));
        for (StayRecord original : new FhirRecordReader().readAll(List.of(TestFhirServer.CORPUS))) {
            for (String text : List.of(state, run.err(), run.out())) {
                assertThat(text)
                        .doesNotContain(original.id() + "\"")
                        .doesNotContain(original.id() + "&")
                        .doesNotContain("\"" + original.patient().id() + "\"")
                        .doesNotContain("/" + original.patient().id())
                        .doesNotContain(original.stay().admitted().toString().substring(0, 16));
            }
        }
    }
}
