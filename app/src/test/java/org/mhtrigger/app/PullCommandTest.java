package org.mhtrigger.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pull} against a small FHIR search server on 127.0.0.1 (the JDK's HTTP server serving the hand-written NDJSON
 * stays); the fault-injection tests against a real HAPI server live in fhir-adapter.
 */
@Timeout(60)
class PullCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path NDJSON = CommandRun.HANDWRITTEN.resolve("ndjson");

    @TempDir
    Path tmp;

    private HttpServer server;
    private final List<JsonNode> resources = new ArrayList<>();
    private final List<String> authorizations = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        try (Stream<Path> files = Files.list(NDJSON)) {
            for (Path file : files.sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        resources.add(JSON.readTree(line));
                    }
                }
            }
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fhir/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
    }

    /** Read by id, and search by encounter, context, patient or status (one page, no paging). */
    private void answer(HttpExchange exchange) throws IOException {
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        String[] path =
                exchange.getRequestURI().getPath().substring("/fhir/".length()).split("/");
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            query.putIfAbsent(kv[0], URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
        }
        JsonNode body = null;
        if (path.length == 2) {
            body = resources.stream()
                    .filter(r -> r.path("resourceType").asText().equals(path[0])
                            && r.path("id").asText().equals(path[1]))
                    .findFirst()
                    .orElse(null);
        } else {
            ObjectNode bundle =
                    JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
            ArrayNode entries = bundle.putArray("entry");
            for (JsonNode resource : resources) {
                if (resource.path("resourceType").asText().equals(path[0]) && matches(resource, query)) {
                    entries.addObject().set("resource", resource);
                }
            }
            body = bundle;
        }
        byte[] bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
        exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static boolean matches(JsonNode resource, Map<String, String> query) {
        for (Map.Entry<String, String> param : query.entrySet()) {
            String wanted = param.getValue();
            boolean ok = switch (param.getKey()) {
                case "encounter" ->
                    refersTo(resource.path("encounter"), wanted)
                            || refersTo(resource.path("context").path("encounter"), wanted);
                case "context" -> refersTo(resource.path("context"), wanted);
                case "patient" -> refersTo(resource.path("subject"), wanted);
                case "status" -> resource.path("status").asText().equals(wanted);
                default -> true; // date, _count: the client filters by discharge day itself
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean refersTo(JsonNode reference, String id) {
        if (reference.isArray()) {
            for (JsonNode each : reference) {
                if (refersTo(each, id)) {
                    return true;
                }
            }
            return false;
        }
        return reference.path("reference").asText().endsWith("/" + id);
    }

    @Test
    void pulledThenScreened_givesTheSameFindingsAsScreeningTheFiles() throws IOException {
        Path out = tmp.resolve("pulled");
        Path token = tmp.resolve("token");
        Files.writeString(token, "app-token\n");

        CommandRun pull = CommandRun.run(
                "pull",
                "--server",
                base(),
                "--from",
                "2025-01-01",
                "--to",
                "2025-12-31",
                "--out",
                out.toString(),
                "--token-file",
                token.toString());
        CommandRun pulled = CommandRun.run("screen", "--quiet", "--input", out.toString());
        CommandRun files = CommandRun.run("screen", "--quiet", "--input", NDJSON.toString());

        assertThat(pull.exitCode()).as(pull.err()).isEqualTo(Main.OK);
        assertThat(pull.err()).contains("pulled 4 stays");
        assertThat(authorizations).isNotEmpty().allMatch("Bearer app-token"::equals);
        assertThat(pulled.exitCode()).as(pulled.err()).isEqualTo(Main.OK);
        assertThat(files.outLines()).isNotEmpty();
        assertThat(pulled.outLines()).containsExactlyInAnyOrderElementsOf(files.outLines());
    }

    @Test
    void aPseudonymisedPull_screensWithTheSameTriggersUnderOtherIds() throws IOException {
        Path key = tmp.resolve("key");
        Files.writeString(key, "a-long-enough-test-key-0123456789");
        Path out = tmp.resolve("pseudonymised");

        CommandRun pull = CommandRun.run(
                "pull",
                "--quiet",
                "--server",
                base(),
                "--from",
                "2025-01-01",
                "--to",
                "2025-12-31",
                "--out",
                out.toString(),
                "--pseudonymise-key",
                key.toString());
        CommandRun pulled = CommandRun.run("screen", "--quiet", "--input", out.toString());
        CommandRun files = CommandRun.run("screen", "--quiet", "--input", NDJSON.toString());

        assertThat(pull.exitCode()).as(pull.err()).isEqualTo(Main.OK);
        assertThat(pulled.out()).doesNotContain("e-1004-n").doesNotContain("\"patient\":\"p-");
        assertThat(pulled.outField("trigger")).isEqualTo(files.outField("trigger"));
    }

    @Test
    void pullWithoutDatesOrWithABadBulkScope_isAUsageError() {
        CommandRun noDates = CommandRun.run(
                "pull", "--server", base(), "--out", tmp.resolve("a").toString());
        CommandRun badScope = CommandRun.run(
                "pull",
                "--server",
                base(),
                "--bulk",
                "patients",
                "--out",
                tmp.resolve("b").toString());

        assertThat(noDates.exitCode()).isEqualTo(Main.USAGE);
        assertThat(noDates.err()).contains("--from and --to");
        assertThat(badScope.exitCode()).isEqualTo(Main.USAGE);
        assertThat(badScope.err()).contains("'patients'");
    }

    @Test
    void pullAnswersHelp() {
        CommandRun run = CommandRun.run("pull", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Usage: mhtrigger pull")
                .contains("--bulk")
                .contains("--token-file")
                .contains("--max-retry-wait")
                .contains("Retry-After: 86400 cannot stall");
    }
}
