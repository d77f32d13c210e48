package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mhtrigger.engine.measure.Measure;
import org.mhtrigger.engine.measure.Measures;
import org.mhtrigger.engine.measure.PeriodMeasures;
import org.mhtrigger.engine.measure.Rate;
import org.mhtrigger.engine.measure.RunChart;
import org.mhtrigger.engine.measure.TriggerPpv;
import org.mhtrigger.engine.sampling.ReviewPeriod;
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
    void pdf_carriesEveryMeasureInFullWithItsLatestCompleteValueVerdictsAndTriggerNames() throws Exception {
        // given: 2025-12 still in review (1 of 20 signed) after a protocol change at 2025-04, and a target on one
        // measure
        HarmFigures figures = figuresWithDecemberInReview();

        // when
        String text = renderAndLook(figures, "board-report");

        // then
        String flat = text.replaceAll("\\s+", " ");
        assertThat(flat).contains("About these figures").contains(BoardReportPdf.NOT_A_LEAGUE_TABLE);
        assertThat(flat).contains("in review: 1 of 20");
        for (Measure measure : Measure.values()) {
            HarmFigures.MeasureFigures m = figures.measure(measure);
            int latest = m.latestComplete();
            String period = figures.periods().get(latest).measures().period().label();
            String value = MeasureTables.number(Math.round(m.rates().get(latest).value() * 100) / 100.0);
            assertThat(flat).contains(measure.title());
            assertThat(flat).as("latest complete value of %s", measure).contains(value + " (" + period + ")");
            assertThat(flat).contains("Variation: " + m.analysis().variation().words());
            assertThat(period)
                    .as("a period in review is never the latest complete one for %s", measure)
                    .isEqualTo(measure.fromReviews() ? "2025-11" : "2025-12");
        }
        assertThat(flat).contains("Assurance against target 30: ");

        Map<String, String> names = new TreeMap<>();
        periods.forEach(p -> p.events().forEach(e -> {
            if (e.trigger() != null && e.triggerName() != null) {
                names.putIfAbsent(e.trigger(), e.triggerName());
            }
        }));
        assertThat(names).isNotEmpty();
        List<TriggerPpv> top = Measures.pooledPpv(
                periods.stream().map(MeasureQueries.PeriodData::measures).toList());
        long named = top.subList(0, Math.min(10, top.size())).stream()
                .filter(t -> names.containsKey(t.trigger()))
                .peek(t -> assertThat(flat).contains(t.trigger() + " " + names.get(t.trigger())))
                .count();
        assertThat(named).isPositive();

        assertThat(flat)
                .contains("Top triggers")
                .contains("Anonymised event summaries")
                .contains("protocol 1.1");
        assertThat(flat).doesNotContain("demo-history-patient");
    }

    @Test
    void pdf_keepsLabelsApartWithAdjacentProtocolChangesTwoUnfinishedMonthsAndThreeYears() throws Exception {
        // given: 36 months, protocol changes at months 9, 10 (adjacent), 14 and 31, the last two months unfinished
        List<MeasureQueries.PeriodData> months = new java.util.ArrayList<>();
        for (int i = 0; i < 36; i++) {
            MeasureQueries.PeriodData p = periods.get(i % 18);
            PeriodMeasures m = p.measures();
            String protocol = i < 8
                    ? "protocol 1.0"
                    : i < 9 ? "protocol 1.1" : i < 13 ? "protocol 1.2" : i < 30 ? "protocol 2.0" : "protocol 2.1";
            java.util.Map<Measure, Rate> rates = new java.util.EnumMap<>(m.rates());
            if (i == 20) { // a month far above the limits: a concern
                Rate r = rates.get(Measure.AE_PER_1000_PATIENT_DAYS);
                rates.put(Measure.AE_PER_1000_PATIENT_DAYS, new Rate(r.measure(), r.numerator() * 5, r.denominator()));
            }
            if (i == 3) { // a month without restrictive episodes, below the lower limit: an improvement
                Rate r = rates.get(Measure.RESTRICTIVE_PER_1000_BED_DAYS);
                rates.put(Measure.RESTRICTIVE_PER_1000_BED_DAYS, new Rate(r.measure(), 0, r.denominator()));
            }
            PeriodMeasures moved = new PeriodMeasures(
                    ReviewPeriod.month(YearMonth.of(2023, 1).plusMonths(i)),
                    "sampling " + protocol + ": 20 stays",
                    rates,
                    m.byHarmCategory(),
                    m.byOutcomeClass(),
                    m.harmEventsByTrigger(),
                    m.aeRateByWard(),
                    m.triggerPpv(),
                    m.harmEvents(),
                    m.incidents());
            int signed = i == 34 ? 11 : i == 35 ? 0 : p.authenticated();
            months.add(new MeasureQueries.PeriodData(
                    p.periodId(), p.sampled(), signed, moved, List.of(), p.reviewByEvent(), p.unsigned()));
        }
        HarmFigures figures = HarmFigures.of(
                "2023-01", "2025-12", months, java.util.Map.of(Measure.PERCENT_ADMISSIONS_WITH_AE, 20.0));

        // when
        String text = renderAndLook(figures, "board-report-stress").replaceAll("\\s+", " ");

        // then
        assertThat(figures.protocolChanges()).hasSize(4);
        assertThat(text).contains("in review: 11 of 20").contains("sampled: 0 of 20");
        assertThat(text)
                .contains("2024-09 is above the upper control limit: concern")
                .contains("2023-04 is below the lower control limit: improvement");
        for (int change = 1; change <= 4; change++) {
            assertThat(text).contains("Protocol change " + change + " ");
        }
        for (Measure measure : Measure.values()) {
            assertThat(text).contains(measure.title());
        }
    }

    @Test
    void pdf_ofARangeWithoutPeriods_saysThereIsNoDataYet() throws Exception {
        HarmFigures none = HarmFigures.of("2026-01", "2026-01", List.of(), java.util.Map.of());

        String text = renderAndLook(none, "board-report-empty").replaceAll("\\s+", " ");

        assertThat(text)
                .contains("no periods")
                .contains("no complete period yet")
                .contains("no chart")
                .contains("Variation: " + org.mhtrigger.engine.measure.Spc.Variation.NO_DATA.words());
    }

    /**
     * Renders {@code figures}, writes the PDF and one PNG per page (100 dpi) to target/{@code name}/ for a person to look
     * at, checks that no glyph leaves the page box, and returns the text.
     */
    private static String renderAndLook(HarmFigures figures, String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", name).toAbsolutePath());
        try (var old = Files.list(dir)) {
            for (Path png : old.filter(p -> p.toString().endsWith(".png")).toList()) {
                Files.delete(png);
            }
        }
        byte[] bytes = BoardReportPdf.render("Demo Trust", figures, LocalDate.of(2026, 1, 15));
        Files.write(dir.resolve("board-report.pdf"), bytes);
        String text;
        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(1);
            PDFRenderer renderer = new PDFRenderer(document);
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, 100, ImageType.RGB);
                ImageIO.write(
                        image,
                        "png",
                        dir.resolve("page-%02d.png".formatted(i + 1)).toFile());
            }
            GlyphCheck glyphs = new GlyphCheck();
            glyphs.getText(document);
            assertThat(glyphs.outside).as("text drawn outside the page box").isEmpty();
            assertThat(glyphs.overlapping).as("text drawn over text").isEmpty();
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            text = stripper.getText(document);
        }
        Files.writeString(dir.resolve("board-report.txt"), text);
        try (var pages = Files.list(dir)) {
            assertThat(pages.filter(p -> p.toString().endsWith(".png")).count()).isGreaterThanOrEqualTo(1);
        }
        return text;
    }

    private HarmFigures figures() {
        return HarmFigures.of("2024-07", "2025-12", periods, java.util.Map.of());
    }

    /** The seeded history with its last month put back in review: 1 of its 20 records signed. */
    private HarmFigures figuresWithDecemberInReview() {
        List<MeasureQueries.PeriodData> withOneInReview = new java.util.ArrayList<>(periods);
        MeasureQueries.PeriodData last = withOneInReview.removeLast();
        withOneInReview.add(new MeasureQueries.PeriodData(
                last.periodId(),
                last.sampled(),
                1,
                last.measures(),
                last.events(),
                last.reviewByEvent(),
                last.unsigned()));
        return HarmFigures.of(
                "2024-07", "2025-12", withOneInReview, java.util.Map.of(Measure.AE_PER_100_ADMISSIONS, 30.0));
    }

    /**
     * Reads every glyph's box: collects glyphs that leave the page's media box, and pairs of horizontal glyphs whose
     * boxes overlap by more than a quarter each way (text drawn over text).
     */
    private static final class GlyphCheck extends PDFTextStripper {
        final List<String> outside = new java.util.ArrayList<>();
        final List<String> overlapping = new java.util.ArrayList<>();
        private final List<TextPosition> glyphs = new java.util.ArrayList<>();

        @Override
        protected void startPage(org.apache.pdfbox.pdmodel.PDPage page) throws java.io.IOException {
            glyphs.clear();
            super.startPage(page);
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            if (!text.getUnicode().isBlank()) {
                glyphs.add(text);
            }
            super.processTextPosition(text);
        }

        @Override
        protected void endPage(org.apache.pdfbox.pdmodel.PDPage page) throws java.io.IOException {
            PDRectangle box = page.getMediaBox();
            for (TextPosition p : glyphs) {
                float x = p.getXDirAdj();
                float y = p.getYDirAdj();
                if (x < 0
                        || x + p.getWidthDirAdj() > box.getWidth() + 0.5f
                        || y - p.getHeightDir() < 0
                        || y > box.getHeight()) {
                    outside.add("page " + getCurrentPageNo() + " '" + p.getUnicode() + "' at (" + x + ", " + y + ")");
                }
            }
            List<TextPosition> flat = glyphs.stream()
                    .filter(g -> g.getDir() == 0)
                    .sorted(java.util.Comparator.comparingDouble(TextPosition::getXDirAdj))
                    .toList();
            for (int i = 0; i < flat.size(); i++) {
                TextPosition a = flat.get(i);
                for (int j = i + 1;
                        j < flat.size() && flat.get(j).getXDirAdj() < a.getXDirAdj() + a.getWidthDirAdj();
                        j++) {
                    TextPosition b = flat.get(j);
                    float across = Math.min(a.getXDirAdj() + a.getWidthDirAdj(), b.getXDirAdj() + b.getWidthDirAdj())
                            - Math.max(a.getXDirAdj(), b.getXDirAdj());
                    float down = Math.min(a.getYDirAdj(), b.getYDirAdj())
                            - Math.max(a.getYDirAdj() - a.getHeightDir(), b.getYDirAdj() - b.getHeightDir());
                    if (across > 0.25f * Math.min(a.getWidthDirAdj(), b.getWidthDirAdj())
                            && down > 0.25f * Math.min(a.getHeightDir(), b.getHeightDir())
                            && overlapping.size() < 20) {
                        overlapping.add("page " + getCurrentPageNo() + " '" + a.getUnicode() + "' at ("
                                + a.getXDirAdj() + ", " + a.getYDirAdj() + ") and '" + b.getUnicode() + "' at ("
                                + b.getXDirAdj() + ", " + b.getYDirAdj() + ")");
                    }
                }
            }
            super.endPage(page);
        }
    }
}
