package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mhtrigger.review.store.ReviewService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The record page's forms over HTTP: a form that needs correcting comes back as the record page (HTTP 422) with what
 * was typed, escaped, and the error beside its field; nothing is saved. Same server as {@link BrowserRecordPageTest}.
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
