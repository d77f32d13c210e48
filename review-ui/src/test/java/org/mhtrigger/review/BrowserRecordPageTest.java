package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mhtrigger.engine.record.DischargeDisposition;
import org.mhtrigger.engine.record.LabResult;
import org.mhtrigger.engine.record.MedicationEvent;
import org.mhtrigger.engine.record.MedicationEventKind;
import org.mhtrigger.engine.record.Note;
import org.mhtrigger.engine.record.Patient;
import org.mhtrigger.engine.record.Route;
import org.mhtrigger.engine.record.SourceRef;
import org.mhtrigger.engine.record.Stay;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.engine.record.TextSpan;
import org.mhtrigger.engine.sampling.ReviewPeriod;
import org.mhtrigger.engine.sampling.SamplingCriteria;
import org.mhtrigger.engine.screen.Assertion;
import org.mhtrigger.engine.screen.Finding;
import org.mhtrigger.engine.screen.TextHit;
import org.mhtrigger.review.importing.ImportPipeline;
import org.mhtrigger.review.store.ReviewService;
import org.mhtrigger.testkit.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The record page in Debian's Chromium, as a reviewer works through it inside the 20-minute box: filters the
 * timeline, reads a flagged lab and its trend chart, sees why a mention was set aside, records an event after a
 * validation error without losing what was typed, submits and goes on to the next record. axe-core finds no
 * violation at desktop width nor at 390 px, where nothing overflows sideways. Times are shown in Europe/London.
 */
@SpringBootTest(
        classes = ReviewApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:record-page;DB_CLOSE_DELAY=-1",
            "mhtrigger.time-zone=Europe/London"
        })
@Import(TestSettings.class)
@BrowserTest
class BrowserRecordPageTest {
    static final String RULESET = Fixtures.RULESET;
    static final String NEGATED_NOTE =
            "Settled overnight. Seclusion was not required; she wrote " + Fixtures.SCRIPT + " on the whiteboard.";
    static final String STOP_NOTE = "FBC back: neutrophils 1.3. Clozapine stopped today as per monitoring protocol.";
    static final Path CORPUS = Path.of(System.getProperty("mhtrigger.corpus", "../corpus-samples"), "handwritten");

    @RegisterExtension
    static final Chromium chromium = Chromium.perClass();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DemoData data;

    @Autowired
    ReviewService reviews;

    /** The page's absolute address, as {@code page.url()} gives it. */
    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Imports a stay discharged on {@code day} and draws it as a one-stay sample; Ann reviews it. */
    private ReviewService.ReviewView review(ScreenedStay stay, LocalDate day) {
        fixtures.accounts();
        data.importStays(List.of(stay));
        ReviewService.PeriodView period = reviews.drawSample(
                Fixtures.LEAD, ReviewPeriod.parse(day + "/" + day), SamplingCriteria.defaults(), 1, 7L);
        return reviews.queue(Fixtures.LEAD).stream()
                .filter(r -> r.periodId() == period.id())
                .findFirst()
                .orElseThrow();
    }

