package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
 * submits, a physician signs, the audit trail shows it; axe-core checks the main pages. Screenshots go to
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
    static final Path SCREENSHOTS = Chromium.SCREENSHOTS;

    static Chromium chromium;

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ReviewService reviews;

    @Autowired
    DoubleReviews doubles;

    @BeforeAll
    static void startBrowser() {
        chromium = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private BrowserContext context(List<String> dialogs) throws IOException {
        BrowserContext context = chromium.context(1400, 1000);
        context.onPage(p -> p.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        }));
        return context;
    }

    private void signIn(Page page, String username) {
        page.navigate(url("/login"));
        page.getByLabel("User name").fill(username);
        page.getByLabel("Password").fill(Fixtures.PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
    }

    private static void assertAccessible(Page page, String name) {
        String violations = Chromium.seriousViolations(page);
        assertThat(violations)
                .as(name + " has serious or critical axe violations: " + violations)
                .isEmpty();
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    @Test
    void reviewerRecordsAnEventCategoryF_physicianSigns_andTheAuditTrailShowsIt() throws IOException {
        ReviewService.ReviewView review = fixtures.freshReview();
        List<String> dialogs = new ArrayList<>();

        try (BrowserContext reviewer = context(dialogs)) {
            Page page = reviewer.newPage();
            page.navigate(url("/login"));
            assertAccessible(page, "login");
            shot(page, "01-login");
            signIn(page, "ann");
            assertThat(page.url()).endsWith("/queue");
            assertAccessible(page, "queue");
            shot(page, "02-queue");

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
            assertAccessible(page, "record");
            shot(page, "03-record");

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
            shot(page, "04-submitted");
        }

        try (BrowserContext physician = context(dialogs)) {
            Page page = physician.newPage();
            signIn(page, "doc");
            page.navigate(url("/reviews/" + review.id()));
            page.locator("input[value=confirmed]").first().check();
            assertAccessible(page, "record (physician)");
            page.click("#sign-button");
            assertThat(page.locator("#review-status").textContent()).isEqualTo("authenticated");
            assertThat(page.locator(".signature").first().textContent())
                    .contains("Dr Dana Doctor")
                    .contains("authenticated: harm F");
            shot(page, "05-signed");

            page.getByRole(
                            com.microsoft.playwright.options.AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Audit trail"))
                    .click();
            String trail = page.locator("#audit-trail").textContent();
            assertThat(trail)
                    .contains("harm category")
                    .contains("authenticated: harm F")
                    .contains("doc");
            assertAccessible(page, "audit trail");
            shot(page, "06-audit");
        }

        try (BrowserContext lead = context(dialogs)) {
            Page page = lead.newPage();
            signIn(page, "lead");
            assertThat(page.url()).endsWith("/periods");
            assertAccessible(page, "periods");
            shot(page, "07-periods");
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
        try (BrowserContext context = context(dialogs)) {
            Page page = context.newPage();
            signIn(page, "ann");
            page.navigate(url("/reviews/" + first.id() + "/consensus"));

            assertThat(page.locator("#first-heading").innerText()).contains("ann");
            assertThat(page.locator("#second-heading").innerText()).contains("bob");
            assertThat(page.getByText("fall in the garden").isVisible()).isTrue();
            assertThat(page.getByText("dystonia after haloperidol").isVisible()).isTrue();
            assertAccessible(page, "consensus page");
            shot(page, "12-consensus");

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
