package org.mhtrigger.review;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhtrigger.review.store.Caller;
import org.mhtrigger.review.store.DoubleReviews;
import org.mhtrigger.review.store.ReviewService;
import org.mhtrigger.review.store.Role;
import org.mhtrigger.testkit.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Every page of the review UI at a phone's width (390 × 844), in Debian's Chromium, on demo data seeded as the demo
 * seeds it, with one record drawn for a second review: axe-core finds nothing serious or critical, and nothing is wider than the screen.
 */
@SpringBootTest(
        classes = ReviewApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-phone;DB_CLOSE_DELAY=-1")
@Import(TestSettings.class)
@BrowserTest
class BrowserPhoneWidthTest {
    static Chromium chromium;

    @LocalServerPort
    int port;

    @Autowired
    DemoData demo;

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

    @Test
    void everyPage_atPhoneWidth_isAxeClean_andNothingOverflows() {
        List<ScreenedStay> stays = new ArrayList<>();
        for (int day = 1; day <= 20; day++) {
            stays.add(Fixtures.stay("e-phone-" + day, LocalDate.of(2023, 9, day)));
        }
        Map<String, String> accounts = demo.seed(stays, 10, 3L).accounts();
        Caller lead = new Caller("safety-lead", "Sam Safety-Lead (demo)", Role.SAFETY_LEAD);
        ReviewService.ReviewView first = reviews.queue(lead).getFirst();
        long record = first.id();
        ReviewService.ReviewView second =
                doubles.drawSecondReviews(lead, first.periodId(), 1, 5L).getFirst();
        long paired = second.secondOf();
        for (long id : new long[] {paired, second.id()}) {
            ReviewService.ReviewView review = reviews.find(id).orElseThrow();
            reviews.submit(new Caller(review.reviewer(), review.reviewer(), Role.REVIEWER), id, review.version());
        }

        visit(
                accounts,
                "safety-lead",
                List.of(
                        "/queue",
                        "/periods",
                        "/dashboard",
                        "/import",
                        "/reviews/" + record,
                        "/reviews/" + record + "/audit",
                        "/account",
                        "/reviews/" + paired + "/consensus"));
        visit(accounts, "reviewer", List.of("/queue", "/reviews/" + record));
        visit(accounts, "physician", List.of("/queue"));
        visit(accounts, "admin", List.of("/admin/users", "/account"));
    }

    private void visit(Map<String, String> accounts, String user, List<String> paths) {
        try (BrowserContext context = chromium.context(390, 844)) {
            Page page = context.newPage();
            page.navigate("http://127.0.0.1:" + port + "/login");
            page.getByLabel("User name").fill(user);
            page.getByLabel("Password").fill(accounts.get(user));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                    .click();
            for (String path : paths) {
                com.microsoft.playwright.Response response = page.navigate("http://127.0.0.1:" + port + path);
                page.waitForLoadState();
                org.assertj.core.api.Assertions.assertThat(response.status())
                        .as(path + " as " + user)
                        .isEqualTo(200);
                BrowserWorkManagementTest.assertAccessibleAndFits(page, path + " as " + user + " at 390 px");
            }
        }
    }
}
