package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhtrigger.review.Fixtures.ANN;
import static org.mhtrigger.review.Fixtures.BOB;
import static org.mhtrigger.review.Fixtures.DOC;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mhtrigger.review.store.ReviewService;
import org.mhtrigger.review.store.ReviewService.ReviewView;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** The double review on H2, and its pages over HTTP. */
@SpringBootTest(
        classes = ReviewApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:double;DB_CLOSE_DELAY=-1")
@Import(TestSettings.class)
class DoubleReviewTest extends DoubleReviewContract {
    @LocalServerPort
    int port;

    private WebClient signedIn(String username) {
        WebClient client = new WebClient(port);
        assertThat(client.login(username, Fixtures.PASSWORD)
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .doesNotContain("error");
        return client;
    }

    @Test
    void aRefusedDoubleReviewDraw_isThePeriodsPageAgain_withTheReason() {
        ReviewView first = fixtures.freshReview();
        WebClient lead = signedIn("lead");
        lead.get("/periods");

        java.net.http.HttpResponse<String> refused =
                lead.post("/periods/" + first.periodId() + "/double-review", Map.of("size", "0", "seed", "3"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"problem\"")
                .contains("double-review sample size 0 must be between 1 and 1000")
                .contains("Review periods and samples");
    }

    @Test
    void safetyLeadDrawsFromThePeriodsPage_andTheReviewersRecordTheConsensusOnItsPage() {
        ReviewView first = fixtures.freshReview();
        WebClient lead = signedIn("lead");
        lead.get("/periods");

        java.net.http.HttpResponse<String> drawn =
                lead.post("/periods/" + first.periodId() + "/double-review", Map.of("size", "1", "seed", "3"));

        assertThat(drawn.statusCode()).isEqualTo(302);
        ReviewView second = reviews.queue(BOB).stream()
                .filter(v -> first.id() == (v.secondOf() == null ? -1 : v.secondOf()))
                .findFirst()
                .orElseThrow();
        long annF = reviews.addEvent(ANN, first.id(), version(first.id()), FALL_F, null);
        reviews.submit(ANN, first.id(), version(first.id()));
        WebClient bob = signedIn("bob");
        assertThat(bob.get("/reviews/" + first.id()).statusCode()).isEqualTo(403);
        assertThat(bob.get("/reviews/" + first.id() + "/consensus").statusCode())
                .isEqualTo(403);
        reviews.addEvent(BOB, second.id(), version(second.id()), RASH_E, null);
        reviews.submit(BOB, second.id(), version(second.id()));

        String page = bob.get("/reviews/" + first.id() + "/consensus").body();
        assertThat(page).contains("fall with fracture").contains("rash after antibiotic");
        assertThat(signedIn("carl").get("/reviews/" + first.id() + "/consensus").statusCode())
                .isEqualTo(403);
        assertThat(signedIn("doc").get("/reviews/" + first.id() + "/consensus").statusCode())
                .isEqualTo(403);
        assertThat(bob.post(
                                "/reviews/" + first.id() + "/consensus",
                                Map.of("version", String.valueOf(version(first.id())), "agreed", String.valueOf(annF)))
                        .statusCode())
                .isEqualTo(302);

        assertThat(bob.get("/reviews/" + first.id() + "/consensus").body()).contains("Consensus recorded by");
        assertThat(reviews.events(DOC, first.id()))
                .filteredOn(e -> !e.withdrawn())
                .extracting(ReviewService.EventView::description)
                .containsExactly("fall with fracture");
        assertThat(lead.get("/periods").body()).contains("over 1 pair(s), observed agreement 0.00");
    }

    @Test
    void consensusPostWithoutCsrfToken_isForbidden() {
        Reviewed r = bothSubmitted();
        WebClient ann = signedIn("ann");

        assertThat(ann.postWithoutCsrf(
                                "/reviews/" + r.first().id() + "/consensus",
                                Map.of(
                                        "version",
                                        String.valueOf(version(r.first().id()))))
                        .statusCode())
                .isEqualTo(403);
        assertThat(doubles.pair(ANN, r.first().id()).consensusRecorded()).isFalse();
    }
}
