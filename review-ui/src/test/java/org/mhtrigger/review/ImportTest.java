package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhtrigger.review.importing.ImportJobs;
import org.mhtrigger.review.store.AuditTrail;
import org.mhtrigger.review.store.ReviewService;
import org.mhtrigger.review.store.Stays;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Import from the page: uploads and a pull from a FHIR server, screened with the real rules, on a real server. */
@SpringBootTest(
        classes = ReviewApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:import;DB_CLOSE_DELAY=-1",
            "mhtrigger.import.max-file-size=1MB",
            "mhtrigger.import.max-request-size=20MB"
        })
@Import(TestSettings.class)
class ImportTest {
    static final Path CORPUS = Path.of(System.getProperty("mhtrigger.corpus", "../corpus-samples"), "handwritten");
    static final Pattern STATE = Pattern.compile("data-state=\"([A-Z]+)\"");
    static final FakeFhirServer FHIR = FakeFhirServer.serving(CORPUS.resolve("stays/e-1001.json"));

    @DynamicPropertySource
    static void fhirServer(DynamicPropertyRegistry registry) {
        registry.add("mhtrigger.fhir.server-url", FHIR::base);
    }

    @AfterAll
    static void stopFhirServer() {
        FHIR.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Stays stays;

    @Autowired
    AuditTrail audit;

    @Autowired
    ReviewService reviews;

    @Autowired
    ImportJobs imports;

    private WebClient signedIn(String username) {
        fixtures.accounts();
        WebClient client = new WebClient(port);
        assertThat(client.login(username, Fixtures.PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
        return client;
    }

    /** Follows the job page's htmx poll until the job is done or failed; returns the last status panel. */
    static String finished(WebClient client, String jobPage) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            String panel = client.get(jobPage + "/status").body();
            Matcher state = STATE.matcher(panel);
            assertThat(state.find()).as("status panel has a state").isTrue();
            if (state.group(1).equals("DONE") || state.group(1).equals("FAILED")) {
                return panel;
            }
            assertThat(panel).contains("hx-trigger=\"every 1s\""); // still polling while it runs
            Thread.sleep(250);
        }
        throw new AssertionError("import did not finish within 3 minutes: " + jobPage);
    }

    static int count(String panel, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">(\\d+)<").matcher(panel);
        assertThat(m.find()).as(id).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static long goldRecords() throws IOException {
        try (Stream<String> lines = Files.lines(CORPUS.resolve("gold.csv"))) {
            return lines.skip(1)
                    .map(line -> line.substring(0, line.indexOf(',')))
                    .distinct()
                    .count();
        }
    }

    @Test
    void uploadOfTheHandwrittenCorpus_importsEveryRecordAndListsTheBadFilesRejections(@TempDir Path temp)
            throws Exception {
        // given: every hand-written stay (Bundles and NDJSON), a broken JSON file and a text file
        Map<String, Path> files = new LinkedHashMap<>();
        try (Stream<Path> inputs =
                Stream.concat(Files.list(CORPUS.resolve("stays")), Files.list(CORPUS.resolve("ndjson")))) {
            inputs.sorted().forEach(file -> files.put(file.getFileName().toString(), file));
        }
        Path broken = Files.writeString(temp.resolve("broken.json"), "{\"resourceType\": \"Bundle\", \"entry\": [");
        Path text = Files.writeString(temp.resolve("notes.txt"), "not FHIR");
        files.put("broken.json", broken);
        files.put("notes.txt", text);
        long before = stays.count();
        WebClient lead = signedIn("lead");
        lead.get("/import");

        // when
        HttpResponse<String> upload = lead.postFiles("/import/upload", files);

        // then: the job page polls its progress until every record is in
        assertThat(upload.statusCode()).isEqualTo(302);
        String jobPage = upload.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(jobPage).matches("/import/jobs/\\d+");
        assertThat(lead.get(jobPage).body()).contains("id=\"job-status\"");
        String panel = finished(lead, jobPage);
        long records = goldRecords();
        assertThat(panel).contains("data-state=\"DONE\"");
        assertThat(count(panel, "count-read")).isEqualTo(records);
        assertThat(count(panel, "count-screened")).isEqualTo(records);
        assertThat(count(panel, "count-imported") + count(panel, "count-present"))
                .isEqualTo(records);
        assertThat(stays.count() - before).isEqualTo(count(panel, "count-imported"));
        assertThat(stays.findByEncounter("e-1035")).isPresent();
        assertThat(stays.findByEncounter("e-1004-n")).isPresent(); // from the NDJSON files
        assertThat(panel).doesNotContain("hx-trigger");
        // each rejection on one line, named by the uploaded file, not the temporary folder
        List<String> rejections = Pattern.compile("<li>([^<]*)</li>")
                .matcher(panel.substring(panel.indexOf("id=\"rejections\"")))
                .results()
                .map(r -> r.group(1))
                .toList();
        assertThat(rejections).anySatisfy(line -> assertThat(line).startsWith("broken.json"));
        assertThat(rejections).contains("notes.txt: not a .json, .ndjson or .zip file; not read");
        assertThat(panel).doesNotContain("mhtrigger-import-");
        assertThat(audit.latest(50))
                .anySatisfy(
                        entry -> assertThat(entry.newValue()).startsWith("upload of " + files.size() + " files: done"));

        // and the period's sample is drawn from the job page
        assertThat(panel).contains("action=\"/periods\"").contains("value=\"2025-");
        Matcher period =
                Pattern.compile("name=\"period\"[^>]*value=\"([0-9-]+)\"").matcher(panel);
        assertThat(period.find()).isTrue();
        HttpResponse<String> draw =
                lead.post("/periods", Map.of("period", period.group(1), "size", "5", "seed", "11", "minAge", "18"));
        assertThat(draw.statusCode()).isEqualTo(302);
        assertThat(reviews.periods(Fixtures.LEAD))
                .anySatisfy(p -> assertThat(p.label()).isEqualTo(period.group(1)));

        // and once drawn, the job page no longer offers to draw that month: it says the month has a sample
        String after = lead.get(jobPage).body();
        assertThat(after).doesNotContain("action=\"/periods\"").contains("id=\"has-sample\"");
        assertThat(after).contains(period.group(1) + "</span> already has a sample of");

        // and an upload that brings nothing new offers no draw at all
        HttpResponse<String> again =
                lead.postFiles("/import/upload", Map.of("e-1001.json", CORPUS.resolve("stays/e-1001.json")));
        String againPanel = finished(
                lead, again.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
        assertThat(count(againPanel, "count-imported")).isZero();
        assertThat(againPanel).doesNotContain("action=\"/periods\"").doesNotContain("id=\"has-sample\"");
    }

    /** {@code count} copies of a small hand-written stay, each with ids of its own, as {@code s-NNN.json}. */
    static Map<String, Path> distinctStays(Path folder, String prefix, int count) throws IOException {
        String template = Files.readString(CORPUS.resolve("stays/e-1026.json"));
        Map<String, Path> files = new LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
            String id = prefix + String.format(java.util.Locale.ROOT, "%04d", i);
            String name = "s-" + id + ".json";
            files.put(
                    name,
                    Files.writeString(
                            folder.resolve(name),
                            template.replace("p-226", "p-" + id).replace("1026", id)));
        }
        return files;
    }

    @Test
    void uploadOfMoreFilesThanTomcatsDefaultPartLimit_isImported(@TempDir Path temp) throws Exception {
        // given: 60 files, more than the 50 parts Tomcat accepts unless told otherwise
        Map<String, Path> files = distinctStays(temp, "m", 60);
        WebClient lead = signedIn("lead");
        lead.get("/import");

        HttpResponse<String> upload = lead.postFiles("/import/upload", files);

        assertThat(upload.statusCode()).isEqualTo(302);
        String panel = finished(lead, location(upload));
        assertThat(panel).contains("data-state=\"DONE\"");
        assertThat(count(panel, "count-files")).isEqualTo(60);
        assertThat(count(panel, "count-screened")).isEqualTo(60);
        assertThat(stays.findByEncounter("e-m0060")).isPresent();
    }

    @Test
    void uploadOfAZip_importsItsFiles_andNamesEachRefusedEntryAsZipnameBangEntry(@TempDir Path temp) throws Exception {
        // given: a zip of three stays in a folder, a text file, an entry that climbs out and a zip bomb
        Map<String, Path> stays3 = distinctStays(temp, "z", 3);
        Path zip = temp.resolve("export.zip");
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, Path> stay : stays3.entrySet()) {
                out.putNextEntry(new java.util.zip.ZipEntry("bundles/" + stay.getKey()));
                out.write(Files.readAllBytes(stay.getValue()));
            }
            out.putNextEntry(new java.util.zip.ZipEntry("bundles/README.txt"));
            out.write("exported".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new java.util.zip.ZipEntry("../../escape.json"));
            out.write("{}".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new java.util.zip.ZipEntry("bomb.ndjson"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 40; i++) {
                out.write(zeros);
            }
        }
        WebClient lead = signedIn("lead");
        lead.get("/import");

        HttpResponse<String> upload = lead.postFiles("/import/upload", Map.of("export.zip", zip));

        assertThat(upload.statusCode()).isEqualTo(302);
        String panel = finished(lead, location(upload));
        assertThat(panel).contains("data-state=\"DONE\"");
        assertThat(count(panel, "count-files")).isEqualTo(3);
        assertThat(count(panel, "count-screened")).isEqualTo(3);
        assertThat(stays.findByEncounter("e-z0003")).isPresent();
        assertThat(panel)
                .contains("export.zip!/bundles/README.txt: not a .json or .ndjson file; not read")
                .contains("export.zip!/../../escape.json: its path leaves the archive&#39;s folder")
                .contains("export.zip!/bomb.ndjson: expands to more than 100 times its compressed size");
        assertThat(count(panel, "count-rejected")).isEqualTo(3);
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }

