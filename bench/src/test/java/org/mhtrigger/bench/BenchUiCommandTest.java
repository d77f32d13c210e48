package org.mhtrigger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhtrigger.testkit.Postgres;
import org.mhtrigger.testkit.PostgresTest;

/** The UI load benchmark's seeding and output contract at a small scale; its figures are never asserted. */
class BenchUiCommandTest {
    static final String PAGE_LINE = " +6 +\\d+\\.\\d +\\d+\\.\\d +\\d+\\.\\d +\\d+\\.\\d +\\d+\\.\\d";

    @TempDir
    Path dir;

    @Test
    void smallRunOnH2_seedsStaysAndReviewedMonths_andPrintsEveryPagesFiguresWithoutErrors() {
        String db = "jdbc:h2:mem:bench-ui-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";

        CommandRun run = CommandRun.run(small(db));

        assertSmallRun(run, "H2");
        // a second run with the same parameters finds the data and only measures again
        CommandRun again = CommandRun.run(small(db));
        assertThat(again.exitCode()).as(again.err()).isEqualTo(BenchMain.OK);
        assertThat(again.out()).contains("seeding: the database was already seeded with these parameters");
        assertThat(again.out()).contains("300 stays");
    }

    @Test
    void aDatabaseSeededWithOtherParameters_isRefusedInOneLine() {
        String db = "jdbc:h2:mem:bench-ui-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        assertThat(CommandRun.run(small(db)).exitCode()).isEqualTo(BenchMain.OK);

        CommandRun other = CommandRun.run(
                "bench-ui", "--db", db, "--stays", "301", "--months", "6", "--users", "1", "--rounds", "1");

        assertThat(other.exitCode()).isEqualTo(BenchMain.FAILURE);
        assertThat(other.errLines())
                .anyMatch(l -> l.startsWith("mhtrigger: the database was seeded by bench-ui with other parameters")
                        && l.contains("stays=300 months=6 sample=20 seed=1")
                        && l.contains("not stays=301"));
    }

    @Test
    @PostgresTest
    void smallRunOnPostgres_seedsAndMeasuresTheSame() throws Exception {
        Postgres server = Postgres.fromEnvironment();
        try (Postgres.Schema schema = server.createSchema("b")) {
            Path passwordFile = Files.writeString(dir.resolve("password"), server.password() + "\n");

            CommandRun run = CommandRun.run(concat(
                    small(schema.url()), "--db-user", server.user(), "--db-password-file", passwordFile.toString()));

            assertSmallRun(run, "PostgreSQL");
        }
    }

    @Test
    void noUsers_isAUsageError() {
        CommandRun run = CommandRun.run("bench-ui", "--db", "jdbc:h2:mem:unused", "--users", "0");

        assertThat(run.exitCode()).isEqualTo(BenchMain.USAGE);
        assertThat(run.errLines()).containsExactly("mhtrigger bench-ui: --users 0 must be between 1 and 1000");
    }

    @Test
    void anUnreachableDatabase_isOneLine() {
        CommandRun run = CommandRun.run(
                "bench-ui", "--db", "jdbc:postgresql://127.0.0.1:1/none", "--db-user", "nobody", "--rounds", "1");

        assertThat(run.exitCode()).isEqualTo(BenchMain.FAILURE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().getFirst())
                .startsWith("mhtrigger bench-ui: cannot connect to jdbc:postgresql://127.0.0.1:1/none as 'nobody'");
    }

    private static String[] small(String db) {
        return new String[] {
            "bench-ui",
            "--db",
            db,
            "--stays",
            "300",
            "--months",
            "6",
            "--users",
            "2",
            "--rounds",
            "3",
            "--warmup-rounds",
            "1",
            "--threads",
            "1"
        };
    }

    private static void assertSmallRun(CommandRun run, String product) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(BenchMain.OK);
        List<String> lines = run.outLines();
        assertThat(lines).anyMatch(l -> l.matches("seeding: \\d+\\.\\d s \\(stays: .*\\)"));
        assertThat(lines).anyMatch(l -> l.matches("machine: \\d+ cores, Java .*, max heap [\\d,]+ MB.*"));
        String database = lines.stream()
                .filter(l -> l.startsWith("database: "))
                .findFirst()
                .orElseThrow();
        assertThat(database)
                .startsWith("database: " + product)
                .contains("; 300 stays, ")
                .containsPattern("; 6 periods \\(\\d{4}-\\d\\d to \\d{4}-\\d\\d\\), [1-9]\\d* reviews, \\d+ events,"
                        + " [1-9]\\d* signatures, [\\d,]+ audit rows");
        assertThat(lines).anyMatch(l -> l.contains("2 users on 127.0.0.1") && l.contains("18 measured requests"));
        assertThat(lines).anyMatch(l -> l.matches("page +requests +p50 ms +p95 ms +p99 ms +max ms +req/s"));
        for (String page : List.of("queue", "record view", "dashboard")) {
            // 3 measured rounds of 2 users: 6 requests of each page
            assertThat(lines).anyMatch(l -> l.matches(page + PAGE_LINE));
            assertThat(lines).anyMatch(l -> l.matches(page + ": p95 \\d+\\.\\d ms (< 300 ms: met|>= 300 ms: NOT met)"));
        }
        assertThat(lines).contains("errors: 0");
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
