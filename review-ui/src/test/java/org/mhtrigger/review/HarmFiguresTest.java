package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ca.uhn.fhir.context.FhirContext;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MeasureReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mhtrigger.engine.measure.Measure;
import org.mhtrigger.engine.sampling.ReviewPeriod;
import org.mhtrigger.engine.sampling.SamplingCriteria;
import org.mhtrigger.fhir.export.FhirMeasureExport;
import org.mhtrigger.review.store.Caller;
import org.mhtrigger.review.store.OutcomeClass;
import org.mhtrigger.review.store.ReviewService;
import org.mhtrigger.review.store.ReviewService.ReviewView;
import org.mhtrigger.review.store.Role;
import org.mhtrigger.review.store.SampleExistsException;
import org.mhtrigger.testkit.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The harm figures computed by hand on a small fixed data set, against what the dashboard's data endpoint, its CSV
 * download and its FHIR download say: all must agree to the digit. Four months, every stay 10 days long:
 *
 * <ul>
 *   <li>2023-01: 3 stays, all signed; one adverse event, harm F. 1 / 30 days = 33.3333 per 1,000; per 100 and %
 *       the same.
 *   <li>2023-02: drawn as 2 stays, then 1 stay added (two draws, one sample of 3); all 3 signed; an adverse event (E)
 *       and an adverse drug event (G) in different stays. 2 / 30 days = 66.6667 per 1,000; per 100 and % the same.
 *   <li>2023-03: 3 stays, 1 signed with an adverse event (H): in review, 1 of 3. Provisional 100 per 1,000.
 *   <li>2023-04: a protocol change (length of stay ≥ 72 h); 3 stays signed, no event: 0.
 * </ul>
 *
 * The u-chart's centre for the first protocol counts 2023-01 and 2023-02 only: (1 + 2) / (30 + 30) = 50 per 1,000.
 */