    @Test
    void pullFromTheConfiguredFhirServer_importsTheStaysDischargedInTheRange() throws Exception {
        WebClient lead = signedIn("lead");
        assertThat(lead.get("/import").body()).contains(FHIR.base());

        HttpResponse<String> pull = lead.post("/import/pull", Map.of("from", "2025-01-01", "to", "2025-01-31"));

        assertThat(pull.statusCode()).isEqualTo(302);
        String jobPage = pull.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        String panel = finished(lead, jobPage);
        assertThat(panel).contains("data-state=\"DONE\"").contains("pulled 1 stays");
        assertThat(count(panel, "count-read")).isEqualTo(1);
        assertThat(count(panel, "count-screened")).isEqualTo(1);
        assertThat(stays.findByEncounter("e-1001")).isPresent();
        assertThat(FHIR.requests()).anySatisfy(path -> assertThat(path).startsWith("/fhir/Encounter?status=finished"));
    }

    @Test
    void reviewerAndPhysician_mayNotImport() {
        WebClient ann = signedIn("ann");
        assertThat(ann.get("/import").statusCode()).isEqualTo(403);
        assertThat(ann.postFiles("/import/upload", Map.of("e-1001.json", CORPUS.resolve("stays/e-1001.json")))
                        .statusCode())
                .isEqualTo(403);
        WebClient doc = signedIn("doc");
        assertThat(doc.get("/import").statusCode()).isEqualTo(403);
        assertThat(doc.post("/import/pull", Map.of("from", "2025-01-01", "to", "2025-01-31"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void uploadWithoutCsrfToken_isForbiddenAndStartsNothing() {
        WebClient lead = signedIn("lead");
        lead.get("/import");
        int before = imports.recent(Fixtures.LEAD).size();

        HttpResponse<String> upload =
                lead.postFiles("/import/upload", Map.of("e-1002.json", CORPUS.resolve("stays/e-1002.json")), false);

        assertThat(upload.statusCode()).isEqualTo(403);
        assertThat(imports.recent(Fixtures.LEAD)).hasSize(before);
    }

    @Test
    void uploadLargerThanTheLimit_isRefusedWithNothingImported(@TempDir Path temp) throws IOException {
        Path big = temp.resolve("big.ndjson");
        Files.write(big, new byte[1_500_000]);
        WebClient lead = signedIn("lead");
        lead.get("/import");
        long before = stays.count();

        HttpResponse<String> upload = lead.postFiles("/import/upload", Map.of("big.ndjson", big));

        assertThat(upload.statusCode()).isEqualTo(413);
        assertThat(upload.body()).contains("larger than this server accepts");
        assertThat(stays.count()).isEqualTo(before);
    }

    /** A FHIR server on the JDK's HTTP server that answers every search with the resources of one Bundle. */
    static final class FakeFhirServer implements AutoCloseable {
        private final HttpServer server;
        private final List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();

        private FakeFhirServer(HttpServer server) {
            this.server = server;
        }

        static FakeFhirServer serving(Path bundle) {
            try {
                JsonNode entries = new ObjectMapper().readTree(bundle.toFile()).get("entry");
                HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                FakeFhirServer fake = new FakeFhirServer(http);
                http.createContext("/fhir/", exchange -> {
                    String path = exchange.getRequestURI().getRawPath().substring("/fhir/".length());
                    String query = exchange.getRequestURI().getRawQuery();
                    fake.requests.add("/fhir/" + path + (query == null ? "" : "?" + query));
                    String body;
                    if (path.contains("/")) { // a read: Type/id
                        body = "{\"resourceType\":\"OperationOutcome\"}";
                        for (JsonNode entry : entries) {
                            JsonNode resource = entry.get("resource");
                            if (path.equals(resource.get("resourceType").asString() + "/"
                                    + resource.get("id").asString())) {
                                body = resource.toString();
                            }
                        }
                    } else { // a search: every resource of the type, one page
                        StringBuilder found = new StringBuilder();
                        for (JsonNode entry : entries) {
                            JsonNode resource = entry.get("resource");
                            if (resource.get("resourceType").asString().equals(path)) {
                                found.append(found.isEmpty() ? "" : ",")
                                        .append("{\"resource\":")
                                        .append(resource)
                                        .append('}');
                            }
                        }
                        body = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[" + found + "]}";
                    }
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
                    exchange.sendResponseHeaders(200, bytes.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                });
                http.start();
                return fake;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
        }

        List<String> requests() {
            return List.copyOf(requests);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
