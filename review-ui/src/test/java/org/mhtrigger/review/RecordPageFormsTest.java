package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.record.DischargeDisposition;
import org.mhtrigger.engine.record.Note;
import org.mhtrigger.engine.record.Patient;
import org.mhtrigger.engine.record.SourceRef;
import org.mhtrigger.engine.record.Stay;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.engine.record.TextSpan;
import org.mhtrigger.engine.sampling.ReviewPeriod;
import org.mhtrigger.engine.sampling.SamplingCriteria;
import org.mhtrigger.engine.screen.Finding;
import org.mhtrigger.review.store.ReviewService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The record page over HTTP: a form that needs correcting comes back as the record page (HTTP 422) with what was
 * typed, escaped, and the error beside its field; nothing is saved. And the triggers are grouped by clinical event. Same server as {@link BrowserRecordPageTest}.
 */
@SpringBootTest(
        classes = ReviewApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:record-page;DB_CLOSE_DELAY=-1",
            "mhtrigger.time-zone=Europe/London"
        })
@Import(TestSettings.class)
class RecordPageFormsTest {
    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReviewService reviews;

    @Autowired
    DemoData data;

    private WebClient ann() {
        WebClient ann = new WebClient(port);
        ann.login("ann", Fixtures.PASSWORD);
        ann.get("/queue"); // the session's CSRF token
        return ann;
    }

    @Test
    void eventWithoutHarmCategory_isTheRecordPageAgain_withTheTextKeptEscaped_andNothingSaved() {
        ReviewService.ReviewView review = fixtures.freshReview();

        HttpResponse<String> response = ann().post(
                        "/reviews/" + review.id() + "/events",
                        Map.of(
                                "version", String.valueOf(review.version()),
                                "trigger", "MH-B01",
                                "outcomeClass", "ADVERSE_EVENT",
                                "description", "Laceration " + Fixtures.SCRIPT,
                                "preventability", "yes"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body())
                .contains("id=\"event-harmCategory-error\">Error: Choose a harm category E–I: adverse events need one.")
                .contains("Laceration &lt;script&gt;alert(1)&lt;/script&gt;</textarea>")
                .doesNotContain("Laceration " + Fixtures.SCRIPT)
                .contains("<option value=\"yes\" selected=\"selected\">yes</option>")
                .contains("Record " + review.encounterId());
        assertThat(reviews.events(Fixtures.ANN, review.id())).isEmpty();
    }

    @Test
    void triggerWithoutEvidence_isTheRecordPageAgain_withTheFormOpenAndTheErrorBesideTheField() {
        ReviewService.ReviewView review = fixtures.freshReview();

        HttpResponse<String> response = ann().post(
                        "/reviews/" + review.id() + "/triggers",
                        Map.of("version", String.valueOf(review.version()), "trigger", "MH-C01", "evidence", "  "));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body())
                .contains("id=\"new-trigger-evidence-error\">Error: Say where the trigger is seen")
                .contains("<details class=\"form-box\" id=\"new-trigger-box\" open=\"open\">")
                .contains("<option value=\"MH-C01\" selected=\"selected\">MH-C01 Fall</option>");
        assertThat(reviews.find(review.id()).orElseThrow().version()).isEqualTo(review.version());
    }