    /**
     * A clozapine stay: neutrophils falling to 1.3 (MH-L02), five identical evening doses, the order stopped and a
     * note saying so (two MH-M05 findings of one stop), and a note whose seclusion mention is negated.
     */
    static ScreenedStay clozapineStay(String encounter, LocalDate dischargeDay) {
        String patient = "p-" + encounter;
        Instant discharged = dischargeDay.atTime(11, 0).toInstant(java.time.ZoneOffset.UTC);
        Instant admitted = Instant.parse(dischargeDay.minusDays(20) + "T10:00:00Z");
        Instant day3 = admitted.plusSeconds(2 * 86_400L - 4 * 3600L); // 06:00 two days after admission
        SourceRef negatedRef = new SourceRef("DocumentReference", "n1-" + encounter);
        SourceRef stopRef = new SourceRef("DocumentReference", "n2-" + encounter);
        SourceRef orderRef = new SourceRef("MedicationRequest", "mr-" + encounter);
        StayRecord.Builder builder = StayRecord.builder(
                        new Patient(patient, "female", LocalDate.of(1980, 5, 17), null),
                        new Stay(encounter, patient, admitted, discharged, "Ward 6 (Acute)", DischargeDisposition.HOME))
                .note(new Note(negatedRef, "nursing", day3, NEGATED_NOTE))
                .note(new Note(stopRef, "medical", day3.plusSeconds(11 * 86_400L + 3 * 3600L), STOP_NOTE))
                .medication(new MedicationEvent(
                        orderRef,
                        MedicationEventKind.ORDER,
                        "clozapine",
                        150.0,
                        Route.ORAL,
                        "stopped",
                        admitted.plusSeconds(3600),
                        false,
                        false,
                        ""));
        double[] neutrophils = {3.1, 2.2, 1.3};
        SourceRef lastLab = null;
        for (int i = 0; i < neutrophils.length; i++) {
            lastLab = new SourceRef("Observation", "neut-" + i + "-" + encounter);
            builder.lab(new LabResult(
                    lastLab,
                    "neutrophils",
                    neutrophils[i],
                    "10*9/L",
                    neutrophils[i],
                    "10*9/L",
                    day3.plusSeconds(i * 5L * 86_400L + 2 * 3600L)));
        }
        builder.lab(new LabResult(
                new SourceRef("Observation", "na-" + encounter),
                "sodium",
                138,
                "mmol/L",
                138.0,
                "mmol/L",
                day3.plusSeconds(2 * 3600L)));
        for (int i = 0; i < 5; i++) {
            builder.medication(new MedicationEvent(
                    new SourceRef("MedicationAdministration", "ma-" + i + "-" + encounter),
                    MedicationEventKind.ADMINISTRATION,
                    "clozapine",
                    150.0,
                    Route.ORAL,
                    "completed",
                    day3.plusSeconds(i * 86_400L + 14 * 3600L),
                    false,
                    false,
                    ""));
        }
        StayRecord record = builder.build();
        Instant labTime = day3.plusSeconds(10L * 86_400L + 2 * 3600L);
        int stop = STOP_NOTE.indexOf("Clozapine stopped");
        List<Finding> findings = List.of(
                new Finding(
                        encounter,
                        patient,
                        "MH-L02",
                        "Neutropenia on clozapine",
                        lastLab,
                        null,
                        "Neutrophils 1.3 10*9/L (threshold < 1.5)",
                        labTime,
                        RULESET),
                new Finding(
                        encounter,
                        patient,
                        "MH-M05",
                        "Abrupt stop of a critical psychotropic",
                        orderRef,
                        null,
                        "Clozapine 150 mg oral order stopped",
                        admitted.plusSeconds(3600),
                        RULESET),
                new Finding(
                        encounter,
                        patient,
                        "MH-M05",
                        "Abrupt stop of a critical psychotropic",
                        stopRef,
                        new TextSpan(stop, STOP_NOTE.indexOf(" as per")),
                        STOP_NOTE.substring(stop),
                        day3.plusSeconds(11 * 86_400L + 3 * 3600L),
                        RULESET));
        int seclusion = NEGATED_NOTE.indexOf("Seclusion");
        TextHit negated = new TextHit(
                "MH-R02",
                negatedRef,
                new TextSpan(seclusion, seclusion + "Seclusion".length()),
                "Seclusion was not required; she wrote " + Fixtures.SCRIPT + " on the whiteboard.",
                Assertion.NEGATED,
                day3,
                "negated by 'not required'");
        return new ScreenedStay(record, findings, List.of(negated), RULESET);
    }

