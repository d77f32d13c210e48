package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mhtrigger.engine.measure.Measure;
import org.mhtrigger.engine.measure.RunChart;
import org.mhtrigger.review.report.BoardReportPdf;
import org.mhtrigger.review.report.HarmFigures;
import org.mhtrigger.review.report.MeasureTables;
import org.mhtrigger.review.store.MeasureQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest(
        classes = ReviewApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "spring.datasource.url=jdbc:h2:mem:report;DB_CLOSE_DELAY=-1")
@Import(TestSettings.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardReportTest {
    private static final YearMonth BEFORE = YearMonth.of(2026, 1);

    @Autowired
    DemoHistory history;

    @Autowired
    MeasureQueries queries;

    private List<MeasureQueries.PeriodData> periods;

    @BeforeAll
    void eighteenMonthsOfHistory() {
        assertThat(history.seed(BEFORE, 18, 7L)).isEqualTo(18);
        periods = queries.periods(LocalDate.of(2024, 7, 1), LocalDate.of(2026, 1, 1));
    }

    @Test
    void demoHistory_givesEighteenAuthenticatedMonthsOfTwentyStays() {
        assertThat(periods).hasSize(18);
        assertThat(periods.getFirst().measures().period().label()).isEqualTo("2024-07");
        assertThat(periods.getLast().measures().period().label()).isEqualTo("2025-12");
        assertThat(periods).allSatisfy(p -> {
            assertThat(p.sampled()).isEqualTo(20);
            assertThat(p.authenticated()).isEqualTo(20);
            assertThat(p.measures().rate(Measure.AE_PER_100_ADMISSIONS).defined())
                    .isTrue();
        });
        assertThat(periods.get(8).measures().protocol())
                .isNotEqualTo(periods.get(9).measures().protocol());
    }

    @Test
    void demoHistory_harmFallsHalfwaySoTheRunChartSignals() {
        List<Double> series = periods.stream()
                .map(p -> p.measures().rate(Measure.AE_PER_100_ADMISSIONS).value())
                .toList();

        assertThat(RunChart.analyse(series).signal()).as("series %s", series).isTrue();
    }

    @Test
    void csv_hasOneRowPerPeriodAndMeasure() {
        String csv = MeasureTables.csv(figures());

        assertThat(csv.split("\r\n")).hasSize(1 + 18 * Measure.values().length);
        assertThat(csv)
                .startsWith("period,review_state,signed,sampled,measure,title,numerator,denominator,value,final");
        assertThat(csv).contains("2024-07,complete,20,20,ae-per-1000-patient-days,");
    }

    @Test
    void json_carriesTheMeasuresAndTheBreakdownsByHarmOutcomeTriggerAndWard() throws Exception {
        com.fasterxml.jackson.databind.JsonNode json =
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(MeasureTables.json(periods));

        assertThat(json.get("periods")).hasSize(18);
        for (com.fasterxml.jackson.databind.JsonNode period : json.get("periods")) {
            assertThat(period.get("measures")).hasSize(Measure.values().length);
            int adverseEvents = period.get("measures").get(0).get("numerator").asInt();
            int byWard = 0;
            for (com.fasterxml.jackson.databind.JsonNode ward : period.get("aeRateByWard")) {
                byWard += ward.get("numerator").asInt();
            }
            assertThat(byWard)
                    .as("adverse events by ward add up to the period's count, %s", period.get("period"))
                    .isEqualTo(adverseEvents);
            int harmEF = 0;
            for (String category : List.of("E", "F", "G", "H", "I")) {
                harmEF += period.get("byHarmCategory").get(category).asInt();
            }
            assertThat(harmEF).isGreaterThanOrEqualTo(adverseEvents);
            assertThat(period.get("byOutcomeClass").has("Adverse event")).isTrue();
            assertThat(period.get("triggerPpv").size()).isPositive();
        }
    }

    @Test
    void pdf_rendersToPngPagesAndItsTextCarriesTheMeasuresAndFigures() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "board-report").toAbsolutePath());
        Path pdf = dir.resolve("board-report.pdf");
        Files.write(pdf, BoardReportPdf.render("Demo Trust", figures(), LocalDate.of(2026, 1, 15)));

        assertThat(run(
                        dir,
                        "pdftoppm",
                        "-png",
                        "-r",
                        "50",
                        pdf.toString(),
                        dir.resolve("page").toString()))
                .isZero();
        try (var pages = Files.list(dir)) {
            assertThat(pages.filter(p -> p.getFileName().toString().endsWith(".png"))
                            .count())
                    .isGreaterThanOrEqualTo(2);
        }
        assertThat(run(
                        dir,
                        "pdftotext",
                        "-layout",
                        pdf.toString(),
                        dir.resolve("board-report.txt").toString()))
                .isZero();
        String text = Files.readString(dir.resolve("board-report.txt")).replaceAll("\\s+", " ");
        for (Measure measure : Measure.values()) {
            assertThat(text).contains(measure.title());
        }
        String pooled = MeasureTables.number(Math.round(org.mhtrigger.engine.measure.Measures.pooled(
                                        Measure.AE_PER_100_ADMISSIONS,
                                        periods.stream()
                                                .map(MeasureQueries.PeriodData::measures)
                                                .toList())
                                .value()
                        * 100)
                / 100.0);
        assertThat(text).contains(pooled);
        assertThat(text).contains(BoardReportPdf.NOT_A_LEAGUE_TABLE);
        assertThat(text)
                .contains("Top triggers")
                .contains("Anonymised event summaries")
                .contains("protocol 1.1");
        assertThat(text).doesNotContain("demo-history-patient");
    }

    private HarmFigures figures() {
        return HarmFigures.of("2024-07", "2025-12", periods, java.util.Map.of());
    }

    private static int run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
