package org.mhtrigger.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mhtrigger.testkit.ChildJvm;

/**
 * {@code pull} by paged search and by Bulk Data {@code $export} (system and Group) against a real HAPI FHIR JPA server
 * (hapi-fhir-jpaserver-base, H2 in memory) loaded with the hand-written stays: screening what was pulled gives the
 * same findings as screening the files.
 *
 * <p>The server runs as a child JVM on its own classpath (app/jpa-server/pom.xml, resolved by this module's build
 * into {@code mhtrigger.jpaserver.lib}): its HAPI 8.8.0 must not meet the product's HAPI 8.8.1. Slow (the server
 * starts in about a minute here, and each export is a Batch2 job), hence the tag.
 */
@Tag("external")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class JpaServerPullTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path STAYS = CommandRun.HANDWRITTEN.resolve("stays");
    private static final String GROUP = "handwritten-stays";

    @TempDir
    Path tmp;

    private Process server;
    private String base;
    private List<String> fileFindings;

    @BeforeAll
    void startTheServerAndLoadTheStays() throws Exception {
        Path lib = Path.of(System.getProperty("mhtrigger.jpaserver.lib", "target/jpaserver-lib"));
        assertThat(lib.resolve("mhtrigger-jpaserver-runtime-0.1.0-SNAPSHOT.jar"))
                .as("the JPA server launcher, built by app/pom.xml's maven-invoker-plugin")
                .exists();
        Path log = Path.of("target", "jpaserver.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        server = new ProcessBuilder(ChildJvm.command(
                        List.of("-Xmx768m", "-XX:TieredStopAtLevel=1"),
                        lib.toAbsolutePath() + "/*",
                        "org.mhtrigger.jpaserver.JpaServerLauncher"))
                .redirectError(log.toFile())
                .start();
        base = CompletableFuture.supplyAsync(this::readyLine)
                .get(4, TimeUnit.MINUTES)
                .substring("READY ".length());

        HttpClient http = HttpClient.newHttpClient();
        ArrayNode members = JSON.createArrayNode();
        try (Stream<Path> files = Files.list(STAYS)) {
            for (Path file : files.sorted().toList()) {
                ObjectNode bundle = (ObjectNode) JSON.readTree(file.toFile());
                bundle.put("type", "transaction");
                for (JsonNode entry : bundle.path("entry")) {
                    JsonNode resource = entry.path("resource");
                    String type = resource.path("resourceType").asText();
                    String id = resource.path("id").asText();
                    ((ObjectNode) entry)
                            .putObject("request")
                            .put("method", "PUT")
                            .put("url", type + "/" + id);
                    if (type.equals("Patient")) {
                        members.addObject().putObject("entity").put("reference", "Patient/" + id);
                    }
                }
                post(http, base, bundle);
            }
        }
        ObjectNode group = JSON.createObjectNode()
                .put("resourceType", "Group")
                .put("id", GROUP)
                .put("type", "person")
                .put("actual", true);
        group.set("member", members);
        put(http, base + "/Group/" + GROUP, group);

        CommandRun files = CommandRun.run("screen", "--quiet", "--input", STAYS.toString());
        assertThat(files.exitCode()).as(files.err()).isEqualTo(Main.OK);
        fileFindings = files.outLines();
        assertThat(fileFindings).isNotEmpty();
    }

    @AfterAll
    void stopTheServer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void aPagedSearchPull_screensToTheSameFindingsAsTheFiles() {
        Path out = tmp.resolve("search");

        CommandRun pull = CommandRun.run(
                "pull", "--server", base, "--from", "2025-01-01", "--to", "2025-12-31", "--out", out.toString());

        assertThat(pull.exitCode()).as(pull.err()).isEqualTo(Main.OK);
        assertSameFindingsAsTheFiles(out);
    }

    @Test
    void aSystemBulkExportPull_screensToTheSameFindingsAsTheFiles() {
        Path out = tmp.resolve("bulk-system");

        CommandRun pull = CommandRun.run(
                "pull", "--server", base, "--bulk", "system", "--max-retry-wait", "1", "--out", out.toString());

        assertThat(pull.exitCode()).as(pull.err()).isEqualTo(Main.OK);
        assertSameFindingsAsTheFiles(out);
    }

    @Test
    void aGroupBulkExportPull_screensToTheSameFindingsAsTheFiles() {
        Path out = tmp.resolve("bulk-group");

        CommandRun pull = CommandRun.run(
                "pull", "--server", base, "--bulk", "group:" + GROUP, "--max-retry-wait", "1", "--out", out.toString());

        assertThat(pull.exitCode()).as(pull.err()).isEqualTo(Main.OK);
        assertSameFindingsAsTheFiles(out);
    }

    private void assertSameFindingsAsTheFiles(Path pulled) {
        CommandRun screened = CommandRun.run("screen", "--quiet", "--input", pulled.toString());
        assertThat(screened.exitCode()).as(screened.err()).isEqualTo(Main.OK);
        assertThat(new TreeSet<>(screened.outLines()))
                .as(
                        "findings from %s (%d) against the files (%d)",
                        pulled, screened.outLines().size(), fileFindings.size())
                .isEqualTo(new TreeSet<>(fileFindings));
        assertThat(screened.outLines()).hasSameSizeAs(fileFindings);
    }

    private String readyLine() {
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("READY ")) {
                    return line;
                }
            }
            throw new IllegalStateException("the JPA server ended before it was ready; see target/jpaserver.log");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void post(HttpClient http, String url, JsonNode body) throws IOException, InterruptedException {
        send(http, HttpRequest.newBuilder(URI.create(url)).POST(bodyOf(body)));
    }

    private static void put(HttpClient http, String url, JsonNode body) throws IOException, InterruptedException {
        send(http, HttpRequest.newBuilder(URI.create(url)).PUT(bodyOf(body)));
    }

    private static HttpRequest.BodyPublisher bodyOf(JsonNode body) throws IOException {
        return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
    }

    private static void send(HttpClient http, HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                request.header("Content-Type", "application/fhir+json")
                        .timeout(Duration.ofMinutes(2))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    }
}