    @Test
    void reviewerFiltersTheTimeline_readsAFlaggedLabAndItsChart_correctsAnEvent_submits_andGoesToTheNextRecord()
            throws IOException {
        // given: two open records in Ann's queue, the newer period first
        ReviewService.ReviewView next =
                review(clozapineStay("rp-next", LocalDate.of(2026, 3, 15)), LocalDate.of(2026, 3, 15));
        ReviewService.ReviewView review =
                review(clozapineStay("rp-first", LocalDate.of(2026, 3, 20)), LocalDate.of(2026, 3, 20));
        List<String> dialogs = new ArrayList<>();

        try (BrowserContext context = chromium.context(port, 1400, 1000, dialogs)) {
            Page page = context.newPage();
            Chromium.signIn(page, "ann", Fixtures.PASSWORD);
            long started = System.nanoTime();
            Response opened = page.navigate("/reviews/" + review.id());
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.println("record page: HTTP " + opened.status() + ", loaded in " + millis + " ms");

            // local times, as clinicians write them (the stay's first note: 06:00 UTC in March is 06:00 in London)
            assertThat(page.locator("#item-" + firstNoteId(page) + " time")
                            .first()
                            .textContent())
                    .isEqualTo("Mon 2 Mar 2026 06:00");
            assertThat(page.locator("#time-zone").textContent()).isEqualTo("Europe/London");

            // repeated administrations are one row that opens
            com.microsoft.playwright.Locator group = page.locator(".item-group");
            assertThat(group.count()).isEqualTo(1);
            assertThat(group.locator("summary").textContent())
                    .contains("clozapine 150 mg oral, completed")
                    .contains("5 administrations, 2–6 Mar 2026");
            assertThat(group.locator(".group-members li").first().isVisible()).isFalse();
            group.locator("summary").click();
            assertThat(group.locator(".group-members li"))
                    .satisfies(l -> assertThat(l.count()).isEqualTo(5));
            assertThat(group.locator(".group-members li").first().isVisible()).isTrue();

            // the flagged lab says so in words, not only in colour; the normal one has no flag
            com.microsoft.playwright.Locator flagged = page.locator(".item-lab.flagged");
            assertThat(flagged.count()).isEqualTo(1);
            assertThat(flagged.textContent())
                    .contains("neutrophils")
                    .contains("LOW")
                    .contains("crosses the MH-L02 threshold (< 1.5 ×10⁹/L)");
            assertThat(page.locator(".item-lab", new Page.LocatorOptions().setHasText("sodium"))
                            .locator(".flag")
                            .count())
                    .isZero();

            // the lab trigger has a trend chart with its threshold line and a text alternative
            com.microsoft.playwright.Locator chart = page.locator("#tg-MH-L02 svg.trend-chart");
            assertThat(chart.isVisible()).isTrue();
            assertThat(chart.getAttribute("role")).isEqualTo("img");
            assertThat(chart.locator("line.threshold").count()).isEqualTo(1);
            assertThat(chart.locator("rect.flagged-point").count()).isEqualTo(1);
            assertThat(chart.locator("circle.point").count()).isEqualTo(2);
            assertThat(chart.locator("desc").textContent())
                    .contains("3 values")
                    .contains("1 value crosses a threshold (MH-L02 threshold < 1.5 ×10⁹/L)");
            assertThat(page.locator("#tg-MH-L02 .chart-values tbody tr").count())
                    .isEqualTo(3);

            // two findings of one clozapine stop (the order, and the note twelve days later) are one event with its
            // count
            assertThat(page.locator("#tg-MH-M05 .count-badge").textContent()).isEqualTo("2 findings, one event");
            assertThat(page.locator("#tg-MH-M05 a.trigger-link").count()).isEqualTo(2);

            // the mention context set aside, with its reason in words, beside the note and in the side panel
            assertThat(page.locator("#suppressed").textContent())
                    .contains("MH-R02")
                    .contains("suppressed: negated by 'not required'");
            assertThat(page.locator(".item-note .set-aside").textContent())
                    .contains("suppressed: negated by 'not required'");
            assertThat(page.locator("mark.suppressed").textContent()).isEqualTo("Seclusion");
            // the payload in the note is text
            assertThat(page.locator(".note-text").first().textContent()).contains(Fixtures.SCRIPT);

            Chromium.assertAccessibleAndFits(page, "record page");
            Chromium.screenshot(page, "20-record-page", true);

            // filter the timeline: labs only
            page.waitForResponse(
                    r -> r.url().contains("filter=1"),
                    () -> page.locator("#show-note").uncheck());
            page.waitForResponse(
                    r -> r.url().contains("filter=1") && !r.url().contains("show=medication"),
                    () -> page.locator("#show-medication").uncheck());
            page.waitForCondition(
                    () -> page.locator("#timeline-panel .item-note").count() == 0
                            && page.locator("#timeline-panel .item-medication").count() == 0);
            assertThat(page.locator("#timeline-panel .item-lab").count()).isEqualTo(4);
            assertThat(page.locator("#timeline-count").textContent()).contains("4 rows shown (filtered by kind)");
            assertThat(page.url()).contains("show=lab").doesNotContain("show=note");
            Chromium.assertAccessibleAndFits(page, "record page, labs only");

            // the trigger list stays in reach: a trigger whose evidence is filtered out shows the whole timeline there
            page.locator("#tg-MH-M05 a.trigger-link").last().click();
            page.waitForLoadState(LoadState.LOAD);
            page.waitForCondition(
                    () -> page.locator("#timeline-panel .item-note").count() == 2);
            assertThat(page.url()).containsPattern("#ev-\\d+$").doesNotContain("filter=1");
            assertThat(page.locator("mark.evidence").first().textContent()).isEqualTo("Clozapine stopped today");
            assertThat(page.locator("#triggers").isVisible()).isTrue();
            assertThat(page.locator("#triggers-heading").boundingBox().y)
                    .as("the sticky side panel keeps the triggers on screen beside the evidence")
                    .isBetween(0.0, 1000.0);

            // an adverse event without a harm category: shown again with the error beside the field, nothing lost
            String description = "Neutropenia (ANC 1.3) on clozapine; stopped, daily FBC " + Fixtures.SCRIPT;
            page.selectOption("#event-trigger", "MH-C07");
            page.check("#oc-ADVERSE_DRUG_EVENT");
            page.fill("#event-description", description);
            page.selectOption("#event-preventability", "no");
            Response refused = page.waitForResponse(
                    r -> r.url().endsWith("/events"),
                    () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record event"))
                            .click());
            assertThat(refused.status()).isEqualTo(422);
            page.waitForLoadState(LoadState.LOAD);
            assertThat(page.locator("#event-harmCategory-error").textContent())
                    .isEqualTo("Error: Choose a harm category E–I: adverse drug events need one.");
            assertThat(page.locator("#event-description").inputValue()).isEqualTo(description);
            assertThat(page.locator("#oc-ADVERSE_DRUG_EVENT").isChecked()).isTrue();
            assertThat(page.locator("#event-trigger").inputValue()).isEqualTo("MH-C07");
            assertThat(page.locator("#event-preventability").inputValue()).isEqualTo("no");
            assertThat(page.locator("#new-event-errors").textContent()).contains("Everything you typed is still here");
            assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("new-event-errors");
            assertThat(page.locator("label[for=event-description]").textContent())
                    .contains("(required)");
            Chromium.assertAccessibleAndFits(page, "record page with a form error");
            Chromium.screenshot(page, "21-record-form-error", true);

            // reloading the page with the error visits the record page: the form is not sent a second time
            assertThat(page.url()).isEqualTo(url("/reviews/" + review.id()));
            List<String> navigations = new ArrayList<>();
            java.util.function.Consumer<com.microsoft.playwright.Request> navigation = r -> {
                if (r.isNavigationRequest()) {
                    navigations.add(r.method() + " " + r.url());
                }
            };
            page.onRequest(navigation);
            page.reload();
            page.offRequest(navigation);
            assertThat(navigations).containsExactly("GET " + url("/reviews/" + review.id()));
            assertThat(page.locator("#event-harmCategory-error").count()).isZero();
            assertThat(reviews.events(Fixtures.ANN, review.id())).isEmpty();
            page.selectOption("#event-trigger", "MH-C07");
            page.check("#oc-ADVERSE_DRUG_EVENT");
            page.fill("#event-description", description);
            page.selectOption("#event-preventability", "no");

            page.check("#harm-F");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record event"))
                    .click();
            page.locator("#saved-box").waitFor();
            assertThat(page.locator("#saved-box").textContent()).isEqualTo("Event recorded.");
            assertThat(page.locator("#events .event").first().textContent())
                    .contains("harm F")
                    .contains(description);

            // submit: a confirmation and the next record of the queue
            page.click("#submit-review");
            page.locator("#submitted-box").waitFor();
            assertThat(page.locator("#submitted-box").textContent()).contains("Review submitted for authentication");
            assertThat(page.locator("#review-status").textContent()).isEqualTo("submitted, awaiting signature");
            Chromium.assertAccessibleAndFits(page, "record page after submission");
            Chromium.screenshot(page, "22-record-submitted", true);
            assertThat(page.locator("#next-record").textContent()).contains("rp-next");
            page.click("#next-record");
            page.waitForURL(url("/reviews/" + next.id()));
            assertThat(page.locator("h1").textContent()).isEqualTo("Record rp-next");
        }
        assertThat(dialogs).as("no script from note text ran").isEmpty();
    }

