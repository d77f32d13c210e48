package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
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
 * Every page each role can reach, in Debian's Chromium at desktop width (1400 × 1000) and at a phone's (390 × 844),
 * on demo data seeded as the demo seeds it, with one record drawn for a second review, one submitted for signature
 * and one import job: each answers with its status, has no axe-core violation of any impact with every disclosure
 * open, and nothing is wider than the screen. The error pages (403, 404) are pages too. All problems of all pages are
 * reported together.
 */
@SpringBootTest(
        classes = ReviewApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-every-page;DB_CLOSE_DELAY=-1")
@Import(TestSettings.class)
@BrowserTest
class BrowserEveryPageTest {
    @RegisterExtension
    static final Chromium chromium = Chromium.perClass();

    private static final Caller LEAD = new Caller("safety-lead", "Sam Safety-Lead (demo)", Role.SAFETY_LEAD);

    @LocalServerPort
    int port;

    @Autowired
    DemoData demo;

    @Autowired
    ReviewService reviews;

    @Autowired
    DoubleReviews doubles;

    /** A path and the status it answers with. */
    private record Visit(String path, int status) {
        static Visit ok(String path) {
            return new Visit(path, 200);
        }
    }

    @Test
    void everyPage_ofEveryRole_atDesktopAndPhoneWidth_hasNoAxeViolation_andNothingOverflows(@TempDir Path temp)
            throws IOException {
        // given: demo data, a double review whose two reviews are submitted, and a single review awaiting signature
        List<ScreenedStay> stays = new ArrayList<>();
        for (int day = 1; day <= 20; day++) {
            stays.add(Fixtures.stay("e-page-" + day, LocalDate.of(2023, 9, day)));
        }
        Map<String, String> accounts = demo.seed(stays, 10, 3L).accounts();
        List<ReviewService.ReviewView> queue = reviews.queue(LEAD);
        long record = queue.getFirst().id();
        ReviewService.ReviewView second = doubles.drawSecondReviews(
                        LEAD, queue.getFirst().periodId(), 1, 5L)
                .getFirst();
        long paired = second.secondOf();
        long signable = queue.stream()
                .filter(r -> r.id() != paired && r.id() != record)
                .findFirst()
                .orElseThrow()
                .id();
        for (long id : new long[] {paired, second.id(), signable}) {
            ReviewService.ReviewView review = reviews.find(id).orElseThrow();
            reviews.submit(new Caller(review.reviewer(), review.reviewer(), Role.REVIEWER), id, review.version());
        }
        String job = importJob(accounts.get("safety-lead"), temp);

        Map<String, String> problems = new LinkedHashMap<>();
        for (int width : new int[] {1400, 390}) {
            visit(
                    problems,
                    width,
                    null,
                    null,
                    List.of(Visit.ok("/login"), Visit.ok("/login?error"), Visit.ok("/login?logout")));
            visit(
                    problems,
                    width,
                    "safety-lead",
                    accounts,
                    List.of(
                            Visit.ok("/queue"),
                            Visit.ok("/periods"),
                            Visit.ok("/dashboard"),
                            Visit.ok("/import"),
                            Visit.ok(job),
                            Visit.ok("/reviews/" + record),
                            Visit.ok("/reviews/" + record + "/audit"),
                            Visit.ok("/reviews/" + paired + "/consensus"),
                            Visit.ok("/account"),
                            new Visit("/reviews/999999999", 404),
                            new Visit("/admin/users", 403),
                            new Visit("/no-such-page", 404)));
            visit(
                    problems,
                    width,
                    "reviewer",
                    accounts,
                    List.of(
                            Visit.ok("/queue"),
                            Visit.ok("/reviews/" + record),
                            Visit.ok("/reviews/" + record + "/audit"),
                            Visit.ok("/account"),
                            new Visit("/periods", 403)));
            visit(
                    problems,
                    width,
                    "physician",
                    accounts,
                    List.of(
                            Visit.ok("/queue"),
                            Visit.ok("/reviews/" + signable),
                            Visit.ok("/reviews/" + signable + "/audit"),
                            Visit.ok("/account")));
            visit(
                    problems,
                    width,
                    "admin",
                    accounts,
                    List.of(Visit.ok("/admin/users"), Visit.ok("/account"), new Visit("/queue", 403)));
        }
        assertThat(problems).as("pages with problems").isEmpty();
    }

    /** Uploads two files as the safety lead and waits for the job: the job page's path. */
    private String importJob(String password, Path temp) throws IOException {
        Map<String, Path> files = ImportTest.distinctStays(Files.createDirectories(temp.resolve("files")), "p", 2);
        try (BrowserContext context = chromium.context(port, 1400, 1000)) {
            Page page = context.newPage();
            Chromium.signIn(page, "safety-lead", password);
            page.navigate("/import");
            page.locator("#files").setInputFiles(files.values().toArray(Path[]::new));
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions()
                                    .setName("Upload and import")
                                    .setExact(true))
                    .click();
            page.waitForSelector("#job-status[data-state=DONE]", new Page.WaitForSelectorOptions().setTimeout(120_000));
            assertThat(page.locator("#count-screened").textContent()).isEqualTo("2");
            return page.url().substring(page.url().indexOf("/import/jobs/"));
        }
    }

    /** Visits the pages signed in as {@code user} (nobody when null) and notes each page's problems. */
    private void visit(
            Map<String, String> problems, int width, String user, Map<String, String> accounts, List<Visit> visits) {
        try (BrowserContext context = chromium.context(port, width, width > 400 ? 1000 : 844)) {
            Page page = context.newPage();
            if (user != null) {
                Chromium.signIn(page, user, accounts.get(user));
            }
            for (Visit visit : visits) {
                String name = visit.path() + " as " + (user == null ? "nobody" : user) + " at " + width + " px";
                Response response = page.navigate(visit.path());
                page.waitForLoadState(LoadState.NETWORKIDLE);
                if (response.status() != visit.status()) {
                    problems.put(name, "HTTP " + response.status() + ", expected " + visit.status());
                    continue;
                }
                // what a closed disclosure hides is not checked: open them all
                page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)");
                String found = Chromium.problems(page);
                if (!found.isEmpty()) {
                    problems.put(name, found);
                }
            }
        }
    }
}
