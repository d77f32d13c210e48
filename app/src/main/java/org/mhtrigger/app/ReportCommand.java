package org.mhtrigger.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.mhtrigger.engine.measure.EventSummary;
import org.mhtrigger.fhir.export.FhirMeasureExport;
import org.mhtrigger.review.report.BoardReportPdf;
import org.mhtrigger.review.report.MeasureTables;
import org.mhtrigger.review.store.DatabaseUrls;
import org.mhtrigger.review.store.MeasureQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import picocli.CommandLine.Command;
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
    enum Format {
        csv,
        json,
        fhir,
        pdf
    }

    @Option(
            names = "--db",
            paramLabel = "JDBC-URL",
            description = "The review database (password from MHTRIGGER_DB_PASSWORD).")
    String db;

    @Option(names = "--db-user", paramLabel = "USER", defaultValue = "", description = "Database user.")
    String dbUser;

    @Option(names = "--demo", description = "Read the demo database under --data instead (stop the demo first).")
    boolean demo;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "data",
            description = "Folder of the demo database (default: ./${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM", description = "First month.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM", description = "Last month.")
    String to;

    @Option(names = "--format", required = true, description = "csv, json, fhir or pdf.")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the report.")
    Path out;

    @Option(names = "--title", defaultValue = "Patient safety: harm measures", description = "Title of the PDF report.")
    String title;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (demo == (db != null)) {
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
        String url = DatabaseUrls.durable(
                demo ? "jdbc:h2:file:" + data.toAbsolutePath().resolve("demo") + ";IFEXISTS=TRUE" : db);
        String password = System.getenv().getOrDefault("MHTRIGGER_DB_PASSWORD", "");
        MeasureQueries queries =
                new MeasureQueries(JdbcClient.create(new DriverManagerDataSource(url, dbUser, password)));
        List<MeasureQueries.PeriodData> periods =
                queries.periods(first.atDay(1), last.plusMonths(1).atDay(1));
        byte[] bytes = switch (format) {
            case csv -> MeasureTables.csv(periods).getBytes(StandardCharsets.UTF_8);
            case json -> MeasureTables.json(periods).getBytes(StandardCharsets.UTF_8);
            case fhir -> {
                List<EventSummary> events =
                        periods.stream().flatMap(p -> p.events().stream()).toList();
                yield new FhirMeasureExport()
                        .bundleJson(
                                periods.stream()
                                        .map(MeasureQueries.PeriodData::measures)
                                        .toList(),
                                events,
                                Instant.now())
                        .getBytes(StandardCharsets.UTF_8);
            }
            case pdf -> BoardReportPdf.render(title, periods, LocalDate.now());
        };
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(out, bytes);
        err.println("mhtrigger report: " + periods.size() + " period(s) from " + first + " to " + last + " written to "
                + out + " (" + format + ")");
        return Main.OK;
    }
}