    @Test
    void aChangeAfterSubmissionWithoutReason_keepsTheChangedValues_andAsksForTheReason() {
        ReviewService.ReviewView review = fixtures.freshReview();
        long eventId = cutForearm(review);
        long version = reviews.find(review.id()).orElseThrow().version();
        reviews.submit(Fixtures.ANN, review.id(), version);
        version = reviews.find(review.id()).orElseThrow().version();

        HttpResponse<String> response = ann().post(
                        "/reviews/" + review.id() + "/events/" + eventId,
                        Map.of(
                                "version", String.valueOf(version),
                                "eventVersion", "0",
                                "outcomeClass", "ADVERSE_EVENT",
                                "description", "cut forearm, sutured in ED",
                                "harmCategory", "F"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body())
                .contains("Give a reason for the change: the record was already submitted.")
                .contains("cut forearm, sutured in ED</textarea>");
        assertThat(reviews.events(Fixtures.ANN, review.id()).getFirst().harmCategory())
                .isEqualTo("E");
    }

    @Test
    void submittingShowsAConfirmation_andTheNextOpenRecordOfTheQueue() {
        ReviewService.ReviewView later = fixtures.freshReview();
        ReviewService.ReviewView review = fixtures.freshReview();
        WebClient ann = ann();

        HttpResponse<String> submit =
                ann.post("/reviews/" + review.id() + "/submit", Map.of("version", String.valueOf(review.version())));

        assertThat(submit.statusCode()).isEqualTo(302);
        assertThat(submit.headers().firstValue("Location").orElseThrow())
                .endsWith("/reviews/" + review.id() + "?saved=submitted");
        String page = ann.get("/reviews/" + review.id() + "?saved=submitted").body();
        assertThat(page)
                .contains("Review submitted for authentication.")
                .contains("href=\"/reviews/" + later.id() + "\">Next record in my queue: <span>" + later.encounterId());
    }

    @Test
    void aChangedCategoryWithoutReason_isTheRecordPageAgain_withThePhysiciansChoicesKept_andNothingSigned() {
        ReviewService.ReviewView review = fixtures.freshReview();
        long eventId = cutForearm(review);
        reviews.submit(
                Fixtures.ANN,
                review.id(),
                reviews.find(review.id()).orElseThrow().version());
        long version = reviews.find(review.id()).orElseThrow().version();
        WebClient doc = new WebClient(port);
        doc.login("doc", Fixtures.PASSWORD);
        doc.get("/queue");

        HttpResponse<String> response = doc.post(
                "/reviews/" + review.id() + "/sign",
                Map.of(
                        "version",
                        String.valueOf(version),
                        "decision-" + eventId,
                        "confirmed",
                        "outcome-" + eventId,
                        "ADVERSE_EVENT",
                        "harm-" + eventId,
                        "G",
                        "preventability-" + eventId,
                        "yes",
                        "reason-" + eventId,
                        ""));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body())
                .contains("Not signed: please correct this")
                .contains("Record " + review.encounterId())
                .contains("value=\"confirmed\" required checked=\"checked\"")
                .contains("<option value=\"G\" selected=\"selected\">")
                .contains("<option value=\"yes\" selected=\"selected\">yes</option>");
        assertThat(reviews.signatures(Fixtures.DOC, review.id())).isEmpty();
    }

    @Test
    void aReturnWithoutComment_isTheRecordPageAgain_withTheErrorBesideTheComment() {
        ReviewService.ReviewView review = fixtures.freshReview();
        reviews.submit(Fixtures.ANN, review.id(), review.version());
        long version = reviews.find(review.id()).orElseThrow().version();
        WebClient doc = new WebClient(port);
        doc.login("doc", Fixtures.PASSWORD);
        doc.get("/queue");

        HttpResponse<String> response = doc.post(
                "/reviews/" + review.id() + "/return", Map.of("version", String.valueOf(version), "comment", " "));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("id=\"return-comment-error\"").contains("aria-invalid=\"true\"");
        assertThat(reviews.find(review.id()).orElseThrow().version()).isEqualTo(version);
    }

    @Test
    void aReloadOfTheReturnedForm_isAVisitOfTheRecordPage_notASecondPost() {
        ReviewService.ReviewView review = fixtures.freshReview();

        HttpResponse<String> response = ann().post(
                        "/reviews/" + review.id() + "/events",
                        Map.of("version", String.valueOf(review.version()), "trigger", "MH-B01"));

        assertThat(response.statusCode()).isEqualTo(422);
        // layout.js turns the history entry into a visit of this address (BrowserRecordPageTest reloads it)
        assertThat(response.body()).contains("<meta name=\"page-url\" content=\"/reviews/" + review.id() + "\">");
        assertThat(ann().get("/reviews/" + review.id()).body()).doesNotContain("name=\"page-url\"");
    }

