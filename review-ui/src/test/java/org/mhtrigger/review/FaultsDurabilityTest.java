package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fault replay, issue #17 case 1: every save the review UI confirmed survives a {@code kill -9} of the process. A
 * child JVM ({@link DurabilityChild}) opens the database as the server does and saves adverse events through the
 * product's {@code ReviewService} in a loop, acknowledging each after its commit returned; it is killed with SIGKILL at
 * a random moment, the database is read directly, and every acknowledged save must be there with its audit row. Ten
 * rounds on the same database. A last test checks that the server itself opens H2 files that way.
 */
class FaultsDurabilityTest {
    static final int KILLS = 10;

    @Test
    void everyAcknowledgedSave_survivesTenKillsOfTheServer_onTheEmbeddedH2File(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("durable");

        int lost = killAndCount(url, "", "");

        assertThat(lost).as("acknowledged saves lost in %d kills", KILLS).isZero();
    }

    @Test
    void everyAcknowledgedSave_survivesTenKillsOfTheServer_onPostgres() throws Exception {
        String base = System.getenv("MHTRIGGER_TEST_POSTGRES_URL");
        if (base == null || base.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("MHTRIGGER_TEST_POSTGRES_URL is not set on CI: .ci/run must start PostgreSQL");
            }
            Assumptions.abort("PostgreSQL variant skipped: set MHTRIGGER_TEST_POSTGRES_URL (see .ci/run)");
        }
        String user = env("MHTRIGGER_TEST_POSTGRES_USER", "mhtrigger_test");
        String password = env("MHTRIGGER_TEST_POSTGRES_PASSWORD", "mhtrigger_test");
        String schema = "k"
                + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36)
                        .toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(base, user, password);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try {
            int lost = killAndCount(url, user, password);

            assertThat(lost).as("acknowledged saves lost in %d kills", KILLS).isZero();
        } finally {
            try (Connection c = DriverManager.getConnection(base, user, password);
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void theServer_opensAnEmbeddedH2FileWithoutWriteDelay(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("served");

        try (ReviewServer server =
                ReviewServer.start(new ReviewSettings(0, url, "", "", Fixtures.CATALOGUE, "127.0.0.1"))) {
            List<String> delay = server.bean(JdbcClient.class)
                    .sql("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME LIKE '%WRITE_DELAY'")
                    .query(String.class)
                    .list();

            assertThat(delay).isNotEmpty().containsOnly("0");
        }
    }

    /** Runs {@link #KILLS} rounds of save-then-kill; returns the acknowledged saves missing afterwards, in all. */
    private static int killAndCount(String url, String user, String password) throws Exception {
        long seed = ThreadLocalRandom.current().nextLong();
        Random random = new Random(seed);
        Child setup = Child.start(url, user, password, "setup");
        assertThat(setup.process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        setup.output.join(10_000);
        long review = Long.parseLong(setup.lines.stream()
                .filter(l -> l.startsWith("REVIEW "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("setup failed:\n" + String.join("\n", setup.lines)))
                .substring(7));
        int lost = 0;
        int acknowledged = 0;
        List<String> figures = new ArrayList<>();
        for (int kill = 1; kill <= KILLS; kill++) {
            Child child = Child.start(url, user, password, "save", String.valueOf(review), String.valueOf(kill));
            try {
                child.firstAck.get(90, TimeUnit.SECONDS);
                Thread.sleep(100 + random.nextInt(400));
            } finally {
                child.kill();
            }
            List<String> acked = child.acked();
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
                + " kills (lost/acknowledged per kill: "
                + String.join(" ", figures) + ")");
        return lost;
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

    /** {@link DurabilityChild} as a child JVM; its output lines are collected as they come. */
    private static final class Child {
        final Process process;
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        final CompletableFuture<Void> firstAck = new CompletableFuture<>();
        final Thread output;

        private Child(Process process) {
            this.process = process;
            this.output = Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader out =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = out.readLine()) != null; ) {
                        lines.add(line);
                        if (line.startsWith("ACK ")) {
                            firstAck.complete(null);
                        }
                    }
                } catch (IOException e) {
                    // the process was killed mid-line: what was read is kept
                }
                firstAck.completeExceptionally(new IllegalStateException(
                        "the child ended before its first save:\n" + String.join("\n", lines)));
            });
        }

        static Child start(String url, String user, String password, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx128m",
                    "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC",
                    "-cp",
                    System.getProperty("java.class.path"),
                    DurabilityChild.class.getName(),
                    url,
                    user,
                    password));
            command.addAll(List.of(args));
            return new Child(
                    new ProcessBuilder(command).redirectErrorStream(true).start());
        }

        /** SIGKILL: no shutdown hook, no flush, no close. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            output.join(10_000);
        }

        /** The saves whose commit had returned: a line is printed only after it. */
        List<String> acked() {
            synchronized (lines) {
                return lines.stream()
                        .filter(l -> l.startsWith("ACK "))
                        .map(l -> l.substring(4))
                        .toList();
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
