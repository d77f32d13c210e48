package org.mhtrigger.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.mhtrigger.review.report.HarmFigures;
import org.mhtrigger.review.report.HarmReport;
import org.mhtrigger.review.store.DatabaseUrls;
import org.mhtrigger.review.store.MeasureQueries;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mhtrigger report}: harm measures of a range of periods from the review database, for boards and regulators. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the harm measures of the review periods from --from to --to (months, inclusive) as CSV, JSON, a FHIR "
                    + "R4 Bundle (one MeasureReport per period and an AdverseEvent per authenticated event) or a PDF "
                    + "board report with run charts. Reads the review database only; never writes to it.",
            "Harm rates are for improvement over time inside one organisation, not for league tables."
        })
final class ReportCommand implements Callable<Integer> {
    @Mixin
    ReviewDatabaseOptions database;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM", description = "First month.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM", description = "Last month.")
    String to;

    @Option(names = "--format", required = true, description = "csv, json, fhir or pdf.")
    HarmReport.Format format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the report.")
    Path out;

    @Option(names = "--title", defaultValue = HarmReport.DEFAULT_TITLE, description = "Title of the PDF report.")
    String title;

    @Spec
    CommandSpec spec;

    /**
     * One line for a database that cannot be read: missing, held open by a running server (H2 allows one process), or
     * refusing the connection. Never the driver's stack trace.
     */
    static String databaseProblem(DataAccessException e, boolean demo) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        int code = e.getMostSpecificCause() instanceof java.sql.SQLException sql ? sql.getErrorCode() : 0;
        // H2's error codes: 90146 database not found (with IFEXISTS), 90020 database already open elsewhere
        if (code == 90146 || (message.contains("not found") && message.contains("IFEXISTS"))) {
            return demo
                    ? "no demo database here; run './mhtrigger demo' first (or pass --data DIR)"
                    : "the database does not exist";
        }
        if (code == 90020 || message.contains("file is locked") || message.contains("already in use")) {
            return "the database is in use by a running server (the embedded database allows one process at a time);"
                    + " stop it first, or download the report from the dashboard";
        }
        if (e.getMostSpecificCause() instanceof java.sql.SQLException sql
                && sql.getSQLState() != null
                && sql.getSQLState().startsWith("42")) {
            return "this is not a review database (its tables are missing)";
        }
        return "cannot read the review database: " + message.lines().findFirst().orElse("");
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!database.chosen()) {
            err.println("mhtrigger report: give exactly one of --db JDBC-URL or --demo");
            return Main.USAGE;
        }
        YearMonth first;
        YearMonth last;
        try {
            first = YearMonth.parse(from);
            last = YearMonth.parse(to);
        } catch (DateTimeParseException e) {
            err.println("mhtrigger report: --from '" + from + "' and --to '" + to + "' must be months like 2026-01");
            return Main.USAGE;
        }
        if (last.isBefore(first)) {
            err.println("mhtrigger report: --to " + last + " is before --from " + first);
            return Main.USAGE;
        }
        String url = DatabaseUrls.durable(database.demo ? database.url() + ";IFEXISTS=TRUE" : database.url());
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, database.user, database.password()));
        HarmReport reports = new HarmReport(new MeasureQueries(jdbc), jdbc);
        HarmFigures figures;
        byte[] bytes;
        try {
            figures = reports.figures(first, last);
            bytes = reports.render(format, figures, title, Instant.now());
        } catch (DataAccessException e) {
            err.println("mhtrigger report: " + databaseProblem(e, database.demo));
            return Main.FAILURE;
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(out, bytes);
        long unfinished = figures.unfinished().size();
        err.println("mhtrigger report: " + figures.periods().size() + " period(s) from " + first + " to " + last
                + " written to " + out + " (" + format + ")"
                + (unfinished == 0 ? "" : "; " + unfinished + " still in review, marked as provisional"));
        return Main.OK;
    }
}
