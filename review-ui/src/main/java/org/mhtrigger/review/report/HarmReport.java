package org.mhtrigger.review.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.mhtrigger.engine.measure.EventSummary;
import org.mhtrigger.fhir.export.FhirMeasureExport;
import org.mhtrigger.review.store.MeasureQueries;
import org.mhtrigger.review.store.MeasureQueries.PeriodData;
import org.mhtrigger.review.store.MeasureTargets;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reports for boards and regulators, the same whether downloaded from the dashboard or written by {@code mhtrigger
 * report}: the figures of a range of months ({@link HarmFigures}) as CSV, JSON, a FHIR Bundle or the PDF board
 * report. Reads only. Thread-safe.
 */
public final class HarmReport {
    /** What a report can be written as. */
    public enum Format {
        csv("text/csv", "csv"),
        json("application/json", "json"),
        fhir("application/fhir+json", "fhir.json"),
        pdf("application/pdf", "pdf");

        private final String mediaType;
        private final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String mediaType() {
            return mediaType;
        }

        /** The file name a download gets: harm-measures-2024-04-to-2025-03.csv. */
        public String fileName(HarmFigures figures) {
            return "harm-measures-" + figures.from() + "-to-" + figures.to() + "." + extension;
        }
    }

    /** The title a PDF report carries unless the user gives one. */
    public static final String DEFAULT_TITLE = "Patient safety: harm measures";

    private final MeasureQueries queries;
    private final JdbcClient jdbc;
    private final FhirMeasureExport fhir = new FhirMeasureExport();

    public HarmReport(MeasureQueries queries, JdbcClient jdbc) {
        this.queries = queries;
        this.jdbc = jdbc;
    }

    /** The figures of the months {@code from} to {@code to}, inclusive, with the targets set now. */
    public HarmFigures figures(YearMonth from, YearMonth to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " must not be after to " + to);
        }
        List<PeriodData> periods =
                queries.periods(from.atDay(1), to.plusMonths(1).atDay(1));
        return HarmFigures.of(from.toString(), to.toString(), periods, MeasureTargets.read(jdbc));
    }

    /** The months the samples cover, first to last; empty without any sample. */
    public java.util.Optional<YearMonth[]> covered() {
        return queries.coveredRange()
                .map(range -> new YearMonth[] {YearMonth.from(range[0]), YearMonth.from(range[1])});
    }

    /** {@code figures} written as {@code format}; {@code title} heads the PDF. */
    public byte[] render(Format format, HarmFigures figures, String title, Instant generated) {
        return switch (format) {
            case csv -> MeasureTables.csv(figures).getBytes(StandardCharsets.UTF_8);
            case json -> MeasureTables.json(figures.periods()).getBytes(StandardCharsets.UTF_8);
            case fhir -> {
                List<EventSummary> events = figures.periods().stream()
                        .flatMap(p -> p.events().stream())
                        .toList();
                yield fhir.bundleJson(
                                figures.periods().stream()
                                        .map(PeriodData::measures)
                                        .toList(),
                                figures.periods().stream()
                                        .map(PeriodData::completeness)
                                        .toList(),
                                events,
                                generated)
                        .getBytes(StandardCharsets.UTF_8);
            }
            case pdf -> BoardReportPdf.render(title, figures, LocalDate.ofInstant(generated, ZoneOffset.UTC));
        };
    }
}
