package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mhtrigger.review.store.AuditTrail;
import org.mhtrigger.review.store.Caller;
import org.mhtrigger.review.store.ReviewService;
import org.mhtrigger.review.store.Role;
import org.mhtrigger.testkit.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Managing the work on demo data, seeded as the demo seeds it ({@link DemoData#seed}), in Debian's Chromium: the
 * safety lead filters and sorts the queue, assigns records to the second demo reviewer and draws a double review;
 * the queue and the Periods page are axe-clean at desktop width and at 390 px, where nothing overflows.
 */
@SpringBootTest(
        classes = ReviewApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-work;DB_CLOSE_DELAY=-1")
@Import(TestSettings.class)
@BrowserTest
class BrowserWorkManagementTest {
    @RegisterExtension
    static final Chromium chromium = Chromium.perClass();

    @LocalServerPort
    int port;

    @Autowired
    DemoData demo;

    @Autowired
    ReviewService reviews;

    @Autowired
    AuditTrail audit;

    private static final Caller LEAD = new Caller("safety-lead", "Sam Safety-Lead (demo)", Role.SAFETY_LEAD);

    /** 56 synthetic stays discharged in May 2023, seeded as the demo does: two reviewers, a sample of 20. */
    private DemoData.Summary seedDemo() {
        List<ScreenedStay> stays = new ArrayList<>();
        for (int day = 1; day <= 28; day++) {
            for (int n = 0; n < 2; n++) {
                stays.add(Fixtures.stay("e-demo-" + day + "-" + n, LocalDate.of(2023, 5, day)));
            }
        }
        return demo.seed(stays, 20, 1L);
    }

    @Test
    void safetyLeadFiltersAndSortsTheQueue_assignsRecordsToTheSecondReviewer_andDrawsADoubleReview() {
        DemoData.Summary summary = seedDemo();
        assertThat(summary.accounts()).containsKeys("reviewer", "reviewer2");
        assertThat(summary.period()).isEqualTo("2023-05");
        String password = summary.accounts().get("safety-lead");

        try (BrowserContext context = chromium.context(port, 1400, 1000)) {
            Page page = context.newPage();
            Chromium.signIn(page, "safety-lead", password);
            page.navigate("/queue");
            Chromium.assertAccessibleAndFits(page, "queue (safety lead)");

            // filter: this month's sample, records still assigned
            page.selectOption("#filter-period", "2023-05");
            page.selectOption("#filter-status", "ASSIGNED");
            page.click("#filter-button");
            Locator rows = page.locator("#queue-table tbody tr");
            assertThat(rows.count()).isEqualTo(20);
            assertThat(rows.allInnerTexts())
                    .allSatisfy(row -> assertThat(row).contains("2023-05").contains("assigned"));

            // sort by record, then the other way round
            page.click("#sort-record");
            assertThat(page.locator("th:has(#sort-record)").getAttribute("aria-sort"))
                    .isEqualTo("ascending");
            List<String> ascending =
                    page.locator("#queue-table tbody tr td:nth-child(2)").allInnerTexts();
            assertThat(ascending).isSorted();
            page.click("#sort-record");
            assertThat(page.locator("th:has(#sort-record)").getAttribute("aria-sort"))
                    .isEqualTo("descending");
            assertThat(page.locator("#queue-table tbody tr td:nth-child(2)").allInnerTexts())
                    .isSortedAccordingTo(java.util.Comparator.reverseOrder());
            assertThat(page.url()).contains("period=2023-05").contains("status=ASSIGNED");

            // assign the first two rows of "reviewer" to "reviewer2"
            page.selectOption("#filter-reviewer", "reviewer");
            page.click("#filter-button");
            Locator picks = page.locator("#queue-table tbody input[type=checkbox]");
            String first = picks.nth(0).getAttribute("value");
            String second = picks.nth(1).getAttribute("value");
            picks.nth(0).check();
            picks.nth(1).check();
            page.selectOption("#assign-to", "reviewer2");
            page.fill("#assign-reason", "balance the workload");
            Chromium.assertAccessibleAndFits(page, "queue with the assignment ready");
            page.click("#assign-button");

            assertThat(page.locator("#queue-notice").textContent())
                    .isEqualTo("2 of 2 record(s) assigned to reviewer2.");
            for (String id : List.of(first, second)) {
                assertThat(reviews.find(Long.parseLong(id)).orElseThrow().reviewer())
                        .isEqualTo("reviewer2");
                assertThat(audit.forReview(Long.parseLong(id)))
                        .anySatisfy(e -> assertThat(e.reason()).isEqualTo("balance the workload"));
            }
            page.navigate("/queue?period=2023-05&reviewer=reviewer2&sort=triggers&dir=desc");
            assertThat(page.locator("#tab-all").textContent()).startsWith("All (");
            Chromium.screenshot(page, "queue", false);

            // the double review: two demo reviewers are enough
            page.navigate("/periods");
            Chromium.assertAccessibleAndFits(page, "periods (safety lead)");
            long periodId = reviews.activeDraws(org.mhtrigger.engine.sampling.ReviewPeriod.parse("2023-05"))
                    .getFirst()
                    .id();
            page.fill("#dr-size-" + periodId, "3");
            page.locator("#dr-size-" + periodId)
                    .locator("xpath=ancestor::form")
                    .getByRole(AriaRole.BUTTON)
                    .click();
            assertThat(page.url()).endsWith("/periods");
            assertThat(reviews.queue(LEAD).stream()
                            .filter(v -> v.periodId() == periodId && v.isSecondReview())
                            .count())
                    .isEqualTo(3);
            assertThat(page.locator("#sampled-table").textContent()).contains("(second review)");
            Chromium.screenshot(page, "31-periods-after-double-review", false);
        }

        try (BrowserContext phone = chromium.context(port, 390, 844)) {
            Page page = phone.newPage();
            Chromium.signIn(page, "safety-lead", password);
            page.navigate("/queue");
            Chromium.assertAccessibleAndFits(page, "queue at 390 px");
            Chromium.screenshot(page, "32-queue-390", false);
            page.navigate("/periods");
            Chromium.assertAccessibleAndFits(page, "periods at 390 px");
            Chromium.screenshot(page, "33-periods-390", false);
            assertThat(page.locator("nav[aria-label='Sampled record pages']").textContent())
                    .contains("page 1 of");
        }

        // the reviewers' own queues on a phone
        try (BrowserContext phone = chromium.context(port, 390, 844)) {
            Page page = phone.newPage();
            Chromium.signIn(page, "reviewer2", summary.accounts().get("reviewer2"));
            assertThat(page.url()).endsWith("/queue");
            assertThat(page.locator("#tab-open").textContent()).startsWith("Waiting for me (");
            Chromium.assertAccessibleAndFits(page, "reviewer's queue at 390 px");
        }
    }
}
