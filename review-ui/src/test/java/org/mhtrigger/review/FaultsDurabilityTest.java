package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhtrigger.review.store.DatabaseUrls;
import org.mhtrigger.review.store.H2Compaction;
import org.mhtrigger.review.store.ReviewService;
import org.mhtrigger.review.store.Role;
import org.mhtrigger.review.store.Users;
import org.mhtrigger.testkit.ChildJvm;
import org.mhtrigger.testkit.Postgres;
import org.mhtrigger.testkit.PostgresTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fault replay, issue #17 case 1: every save the review UI confirmed survives a {@code kill -9} of the server. The
 * review server runs as a child JVM ({@link DurabilityChild}, started as {@code serve} starts it); a client signed in
 * as a reviewer adds events over HTTP in a loop, and a save counts as acknowledged once its answer (the redirect to the
 * record) has arrived. The server is killed with SIGKILL at a random moment, the database is read directly, and every
 * acknowledged save must be there with its audit row; then the server is started again on the same database for the
 * next round. Ten rounds. The last tests check that the server opens H2 files with the settings of {@link
 * DatabaseUrls#durable}, compacts a file grown past its live data before it opens it, and moves an identity a crash
 * left behind.
 */
class FaultsDurabilityTest {
    static final int KILLS = 10;

    @Test
    void everyAcknowledgedSave_survivesTenKillsOfTheServer_onTheEmbeddedH2File(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("durable");

        int lost = killAndCount(url, "", "", dir.resolve("durable.audit-key"));

        assertThat(lost).as("acknowledged saves lost in %d kills", KILLS).isZero();
    }

    @Test
    @PostgresTest
    void everyAcknowledgedSave_survivesTenKillsOfTheServer_onPostgres(@TempDir Path dir) throws Exception {
        Postgres server = Postgres.fromEnvironment();
        try (Postgres.Schema schema = server.createSchema("k")) {
            int lost = killAndCount(schema.url(), server.user(), server.password(), dir.resolve("postgres.audit-key"));

            assertThat(lost).as("acknowledged saves lost in %d kills", KILLS).isZero();
        }
    }

    @Test
    void theServer_opensAnEmbeddedH2File_withoutWriteDelay_appendingEveryCommit(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("served");

        try (ReviewServer server =
                ReviewServer.start(new ReviewSettings(0, url, "", "", Fixtures.CATALOGUE, "127.0.0.1"))) {
            Map<String, String> settings = new HashMap<>();
            server.bean(JdbcClient.class)
                    .sql("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                            + " WHERE SETTING_NAME IN ('WRITE_DELAY', 'REUSE_SPACE')")
                    .query((rs, n) -> settings.put(rs.getString(1), rs.getString(2)))
                    .list();

            assertThat(settings).containsEntry("WRITE_DELAY", "0").containsEntry("REUSE_SPACE", "FALSE");
        }
    }

    @Test
    void theServer_compactsAGrownH2File_beforeItOpensIt(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("grown");
        Path file = dir.resolve("grown.mv.db");
        ReviewServer.start(new ReviewSettings(0, url, "", "", Fixtures.CATALOGUE, "127.0.0.1"))
                .close();
        try (Connection c = DriverManager.getConnection(DatabaseUrls.durable(url));
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE grown (id BIGINT AUTO_INCREMENT PRIMARY KEY, body VARCHAR(4000))");
            c.setAutoCommit(false);
            while (Files.size(file) < H2Compaction.MIN_FILE_BYTES + (8L << 20)) {
                s.execute("INSERT INTO grown (body) VALUES (REPEAT('x', 4000))");
                s.execute("DELETE FROM grown");
                c.commit();
            }
        }
        long grown = Files.size(file);

        try (ReviewServer server =
                ReviewServer.start(new ReviewSettings(0, url, "", "", Fixtures.CATALOGUE, "127.0.0.1"))) {
            assertThat(Files.size(file)).as("file after the server started").isLessThan(grown / 4);
            assertThat(server.bean(JdbcClient.class)
                            .sql("SELECT COUNT(*) FROM \"flyway_schema_history\"")
                            .query(Long.class)
                            .single())
                    .as("migrations kept")
                    .isPositive();
        }
    }

    @Test
    void theServer_movesAnIdentityLeftBehindByACrash_soInsertsGoOn(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("behind");
        try (ReviewServer server =
                ReviewServer.start(new ReviewSettings(0, url, "", "", Fixtures.CATALOGUE, "127.0.0.1"))) {
            new Fixtures(server.bean(DemoData.class), server.bean(Users.class), server.bean(ReviewService.class))
                    .accounts();
        }
        // what a kill -9 during concurrent inserts can leave: the next key at or below keys already committed
        try (Connection c = DriverManager.getConnection(DatabaseUrls.durable(url));
                Statement s = c.createStatement()) {
            s.execute("ALTER TABLE app_user ALTER COLUMN id RESTART WITH 1");
        }

        try (ReviewServer server =
                ReviewServer.start(new ReviewSettings(0, url, "", "", Fixtures.CATALOGUE, "127.0.0.1"))) {
            Users users = server.bean(Users.class);
            users.create("eve", "Eve Reviewer", Role.REVIEWER, Fixtures.PASSWORD, "test");

            assertThat(users.find("eve")).isPresent();
        }
    }

    /** Runs {@link #KILLS} rounds of save-then-kill; returns the acknowledged saves missing afterwards, in all. */
    private static int killAndCount(String url, String user, String password, Path keyFile) throws Exception {
        long seed = ThreadLocalRandom.current().nextLong();
        Random random = new Random(seed);
        long review = -1;
        int lost = 0;
        int acknowledged = 0;
        List<String> figures = new ArrayList<>();
        for (int kill = 1; kill <= KILLS; kill++) {
            Child server = Child.start(url, user, password, keyFile, kill == 1);
            Saver saver;
            try {
                int port = server.port.get(120, TimeUnit.SECONDS);
                if (kill == 1) {
                    review = server.review();
                }
                saver = new Saver(port, review, kill);
                saver.thread.start();
                saver.firstAck.get(60, TimeUnit.SECONDS);
                Thread.sleep(300 + random.nextInt(700));
            } finally {
                server.kill();
            }
            saver.thread.join(30_000);
            assertThat(saver.failure)
                    .as("seed %d, kill %d: the client's last answer", seed, kill)
                    .isNull();
            List<String> acked = List.copyOf(saver.acked);
            assertThat(acked).as("seed %d: saves before kill %d", seed, kill).isNotEmpty();

            Set<String> stored = storedSaves(url, user, password, review);

            List<String> missing =
                    acked.stream().filter(d -> !stored.contains(d)).toList();
            lost += missing.size();
            acknowledged += acked.size();
            figures.add(missing.size() + "/" + acked.size());
        }
        System.out.println("FaultsDurabilityTest " + url.replaceAll("[;?].*", "") + " seed " + seed + ": " + lost
                + " of " + acknowledged + " acknowledged saves lost in " + KILLS
                + " kills of the server (lost/acknowledged per kill: "
                + String.join(" ", figures) + ")");
        return lost;
    }

    /**
     * A reviewer's browser, as an HTTP client: signs in as Ann and adds events to the review one after another. A
     * save is acknowledged when the server answered it with its redirect to the record, as the browser sees it; the
     * loop ends when the connection fails (the server was killed).
     */
    private static final class Saver {
        private static final Pattern VERSION = Pattern.compile("<input[^>]*name=\"version\"[^>]*value=\"(\\d+)\"");

        final List<String> acked = Collections.synchronizedList(new ArrayList<>());
        final CompletableFuture<Void> firstAck = new CompletableFuture<>();
        final Thread thread;
        volatile String failure;

        Saver(int port, long review, int round) {
            this.thread = Thread.ofPlatform().daemon().unstarted(() -> {
                try {
                    WebClient browser = new WebClient(port);
                    HttpResponse<String> login = browser.login(Fixtures.ANN.username(), Fixtures.PASSWORD);
                    if (login.headers().firstValue("Location").orElse("").contains("error")) {
                        throw new IllegalStateException("sign-in refused");
                    }
                    Matcher page =
                            VERSION.matcher(browser.get("/reviews/" + review).body());
                    if (!page.find()) {
                        throw new IllegalStateException("the record page has no version field");
                    }
                    long version = Long.parseLong(page.group(1));
                    for (int n = 0; ; n++) {
                        String description = "save " + round + "-" + n;
                        HttpResponse<String> saved = browser.post(
                                "/reviews/" + review + "/events",
                                Map.of(
                                        "version",
                                        String.valueOf(version),
                                        "outcomeClass",
                                        "ADVERSE_EVENT",
                                        "description",
                                        description,
                                        "harmCategory",
                                        "F"));
                        if (saved.statusCode() / 100 != 3) {
                            throw new IllegalStateException("save answered " + saved.statusCode());
                        }
                        acked.add(description);
                        firstAck.complete(null);
                        version++;
                    }
                } catch (java.io.UncheckedIOException killed) {
                    // the server went away mid-request: that save was never acknowledged
                } catch (RuntimeException e) {
                    failure = e.toString();
                }
                firstAck.completeExceptionally(new IllegalStateException("no save acknowledged: " + failure));
            });
        }
    }

    /** The saved events' descriptions that also have their audit row, read directly from the database. */
    private static Set<String> storedSaves(String url, String user, String password, long review) throws SQLException {
        Set<String> found = new HashSet<>();
        try (Connection c = DriverManager.getConnection(url, user, password);
                PreparedStatement s = c.prepareStatement("SELECT e.description FROM adverse_event e"
                        + " WHERE e.review_id = ? AND EXISTS (SELECT 1 FROM audit_entry a WHERE a.entity = 'event'"
                        + " AND a.entity_id = e.id AND a.field = 'description' AND a.new_value = e.description)")) {
            s.setLong(1, review);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    /** {@link DurabilityChild} (the review server) as a child JVM; its output lines are collected as they come. */
    private static final class Child {
        final Process process;
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        final CompletableFuture<Integer> port = new CompletableFuture<>();
        final Thread output;

        private Child(Process process) {
            this.process = process;
            this.output = Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader out =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = out.readLine()) != null; ) {
                        lines.add(line);
                        if (line.startsWith("PORT ")) {
                            port.complete(Integer.parseInt(line.substring(5).trim()));
                        }
                    }
                } catch (IOException e) {
                    // the process was killed mid-line: what was read is kept
                }
                port.completeExceptionally(
                        new IllegalStateException("the server ended before it served:\n" + String.join("\n", lines)));
            });
        }

        static Child start(String url, String user, String password, Path keyFile, boolean setup) throws IOException {
            List<String> command = ChildJvm.command(
                    List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                    DurabilityChild.class,
                    url,
                    user,
                    password,
                    keyFile.toString());
            if (setup) {
                command.add("setup");
            }
            return new Child(
                    new ProcessBuilder(command).redirectErrorStream(true).start());
        }

        /** The review the setup run created. */
        long review() {
            synchronized (lines) {
                return Long.parseLong(lines.stream()
                        .filter(l -> l.startsWith("REVIEW "))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("setup failed:\n" + String.join("\n", lines)))
                        .substring(7)
                        .trim());
            }
        }

        /** SIGKILL: no shutdown hook, no flush, no close. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            output.join(10_000);
        }
    }
}
