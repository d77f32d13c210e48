package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhtrigger.review.Fixtures.ANN;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mhtrigger.review.store.OutcomeClass;
import org.mhtrigger.review.store.ReviewService;
import org.mhtrigger.review.store.ReviewStatus;
import org.mhtrigger.testkit.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Sign-off in Debian's Chromium: a physician changes an event's harm category with a reason and finds it in the
 * audit trail; a physician returns a record and its reviewer finds it, with the comment, in their queue.
 */
@SpringBootTest(
        classes = ReviewApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-signoff;DB_CLOSE_DELAY=-1")
@Import(TestSettings.class)
@BrowserTest
class BrowserSignOffTest {
    @RegisterExtension
    static final Chromium chromium = Chromium.perClass();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReviewService reviews;

    /** A fresh record of Ann's with one category F fall, submitted for authentication. */
    private long[] submittedFall() {
        ReviewService.ReviewView review = fixtures.freshReview();
        long eventId = reviews.addEvent(
                ANN,
                review.id(),
                review.version(),
                new ReviewService.EventInput(
                        "MH-C01",
                        OutcomeClass.ADVERSE_EVENT,
                        "Fell in the corridor, wrist fracture",
                        "F",
                        false,
                        "yes"),
                null);
        reviews.submit(ANN, review.id(), reviews.find(review.id()).orElseThrow().version());
        return new long[] {review.id(), eventId};
    }

    @Test
    void physicianChangesTheHarmCategoryWithAReason_andTheAuditTrailShowsTheChangeAndTheReason() {
        long[] r = submittedFall();
        List<String> dialogs = new ArrayList<>();
        try (BrowserContext physician = chromium.context(port, 1400, 1000, dialogs)) {
            Page page = physician.newPage();
            Chromium.signIn(page, "doc", Fixtures.PASSWORD);
            assertThat(page.locator("#tab-open").getAttribute("aria-current")).isEqualTo("page");
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions()
                                    .setName(reviews.find(r[0]).orElseThrow().encounterId()))
                    .click();

            page.check("#confirm-" + r[1]);
            page.locator("#signoff-" + r[1] + " summary").click();
            page.selectOption("#so-harm-" + r[1], "G");
            page.fill("#so-reason-" + r[1], "CT: displaced fracture needing surgery");
            Chromium.assertAccessibleAndFits(page, "record with the sign-off form open");
            Chromium.screenshot(page, "21-signoff-change", true);
            page.click("#sign-button");

            assertThat(page.locator("#review-status").textContent()).isEqualTo("authenticated");
            assertThat(page.locator(".signature").first().textContent()).contains("authenticated: harm G");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit trail"))
                    .click();
            List<String> rows = page.locator("#audit-trail tr").allInnerTexts();
            assertThat(rows)
                    .anySatisfy(row -> assertThat(row)
                            .contains("doc")
                            .contains("harm category")
                            .contains("F")
                            .contains("G")
                            .contains("CT: displaced fracture needing surgery"));
            Chromium.assertAccessibleAndFits(page, "audit trail after sign-off");
            Chromium.screenshot(page, "22-signoff-audit", true);

            page.navigate("/queue?tab=done");
            assertThat(page.locator("#queue-table").textContent())
                    .contains(reviews.find(r[0]).orElseThrow().encounterId());
        }
        assertThat(dialogs).isEmpty();
    }

    @Test
    void physicianReturnsARecord_andTheReviewerSeesItInTheirQueueWithTheComment() {
        long[] r = submittedFall();
        String encounter = reviews.find(r[0]).orElseThrow().encounterId();
        String comment = "Was the fall witnessed? " + Fixtures.SCRIPT;
        List<String> dialogs = new ArrayList<>();
        try (BrowserContext physician = chromium.context(port, 1400, 1000, dialogs)) {
            Page page = physician.newPage();
            Chromium.signIn(page, "doc", Fixtures.PASSWORD);
            page.navigate("/reviews/" + r[0]);
            page.fill("#return-comment", comment);
            page.click("#return-button");

            assertThat(page.url()).endsWith("/queue");
            assertThat(page.locator("main").textContent()).doesNotContain(encounter);
        }
        assertThat(reviews.find(r[0]).orElseThrow().status()).isEqualTo(ReviewStatus.RETURNED);

        try (BrowserContext reviewer = chromium.context(port, 1400, 1000, dialogs)) {
            Page page = reviewer.newPage();
            Chromium.signIn(page, "ann", Fixtures.PASSWORD);
            assertThat(page.url()).endsWith("/queue");
            var row = page.locator("#queue-table tbody tr", new Page.LocatorOptions().setHasText(encounter));
            assertThat(row.locator(".status").textContent()).isEqualTo("returned to reviewer");
            assertThat(row.locator(".returned-comment").textContent()).isEqualTo("Dr Dana Doctor: " + comment);
            Chromium.assertAccessibleAndFits(page, "reviewer's queue with a returned record");
            Chromium.screenshot(page, "23-returned-in-queue", true);

            row.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName(encounter))
                    .click();
            assertThat(page.locator("#returned-note").textContent()).contains(comment);
            assertThat(page.locator("#submit-review").isVisible())
                    .as("a returned record can be submitted again")
                    .isTrue();
        }
        assertThat(dialogs).as("no script from the comment ran").isEmpty();
    }
}
