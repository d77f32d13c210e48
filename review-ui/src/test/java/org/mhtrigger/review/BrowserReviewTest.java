package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mhtrigger.review.store.DoubleReviews;
import org.mhtrigger.review.store.OutcomeClass;
import org.mhtrigger.review.store.ReviewService;
import org.mhtrigger.testkit.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The two-stage review in Debian's Chromium driven by Playwright: a reviewer records a category F adverse event and
 * submits, a physician signs, the audit trail shows it; axe-core finds no violation on its pages. Screenshots go to
 * target/screenshots. The page's CSP is bypassed on purpose, so that a payload in a note could only stay inert
 * through escaping.
 */
@SpringBootTest(
        classes = ReviewApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1")
@Import(TestSettings.class)
@BrowserTest
class BrowserReviewTest {
    @RegisterExtension
    static final Chromium chromium = Chromium.perClass();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReviewService reviews;

    @Autowired
    DoubleReviews doubles;

    @Test
    void reviewerRecordsAnEventCategoryF_physicianSigns_andTheAuditTrailShowsIt() throws IOException {
        ReviewService.ReviewView review = fixtures.freshReview();
        List<String> dialogs = new ArrayList<>();

        try (BrowserContext reviewer = chromium.context(port, 1400, 1000, dialogs)) {
            Page page = reviewer.newPage();
            page.navigate("/login");
            Chromium.assertAccessibleAndFits(page, "login");
            Chromium.screenshot(page, "01-login", true);
            Chromium.signIn(page, "ann", Fixtures.PASSWORD);
            assertThat(page.url()).endsWith("/queue");
            Chromium.assertAccessibleAndFits(page, "queue");
            Chromium.screenshot(page, "02-queue", true);

            page.getByRole(
                            com.microsoft.playwright.options.AriaRole.LINK,
                            new Page.GetByRoleOptions().setName(review.encounterId()))
                    .click();
            assertThat(page.locator("#review-timer").isVisible()).isTrue();
            assertThat(page.locator("#timer-value").textContent()).matches("\\d+:\\d\\d");
            // the payloads in the note are shown as text
            assertThat(page.locator(".note-text").first().textContent())
                    .contains(Fixtures.SCRIPT)
                    .contains(Fixtures.IMG);
            assertThat(page.locator(".note-text img").count()).isZero();

            // click a trigger: land on its highlighted sentence
            page.locator("a.trigger-link", new Page.LocatorOptions().setHasText("MH-B01"))
                    .click();
            assertThat(page.url()).containsPattern("#ev-\\d+$");
            String anchor = page.url().substring(page.url().indexOf('#') + 1);
            assertThat(page.locator("#" + anchor).textContent()).startsWith("Patient cut her left forearm");
            assertThat(page.locator("#" + anchor).isVisible()).isTrue();
            Chromium.assertAccessibleAndFits(page, "record");
            Chromium.screenshot(page, "03-record", true);

            // search within the record
            page.getByLabel("Search this record").fill("whiteboard");
            page.getByRole(
                            com.microsoft.playwright.options.AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Search"))
                    .click();
            page.locator("#search-result").waitFor();
            assertThat(page.locator("#search-result").textContent()).contains("1 matches");
            assertThat(page.locator("mark.match").first().textContent()).isEqualTo("whiteboard");

            // record the event
            page.selectOption("#event-trigger", "MH-B01");
            page.check("#oc-ADVERSE_EVENT");
            page.fill("#event-description", "Self-inflicted forearm laceration needing sutures in ED");
            page.check("#harm-F");
            page.selectOption("#event-preventability", "yes");
            page.getByRole(
                            com.microsoft.playwright.options.AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Record event"))
                    .click();
            assertThat(page.locator("#events .event").first().textContent())
                    .contains("harm F")
                    .contains("Self-inflicted forearm laceration");
            // a quick submission still records the time on the page: the form carries the timer's seconds
            page.waitForTimeout(2_500);
            page.click("#submit-review");
            assertThat(page.locator("#review-status").textContent()).isEqualTo("submitted, awaiting signature");
            assertThat(reviews.find(review.id()).orElseThrow().secondsSpent()).isGreaterThanOrEqualTo(2);
            Chromium.screenshot(page, "04-submitted", true);
        }

        try (BrowserContext physician = chromium.context(port, 1400, 1000, dialogs)) {
            Page page = physician.newPage();
            Chromium.signIn(page, "doc", Fixtures.PASSWORD);
            page.navigate("/reviews/" + review.id());
            page.locator("input[value=confirmed]").first().check();
            Chromium.assertAccessibleAndFits(page, "record (physician)");
            page.click("#sign-button");
            assertThat(page.locator("#review-status").textContent()).isEqualTo("authenticated");
            assertThat(page.locator(".signature").first().textContent())
                    .contains("Dr Dana Doctor")
                    .contains("authenticated: harm F");
            Chromium.screenshot(page, "05-signed", true);

            page.getByRole(
                            com.microsoft.playwright.options.AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Audit trail"))
                    .click();
            String trail = page.locator("#audit-trail").textContent();
            assertThat(trail)
                    .contains("harm category")
                    .contains("authenticated: harm F")
                    .contains("doc");
            Chromium.assertAccessibleAndFits(page, "audit trail");
            Chromium.screenshot(page, "06-audit", true);
        }

        try (BrowserContext lead = chromium.context(port, 1400, 1000, dialogs)) {
            Page page = lead.newPage();
            Chromium.signIn(page, "lead", Fixtures.PASSWORD);
            assertThat(page.url()).endsWith("/periods");
            Chromium.assertAccessibleAndFits(page, "periods");
            Chromium.screenshot(page, "07-periods", true);
        }

        assertThat(dialogs).as("no script from note text ran").isEmpty();
    }

    @Test
    void consensusPage_showsBothReviewsSideBySide_isAccessible_andRecordsTheConsensus() throws IOException {
        ReviewService.ReviewView first = fixtures.freshReview();
        ReviewService.ReviewView second = doubles.drawSecondReviews(Fixtures.LEAD, first.periodId(), 1, 3L)
                .getFirst();
        reviews.addEvent(
                Fixtures.ANN,
                first.id(),
                reviews.find(first.id()).orElseThrow().version(),
                new ReviewService.EventInput(null, OutcomeClass.ADVERSE_EVENT, "fall in the garden", "F", false, "no"),
                null);
        reviews.submit(
                Fixtures.ANN, first.id(), reviews.find(first.id()).orElseThrow().version());
        reviews.addEvent(
                Fixtures.BOB,
                second.id(),
                reviews.find(second.id()).orElseThrow().version(),
                new ReviewService.EventInput(
                        null, OutcomeClass.ADVERSE_DRUG_EVENT, "dystonia after haloperidol", "E", false, "yes"),
                null);
        reviews.submit(
                Fixtures.BOB,
                second.id(),
                reviews.find(second.id()).orElseThrow().version());
        List<String> dialogs = new ArrayList<>();
        try (BrowserContext context = chromium.context(port, 1400, 1000, dialogs)) {
            Page page = context.newPage();
            Chromium.signIn(page, "ann", Fixtures.PASSWORD);
            page.navigate("/reviews/" + first.id() + "/consensus");

            assertThat(page.locator("#first-heading").innerText()).contains("ann");
            assertThat(page.locator("#second-heading").innerText()).contains("bob");
            assertThat(page.getByText("fall in the garden").isVisible()).isTrue();
            assertThat(page.getByText("dystonia after haloperidol").isVisible()).isTrue();
            Chromium.assertAccessibleAndFits(page, "consensus page");
            Chromium.screenshot(page, "12-consensus", true);

            page.getByText("dystonia after haloperidol").click(); // its label ticks the second review's event
            page.getByRole(
                            com.microsoft.playwright.options.AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Record the consensus"))
                    .click();

            assertThat(page.getByText("Consensus recorded by").isVisible()).isTrue();
        }
        assertThat(reviews.events(Fixtures.DOC, first.id()))
                .filteredOn(e -> !e.withdrawn())
                .extracting(ReviewService.EventView::description)
                .containsExactly("fall in the garden", "dystonia after haloperidol");
        assertThat(dialogs).isEmpty();
    }
}
