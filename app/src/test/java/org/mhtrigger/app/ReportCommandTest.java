package org.mhtrigger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhtrigger.review.DemoHistory;
import org.mhtrigger.review.store.AuditKey;
import org.mhtrigger.review.store.AuditTrail;
import org.mhtrigger.testkit.ChildJvm;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class ReportCommandTest {
    @TempDir
    static Path dir;

    // in memory: a file database pays a disk sync for each of the history's few thousand autocommitted inserts
    static final String url = "jdbc:h2:mem:report-command;DB_CLOSE_DELAY=-1";

    @BeforeAll
    static void aReviewDatabaseWithEighteenMonths() {
        Flyway.configure()
                .dataSource(url, "", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, "", ""));
        new DemoHistory(jdbc, new AuditTrail(jdbc, AuditKey.ephemeral())).seed(YearMonth.of(2026, 1), 18, 7L);
    }

    @Test
    void fhirFormat_writesABundleWithAMeasureReportPerPeriod() throws Exception {
        Path out = dir.resolve("report.json");

        CommandRun run = CommandRun.run(
                "report",
                "--db",
                url,
                "--from",
                "2025-01",
                "--to",
                "2025-12",
                "--format",
                "fhir",
                "--out",
                out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String json = Files.readString(out);
        assertThat(json.split("\"resourceType\": \"MeasureReport\"")).hasSize(13);
        assertThat(json).contains("\"resourceType\": \"AdverseEvent\"").contains("harm-category");
        assertThat(run.err()).contains("12 period(s)");
    }

    @Test
    void csvFormat_writesOneRowPerPeriodAndMeasure() throws Exception {
        Path out = dir.resolve("report.csv");

        CommandRun run = CommandRun.run(
                "report",
                "--db",
                url,
                "--from",
                "2024-07",
                "--to",
                "2025-12",
                "--format",
                "csv",
                "--out",
                out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(1 + 18 * 5);
    }

    @Test
    void pdfFormat_writesAPdf() throws Exception {
        Path out = dir.resolve("board.pdf");

        CommandRun run = CommandRun.run(
                "report",
                "--db",
                url,
                "--from",
                "2024-07",
                "--to",
                "2025-12",
                "--format",
                "pdf",
                "--out",
                out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllBytes(out)).startsWith("%PDF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void bothDbAndDemo_isAUsageError() {
        CommandRun run = CommandRun.run(
                "report",
                "--db",
                url,
                "--demo",
                "--from",
                "2025-01",
                "--to",
                "2025-02",
                "--format",
                "csv",
                "--out",
                "x");

        assertThat(run.exitCode()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("exactly one of --db");
    }

    @Test
    void demoWithoutADemoDatabase_saysSoInOneLine_withoutAStackTrace() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-demo-here"));

        assertThat(oneLineFailure(demoReport(empty))).contains("no demo database here");
    }

    /** {@code report --demo --data DIR} for two months as CSV. */
    private static CommandRun demoReport(Path data) {
        return CommandRun.run(
                "report",
                "--demo",
                "--data",
                data.toString(),
                "--from",
                "2025-01",
                "--to",
                "2025-02",
                "--format",
                "csv",
                "--out",
                data.resolve("report.csv").toString());
    }

    /** The run failed with exit 1 and said why in one line, without a stack trace; returns that line. */
    private static String oneLineFailure(CommandRun run) {
        assertThat(run.exitCode()).isEqualTo(Main.FAILURE);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.err().strip().lines()).hasSize(1);
        return run.err().strip();
    }

    @Test
    void databaseHeldOpenByARunningServer_saysSoInOneLine_withoutAStackTrace() throws Exception {
        Path data = Files.createDirectories(dir.resolve("held"));
        String held = "jdbc:h2:file:" + data.resolve("demo").toAbsolutePath();
        Flyway.configure()
                .dataSource(held, "", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load()
                .migrate();
        Process holder = new ProcessBuilder(ChildJvm.command(List.of(), HoldDatabase.class, held))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            assertThat(new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream())).readLine())
                    .isEqualTo("open");

            assertThat(oneLineFailure(demoReport(data)))
                    .contains("in use by a running server")
                    .contains("download the report from the dashboard");
        } finally {
            holder.getOutputStream().close();
            holder.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            holder.destroyForcibly();
        }
    }

    @Test
    void unfinishedMonth_isPendingInTheFhirExport() throws Exception {
        // the newest month of the history gets a record back in review: its MeasureReport must not say complete
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, "", ""));
        long review = jdbc.sql("SELECT MAX(r.id) FROM review r JOIN review_period p ON p.id = r.period_id"
                        + " WHERE p.label = '2025-12'")
                .query(Long.class)
                .single();
        jdbc.sql("UPDATE review SET status = 'CHANGED_SINCE_SIGNATURE', version = version + 1 WHERE id = ?")
                .param(review)
                .update();
        Path out = dir.resolve("pending.json");
        try {
            CommandRun run = CommandRun.run(
                    "report",
                    "--db",
                    url,
                    "--from",
                    "2025-11",
                    "--to",
                    "2025-12",
                    "--format",
                    "fhir",
                    "--out",
                    out.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("1 still in review, marked as provisional");
            org.hl7.fhir.r4.model.Bundle bundle = ca.uhn.fhir.context.FhirContext.forR4Cached()
                    .newJsonParser()
                    .parseResource(org.hl7.fhir.r4.model.Bundle.class, Files.readString(out));
            assertThat(bundle.getEntry().stream()
                            .map(e -> e.getResource())
                            .filter(r -> r instanceof org.hl7.fhir.r4.model.MeasureReport)
                            .map(r -> ((org.hl7.fhir.r4.model.MeasureReport) r)
                                    .getStatus()
                                    .toCode()))
                    .containsExactly("complete", "pending");
        } finally {
            jdbc.sql("UPDATE review SET status = 'AUTHENTICATED', version = version + 1 WHERE id = ?")
                    .param(review)
                    .update();
        }
    }
}