    @Test
    void twoRestraintsFourDaysApart_areTwoEvents_andTheDischargeSummaryJoinsTheSecond() {
        fixtures.accounts();
        LocalDate day = LocalDate.of(2026, 9, 30);
        String encounter = "e-two-restraints";
        String patient = "p-" + encounter;
        Instant discharged = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        Instant admitted = discharged.minusSeconds(20 * 86_400L);
        Instant first = admitted.plusSeconds(2 * 86_400L);
        Instant second = admitted.plusSeconds(6 * 86_400L);
        String restrained = "Restrained (supine, 3 staff) to give IM lorazepam.";
        String summary = "Discharge summary: restrained twice on the ward.";
        SourceRef note1 = new SourceRef("DocumentReference", "r1-" + encounter);
        SourceRef note2 = new SourceRef("DocumentReference", "r2-" + encounter);
        SourceRef letter = new SourceRef("DocumentReference", "ds-" + encounter);
        StayRecord record = StayRecord.builder(
                        new Patient(patient, "male", LocalDate.of(1975, 2, 3), null),
                        new Stay(encounter, patient, admitted, discharged, "Ward 6 (Acute)", DischargeDisposition.HOME))
                .note(new Note(note1, "nursing", first.plusSeconds(3600), restrained))
                .note(new Note(note2, "nursing", second.plusSeconds(3600), restrained))
                .note(new Note(letter, "Discharge summary", discharged.minusSeconds(3600), summary))
                .build();
        List<Finding> findings = new ArrayList<>();
        for (Instant at : List.of(first, second)) {
            findings.add(new Finding(
                    encounter,
                    patient,
                    "MH-R01",
                    "Restraint",
                    new SourceRef("Procedure", "proc-" + at.getEpochSecond()),
                    null,
                    "Restraint: Physical restraint",
                    at,
                    Fixtures.RULESET));
        }
        for (SourceRef note : List.of(note1, note2, letter)) {
            String text = note == letter ? summary : restrained;
            findings.add(new Finding(
                    encounter,
                    patient,
                    "MH-R01",
                    "Restraint",
                    note,
                    new TextSpan(text.indexOf("estrained") - 1, text.indexOf("estrained") + 9),
                    text,
                    note == letter ? discharged.minusSeconds(3600) : (note == note1 ? first : second).plusSeconds(3600),
                    Fixtures.RULESET));
        }
        data.importStays(List.of(new ScreenedStay(record, findings, Fixtures.RULESET)));
        ReviewService.PeriodView period = reviews.drawSample(
                Fixtures.LEAD, ReviewPeriod.parse(day + "/" + day), SamplingCriteria.defaults(), 1, 7L);
        long reviewId = reviews.queue(Fixtures.LEAD).stream()
                .filter(r -> r.periodId() == period.id())
                .findFirst()
                .orElseThrow()
                .id();

        String page = ann().get("/reviews/" + reviewId).body();

        assertThat(page).contains("<h2 id=\"triggers-heading\">Triggers (<span>5</span>)</h2>");
        String firstEvent = page.substring(page.indexOf("id=\"tg-MH-R01\""), page.indexOf("id=\"tg-MH-R01-2\""));
        String secondEvent = page.substring(
                page.indexOf("id=\"tg-MH-R01-2\""), page.indexOf("</ol>", page.indexOf("id=\"tg-MH-R01-2\"")));
        assertThat(firstEvent).contains("2 findings, one event").doesNotContain("restrained twice");
        assertThat(secondEvent).contains("3 findings, one event").contains("restrained twice");
        assertThat(page).doesNotContain("id=\"tg-MH-R01-3\"");
    }

    /** Ann's harm-E self-harm event on {@code review}; its id. */
    private long cutForearm(ReviewService.ReviewView review) {
        return reviews.addEvent(
                Fixtures.ANN,
                review.id(),
                review.version(),
                new ReviewService.EventInput(
                        "MH-B01",
                        org.mhtrigger.review.store.OutcomeClass.ADVERSE_EVENT,
                        "cut forearm",
                        "E",
                        false,
                        "unknown"),
                null);
    }
}