    @Test
    void recordPageAt390Pixels_hasNoViolation_andNothingOverflowsSideways() {
        ReviewService.ReviewView review =
                review(clozapineStay("rp-narrow", LocalDate.of(2026, 2, 20)), LocalDate.of(2026, 2, 20));
        try (BrowserContext context = chromium.context(port, 390, 844)) {
            Page page = context.newPage();
            Chromium.signIn(page, "ann", Fixtures.PASSWORD);
            page.navigate("/reviews/" + review.id());
            page.locator(".item-group summary").click();
            page.locator("#tg-MH-L02 .chart-values summary").click();

            Chromium.assertAccessibleAndFits(page, "record page at 390 px");
            Chromium.screenshot(page, "23-record-page-390", true);

            // and with a form error shown
            page.check("#oc-ADVERSE_EVENT");
            page.fill("#event-description", "Fall in the garden");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record event"))
                    .click();
            page.locator("#event-harmCategory-error").waitFor();
            assertThat(page.locator("#event-description").inputValue()).isEqualTo("Fall in the garden");
            Chromium.assertAccessibleAndFits(page, "record page at 390 px with a form error");
        }
    }

    /**
     * The hand-written e-1004-n (clozapine, neutropenia, the order stopped) screened with the bundled rules as the
     * demo screens it: its three MH-M05 findings (the order, the note, the discharge summary) are one event, the neutrophils are flagged and charted. Its page is
     * the screenshot in the README (target/screenshots/record-page.png).
     */
    @Test
    void demoRecordE1004n_groupsItsThreeMhM05Findings_andChartsItsNeutrophils() throws IOException {
        StringWriter errors = new StringWriter();
        List<ScreenedStay> screened = ImportPipeline.screen(List.of(CORPUS.resolve("ndjson")), new PrintWriter(errors));
        ScreenedStay e1004 = screened.stream()
                .filter(s -> s.record().id().equals("e-1004-n"))
                .findFirst()
                .orElseThrow();
        LocalDate day = e1004.record()
                .stay()
                .discharged()
                .atZone(java.time.ZoneOffset.UTC)
                .toLocalDate();
        ReviewService.ReviewView review = review(e1004, day);

        try (BrowserContext context = chromium.context(port, 1400, 1000)) {
            Page page = context.newPage();
            Chromium.signIn(page, "ann", Fixtures.PASSWORD);
            page.navigate("/reviews/" + review.id());

            assertThat(page.locator("#tg-MH-M05 .count-badge").textContent()).isEqualTo("3 findings, one event");
            assertThat(page.locator("#tg-MH-L02 svg.trend-chart").count()).isEqualTo(2); // neutrophils and white cells
            assertThat(page.locator(".item-lab.flagged").count()).isGreaterThanOrEqualTo(2);
            assertThat(page.locator(".item-group").count()).isGreaterThanOrEqualTo(1);
            Chromium.assertAccessibleAndFits(page, "record page of e-1004-n");
            // page load with CSS and scripts, warm: a figure to read, not a test of speed
            long[] millis = new long[5];
            for (int i = 0; i < millis.length; i++) {
                long started = System.nanoTime();
                page.navigate("/reviews/" + review.id());
                millis[i] = (System.nanoTime() - started) / 1_000_000;
            }
            System.out.println("record page of e-1004-n in Chromium (axe-core injected), 5 warm loads: "
                    + java.util.Arrays.toString(millis) + " ms");
            // the server alone: the HTML of the page over HTTP
            WebClient client = new WebClient(port);
            client.login("ann", Fixtures.PASSWORD);
            long[] server = new long[10];
            for (int i = 0; i < server.length; i++) {
                long started = System.nanoTime();
                assertThat(client.get("/reviews/" + review.id()).statusCode()).isEqualTo(200);
                server[i] = (System.nanoTime() - started) / 1_000_000;
            }
            System.out.println("record page of e-1004-n over HTTP, 10 warm requests: "
                    + java.util.Arrays.toString(server) + " ms");
            page.locator("#record-timeline").scrollIntoViewIfNeeded();
            page.evaluate("() => window.scrollTo(0, 0)");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Chromium.SCREENSHOTS.resolve("record-page.png"))
                    .setFullPage(false));
        }
        assertThat(Files.exists(Chromium.SCREENSHOTS.resolve("record-page.png")))
                .isTrue();
    }

    /** The id of the first note's row. */
    private static String firstNoteId(Page page) {
        return page.locator(".item-note").first().getAttribute("id").substring("item-".length());
    }
}