@SpringBootTest(
        classes = ReviewApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:harm-figures;DB_CLOSE_DELAY=-1")
@Import(TestSettings.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HarmFiguresTest {
    static final String RANGE = "from=2023-01&to=2023-04";
    private static final Caller DOC = Fixtures.DOC;

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DemoData data;

    @Autowired
    ReviewService reviews;

    private WebClient lead;

    @BeforeAll
    void fourMonths() {
        fixtures.accounts();
        stays("2023-01", 3);
        stays("2023-02", 3);
        stays("2023-03", 3);
        stays("2023-04", 3);

        reviews.drawSample(Fixtures.LEAD, ReviewPeriod.parse("2023-01"), SamplingCriteria.defaults(), 3, 1L);
        List<ReviewView> january = sample("2023-01");
        sign(january.get(0), event(OutcomeClass.ADVERSE_EVENT, "F"));
        sign(january.get(1));
        sign(january.get(2));

        reviews.drawSample(Fixtures.LEAD, ReviewPeriod.parse("2023-02"), SamplingCriteria.defaults(), 2, 1L);
        reviews.addToSample(Fixtures.LEAD, ReviewPeriod.parse("2023-02"), 1, 5L, "a fortnight's stays were missing");
        List<ReviewView> february = sample("2023-02");
        assertThat(february).hasSize(3);
        sign(february.get(0), event(OutcomeClass.ADVERSE_EVENT, "E"));
        sign(february.get(1));
        sign(february.get(2), event(OutcomeClass.ADVERSE_DRUG_EVENT, "G"));

        reviews.drawSample(Fixtures.LEAD, ReviewPeriod.parse("2023-03"), SamplingCriteria.defaults(), 3, 1L);
        List<ReviewView> march = sample("2023-03");
        sign(march.get(0), event(OutcomeClass.ADVERSE_EVENT, "H"));
        ReviewView submitted = march.get(1);
        reviews.submit(reviewer(submitted), submitted.id(), submitted.version());

        reviews.drawSample(Fixtures.LEAD, ReviewPeriod.parse("2023-04"), new SamplingCriteria(18, 72, null), 3, 1L);
        sample("2023-04").forEach(this::sign);

        lead = new WebClient(port);
        lead.login("lead", Fixtures.PASSWORD);
    }

    /** Hand-computed: period -> {AE per 1,000 patient-days, per 100 admissions, % of admissions}. */
    private static final Map<String, double[]> EXPECTED = Map.of(
            "2023-01", new double[] {100.0 / 3, 100.0 / 3, 100.0 / 3},
            "2023-02", new double[] {2000.0 / 30, 200.0 / 3, 200.0 / 3},
            "2023-03", new double[] {100, 100, 100},
            "2023-04", new double[] {0, 0, 0});

    private static final List<Measure> HARM = List.of(
            Measure.AE_PER_1000_PATIENT_DAYS, Measure.AE_PER_100_ADMISSIONS, Measure.PERCENT_ADMISSIONS_WITH_AE);

    @Test
    void dataEndpoint_givesTheHandComputedRates_completeness_andCentreLinesWithoutTheUnfinishedMonth() {
        JsonNode json = JsonMapper.builder()
                .build()
                .readTree(lead.get("/dashboard/data?" + RANGE).body());

        JsonNode periods = json.get("periods");
        assertThat(periods).hasSize(4);
        assertThat(periods.get(1).get("label").asString()).isEqualTo("complete: 3 of 3 signed");
        assertThat(periods.get(2).get("label").asString()).isEqualTo("in review: 1 of 3 signed");
        assertThat(periods.get(2).get("complete").asBoolean()).isFalse();
        assertThat(periods.get(2).get("unsigned")).hasSize(2);
        for (int m = 0; m < HARM.size(); m++) {
            JsonNode series = json.get("series").get(HARM.get(m).ordinal());
            for (int i = 0; i < 4; i++) {
                JsonNode point = series.get("points").get(i);
                assertThat(point.get("value").asDouble())
                        .as("%s %s", HARM.get(m), point.get("period"))
                        .isCloseTo(EXPECTED.get(point.get("period").asString())[m], within(1e-9));
                assertThat(point.get("counted").asBoolean()).isEqualTo(i != 2);
            }
        }
        JsonNode perDays = json.get("series").get(Measure.AE_PER_1000_PATIENT_DAYS.ordinal());
        assertThat(perDays.get("points").get(0).get("centre").asDouble()).isCloseTo(50.0, within(1e-9));
        assertThat(perDays.get("points").get(2).get("centre").asDouble())
                .as("the unfinished month sits against the centre but does not move it")
                .isCloseTo(50.0, within(1e-9));
        assertThat(perDays.get("points").get(3).get("centre").asDouble())
                .as("recalculated from the protocol change")
                .isZero();
        assertThat(perDays.get("median").asDouble()).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(perDays.get("signal").asString())
                .isEqualTo("fewer than 12 complete points (3): no run-chart rules applied");
        assertThat(json.get("protocolChanges").get(0).get("period").asString()).isEqualTo("2023-04");
    }

    @Test
    void csvDownload_saysTheSameFiguresAndMarksTheUnfinishedMonthAsProvisional() throws Exception {
        HttpResponse<String> response = lead.get("/dashboard/export?format=csv&" + RANGE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("harm-measures-2023-01-to-2023-04.csv");
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .get()
                .parse(new StringReader(response.body()))
                .getRecords();
        assertThat(rows).hasSize(4 * Measure.values().length);
        for (CSVRecord row : rows) {
            int m = HARM.indexOf(Measure.ofCode(row.get("measure")));
            if (m < 0) {
                continue;
            }
            assertThat(Double.parseDouble(row.get("value")))
                    .as(row.toString())
                    .isCloseTo(EXPECTED.get(row.get("period"))[m], within(1e-4));
            boolean march = row.get("period").equals("2023-03");
            assertThat(row.get("review_state")).isEqualTo(march ? "in review" : "complete");
            assertThat(row.get("final")).isEqualTo(march ? "no" : "yes");
            if (march) {
                assertThat(row.get("signed") + "/" + row.get("sampled")).isEqualTo("1/3");
            }
        }
        assertThat(rows.stream()
                        .filter(r -> r.get("measure").equals("ae-per-1000-patient-days")
                                && r.get("period").equals("2023-01"))
                        .findFirst()
                        .orElseThrow()
                        .get("centre_line"))
                .isEqualTo("50");
    }

    @Test
    void fhirDownload_isPendingForTheUnfinishedMonth_andCompleteForTheOthers_withTheSameScores() {
        HttpResponse<String> response = lead.get("/dashboard/export?format=fhir&" + RANGE);

        assertThat(response.statusCode()).isEqualTo(200);
        Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, response.body());
        Map<String, MeasureReport> reports = new HashMap<>();
        int adverseEvents = 0;
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getResource() instanceof MeasureReport report) {
                reports.put(
                        report.getPeriod().getStartElement().getValueAsString().substring(0, 7), report);
            } else {
                adverseEvents++;
            }
        }
        assertThat(reports).hasSize(4);
        assertThat(adverseEvents)
                .as("one AdverseEvent per confirmed event of a signed record")
                .isEqualTo(4);
        for (var e : reports.entrySet()) {
            MeasureReport report = e.getValue();
            assertThat(report.getStatus())
                    .as(e.getKey())
                    .isEqualTo(
                            e.getKey().equals("2023-03")
                                    ? MeasureReport.MeasureReportStatus.PENDING
                                    : MeasureReport.MeasureReportStatus.COMPLETE);
            for (int m = 0; m < HARM.size(); m++) {
                MeasureReport.MeasureReportGroupComponent group =
                        report.getGroup().get(HARM.get(m).ordinal());
                assertThat(group.getMeasureScore().getValue().doubleValue())
                        .as("%s %s", e.getKey(), HARM.get(m))
                        .isCloseTo(EXPECTED.get(e.getKey())[m], within(1e-9));
            }
        }
        var counts = reports.get("2023-03").getExtensionByUrl(FhirMeasureExport.REVIEW_COMPLETENESS_EXTENSION);
        assertThat(counts.getExtensionByUrl("signed").getValue().primitiveValue())
                .isEqualTo("1");
        assertThat(counts.getExtensionByUrl("sampled").getValue().primitiveValue())
                .isEqualTo("3");
    }

    @Test
    void pdfDownload_saysTheSameFigures_andWhichMonthIsStillInReview() throws Exception {
        java.net.http.HttpResponse<byte[]> response = lead.getBytes("/dashboard/export?format=pdf&" + RANGE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(response.body())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        // the latest complete month is 2023-04 (0 for every harm measure); the medians of the three complete
        // months (33.3333, 66.6667, 0) are 33.33; 2023-03 is named as still in review
        for (Measure measure : HARM) {
            assertThat(text).contains(measure.title());
        }
        assertThat(text).contains("0 (2023-04)").contains("33.33");
        assertThat(text).contains("2023-03 (in review: 1 of 3 signed)");
        assertThat(text).doesNotContain("100 (2023-03)");
    }

    @Test
    void secondDraw_forAPeriodWithASample_isRefused_andTheSignedReviewsStayInTheFigures() {
        assertThatThrownBy(() -> reviews.drawSample(
                        Fixtures.LEAD, ReviewPeriod.parse("2023-02"), SamplingCriteria.defaults(), 10, 7L))
                .isInstanceOf(SampleExistsException.class)
                .hasMessageContaining("period 2023-02 already has a sample of 3 records");

        lead.get("/periods");
        HttpResponse<String> page = lead.post("/periods", Map.of("period", "2023-02", "size", "10", "seed", "7"));
        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.body()).contains("id=\"problem\"").contains("already has a sample of 3 records");

        JsonNode json = JsonMapper.builder()
                .build()
                .readTree(lead.get("/dashboard/data?" + RANGE).body());
        assertThat(json.get("periods").get(1).get("label").asString()).isEqualTo("complete: 3 of 3 signed");
    }

    @Test
    void addingStaysAndWithdrawing_fromThePeriodsPage_areAuditedWithTheirReasons() {
        stays("2022-10", 3);
        reviews.drawSample(Fixtures.LEAD, ReviewPeriod.parse("2022-10"), SamplingCriteria.defaults(), 1, 1L);
        lead.get("/periods");

        HttpResponse<String> added = lead.post(
                "/periods/add", Map.of("period", "2022-10", "size", "1", "seed", "3", "reason", "frame was short"));

        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(sample("2022-10")).hasSize(2);
        assertThat(reviews.activeDraws(ReviewPeriod.parse("2022-10")))
                .extracting(ReviewService.PeriodView::drawKind)
                .containsExactly("sample", "addition");

        lead.get("/periods");
        HttpResponse<String> noReason = lead.post("/periods/withdraw", Map.of("period", "2022-10", "reason", ""));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"problem\"").contains("give a reason");
        assertThat(sample("2022-10")).hasSize(2);

        lead.get("/periods");
        HttpResponse<String> withdrawn =
                lead.post("/periods/withdraw", Map.of("period", "2022-10", "reason", "drawn from the wrong ward"));
        assertThat(withdrawn.statusCode()).isEqualTo(302);
        assertThat(sample("2022-10")).isEmpty();
        String periodsPage = lead.get("/periods").body();
        assertThat(periodsPage).contains("withdrawn by lead: drawn from the wrong ward");
    }

    @Test
    void withdrawal_isRefusedOnceARecordIsSigned_andNeedsAReason() {
        assertThatThrownBy(() -> reviews.withdrawSample(Fixtures.LEAD, ReviewPeriod.parse("2023-03"), "wrong month"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 of its records are signed off");
        assertThatThrownBy(() -> reviews.withdrawSample(Fixtures.LEAD, ReviewPeriod.parse("2023-03"), " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("give a reason");
    }

    @Test
    void unsignedSample_canBeWithdrawnWithAReason_andDrawnAgain_andLeavesTheQueues() {
        stays("2022-11", 2);
        ReviewPeriod november = ReviewPeriod.parse("2022-11");
        reviews.drawSample(Fixtures.LEAD, november, SamplingCriteria.defaults(), 1, 1L);
        long first = sample("2022-11").getFirst().id();

        assertThat(reviews.withdrawSample(Fixtures.LEAD, november, "drawn with the wrong criteria"))
                .isEqualTo(1);
        assertThat(reviews.queue(Fixtures.LEAD)).noneMatch(r -> r.id() == first);
        reviews.drawSample(Fixtures.LEAD, november, SamplingCriteria.defaults(), 2, 2L);
        assertThat(sample("2022-11")).hasSize(2);
        assertThat(reviews.periods(Fixtures.LEAD))
                .filteredOn(p -> p.label().equals("2022-11") && p.withdrawn())
                .singleElement()
                .satisfies(p -> assertThat(p.withdrawnReason()).isEqualTo("drawn with the wrong criteria"));
    }

    @Test
    @BrowserTest
    void inChromium_theLeadSeesTheUnfinishedMonth_downloadsEachReport_andASecondDrawIsRefusedOnThePage()
            throws Exception {
        try (Chromium chromium = Chromium.start();
                BrowserContext context = chromium.context(port, 1400, 1000)) {
            Page page = context.newPage();
            List<String> errors = new ArrayList<>();
            page.onPageError(errors::add);
            Chromium.signIn(page, "lead", Fixtures.PASSWORD);

            // given the dashboard on the four months
            page.navigate("/dashboard?" + RANGE);
            page.locator("main[data-charts=drawn]").waitFor();
            // then the unfinished month is listed with what holds it up, and drawn hollow
            assertThat(page.locator("#unfinished-2023-03").textContent())
                    .contains("in review: 1 of 3 signed")
                    .contains("submitted, awaiting signature")
                    .contains("assigned");
            Object fill = page.evaluate(
                    "() => Chart.getChart('ae-per-1000-patient-days-control').data.datasets[0].backgroundColor[2]");
            assertThat(fill).isEqualTo("#ffffff");
            assertThat(page.locator("#ae-per-1000-patient-days-signal").textContent())
                    .isEqualTo("fewer than 12 complete points (3): no run-chart rules applied");
            Chromium.assertAccessibleAndFits(page, "dashboard with an unfinished month");
            page.locator("#completeness").scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Chromium.SCREENSHOTS.resolve("12-dashboard-in-review.png"))
                    .setFullPage(false));

            // each download button gives the report of the range shown
            String csv = download(page, "#download-csv");
            assertThat(csv).contains("2023-03,in review,1,3,ae-per-1000-patient-days");
            String fhir = download(page, "#download-fhir");
            assertThat(fhir).contains("\"status\": \"pending\"").contains("\"resourceType\": \"Bundle\"");
            String pdf = download(page, "#download-pdf");
            assertThat(pdf).startsWith("%PDF-");
            assertThat(csv)
                    .as("the same bytes as the data the page shows")
                    .isEqualTo(lead.get("/dashboard/export?format=csv&" + RANGE).body());

            // when the lead draws 2023-02 again on the Periods page
            page.navigate("/periods");
            page.locator("#period").fill("2023-02");
            page.locator("#size").fill("10");
            page.locator("#seed").fill("7");
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Draw sample").setExact(true))
                    .click();
            // then it is refused in the page, with the way forward, and nothing typed is lost
            assertThat(page.locator("#problem").textContent())
                    .contains("period 2023-02 already has a sample of 3 records")
                    .contains("add stays to this sample, or withdraw it with a reason");
            assertThat(page.locator("#add-period").inputValue()).isEqualTo("2023-02");
            Chromium.assertAccessibleAndFits(page, "periods with the second draw refused");
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("13-second-draw-refused.png")));
            page.navigate("/dashboard?" + RANGE);
            assertThat(page.locator("#unfinished").textContent()).doesNotContain("2023-02");
        }
        assertThat(lead.get("/dashboard/data?" + RANGE).body()).contains("\"label\":\"complete: 3 of 3 signed\"");
    }

    private static String download(Page page, String button) throws Exception {
        Download download = page.waitForDownload(() -> page.locator(button).click());
        return java.nio.file.Files.readString(download.path(), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    // ------------------------------------------------------------------ fixtures

    /** {@code count} 10-day stays discharged in {@code month}, on days of their own. */
    private void stays(String month, int count) {
        List<ScreenedStay> stays = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate day = LocalDate.parse(month + "-01").plusDays(1 + 3L * i);
            stays.add(Fixtures.stay("e-hf-" + day, day));
        }
        data.importStays(stays);
    }

    /** The period's sampled records (first reviews) that are in the queues, in draw order. */
    private List<ReviewView> sample(String label) {
        return reviews.queue(Fixtures.LEAD).stream()
                .filter(r -> r.periodLabel().equals(label) && !r.isSecondReview())
                .sorted(java.util.Comparator.comparingInt(ReviewView::drawOrder))
                .toList();
    }

    private static ReviewService.EventInput event(OutcomeClass outcome, String harm) {
        return new ReviewService.EventInput(
                "MH-C01", outcome, "synthetic event for the figures test", harm, false, "no");
    }

    private static Caller reviewer(ReviewView review) {
        return new Caller(review.reviewer(), review.reviewer(), Role.REVIEWER);
    }

    /** Records the events as the assigned reviewer, submits, and signs as the physician confirming them all. */
    private void sign(ReviewView review, ReviewService.EventInput... events) {
        Caller reviewer = reviewer(review);
        for (ReviewService.EventInput event : events) {
            reviews.addEvent(
                    reviewer,
                    review.id(),
                    reviews.find(review.id()).orElseThrow().version(),
                    event,
                    null);
        }
        reviews.submit(
                reviewer, review.id(), reviews.find(review.id()).orElseThrow().version());
        Map<Long, String> decisions = new HashMap<>();
        reviews.events(DOC, review.id()).forEach(e -> decisions.put(e.id(), "confirmed"));
        reviews.sign(DOC, review.id(), reviews.find(review.id()).orElseThrow().version(), decisions);
    }
}
