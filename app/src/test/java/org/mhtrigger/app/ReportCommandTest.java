package org.mhtrigger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhtrigger.review.DemoHistory;
import org.mhtrigger.review.store.AuditKey;
import org.mhtrigger.review.store.AuditTrail;
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
}
