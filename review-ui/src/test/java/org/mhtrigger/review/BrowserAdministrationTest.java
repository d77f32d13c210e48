package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mhtrigger.review.store.Role;
import org.mhtrigger.review.store.Users;
import org.mhtrigger.testkit.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Account administration and uploads in Debian's Chromium driven by Playwright: an administrator resets a password
 * and its owner signs in with the one-time password and must replace it; an administrator disables an account whose
 * open session ends and which then cannot sign in; a user changes their own password; a safety lead uploads 300 files
 * and a zip. axe-core reports no violation of any impact on these pages, also 390 px wide, where the page does not
 * scroll sideways. Screenshots go to target/screenshots.
 */
@SpringBootTest(
        classes = ReviewApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:browser-admin;DB_CLOSE_DELAY=-1")
@Import(TestSettings.class)
@BrowserTest
class BrowserAdministrationTest {
    @RegisterExtension
    static final Chromium chromium = Chromium.perClass();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Users users;

    private void account(String username, Role role) {
        fixtures.accounts();
        if (users.find(username).isEmpty()) {
            users.create(username, "Test " + username, role, Fixtures.PASSWORD, "test");
        }
    }

    /** A full-page screenshot, then the page is accessible and fits its window. */
    private static void checked(Page page, String name) {
        Chromium.screenshot(page, "admin-" + name + "-" + page.viewportSize().width, true);
        Chromium.assertAccessibleAndFits(page, name);
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void adminResetsAPassword_theOwnerSignsInWithItAndMustChangeIt() {
        account("nina", Role.REVIEWER);
        for (int width : new int[] {1400, 390}) {
            try (BrowserContext adminContext = chromium.context(port, width, 900);
                    BrowserContext ninaContext = chromium.context(port, width, 900)) {
                Page admin = adminContext.newPage();
                Chromium.signIn(admin, "root", Fixtures.PASSWORD);
                assertThat(admin.url()).endsWith("/admin/users");
                checked(admin, "users");

                admin.getByRole(AriaRole.BUTTON, named("Reset password of nina"))
                        .click();
                String oneTime =
                        admin.locator("#one-time-password").textContent().strip();
                assertThat(oneTime).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
                checked(admin, "users-one-time");
                admin.reload();
                assertThat(admin.locator("#one-time-password").count())
                        .as("shown once")
                        .isZero();

                Page nina = ninaContext.newPage();
                Chromium.signIn(nina, "nina", oneTime);
                assertThat(nina.url()).endsWith("/account/password");
                assertThat(nina.locator("#must-change").isVisible()).isTrue();
                checked(nina, "account-must-change");
                nina.navigate("/queue");
                assertThat(nina.url()).as("no page but the change form").endsWith("/account/password");

                String chosen = "quiet-harbour-lamp-" + width;
                nina.getByLabel("One-time password").fill(oneTime);
                nina.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
                        .fill(chosen);
                nina.getByLabel("New password again").fill(chosen);
                nina.getByRole(AriaRole.BUTTON, named("Change password")).click();
                assertThat(nina.url()).endsWith("/queue");
                assertThat(users.find("nina").orElseThrow().mustChangePassword())
                        .isFalse();
            }
        }
    }

    @Test
    void adminDisablesAUser_whoseSessionEndsAndWhoCannotSignIn() {
        account("omar", Role.REVIEWER);
        try (BrowserContext adminContext = chromium.context(port, 1400, 900);
                BrowserContext omarContext = chromium.context(port, 390, 844)) {
            Page omar = omarContext.newPage();
            Chromium.signIn(omar, "omar", Fixtures.PASSWORD);
            assertThat(omar.url()).endsWith("/queue");

            Page admin = adminContext.newPage();
            Chromium.signIn(admin, "root", Fixtures.PASSWORD);
            admin.getByRole(AriaRole.BUTTON, named("Disable omar")).click();
            assertThat(admin.locator("#users-notice").textContent()).contains("omar disabled");
            assertThat(admin.getByRole(AriaRole.BUTTON, named("Enable omar")).isVisible())
                    .isTrue();

            omar.navigate("/queue");
            assertThat(omar.url()).endsWith("/login?ended");
            assertThat(omar.getByRole(AriaRole.ALERT).textContent()).contains("Your session ended");
            checked(omar, "login-ended");
            Chromium.signIn(omar, "omar", Fixtures.PASSWORD);
            assertThat(omar.url()).endsWith("/login?error=disabled");
            assertThat(omar.getByRole(AriaRole.ALERT).textContent()).contains("This account is disabled");
            checked(omar, "login-disabled");
        }
    }

    @Test
    void userChangesTheirOwnPassword_fromTheAccountLinkInTheHeader() {
        account("pia", Role.PHYSICIAN);
        for (int width : new int[] {1400, 390}) {
            try (BrowserContext context = chromium.context(port, width, 900)) {
                Page pia = context.newPage();
                String current = width == 1400 ? Fixtures.PASSWORD : "cedar-violin-north-1400";
                Chromium.signIn(pia, "pia", current);
                pia.locator("a.account-link").click();
                assertThat(pia.url()).endsWith("/account");
                checked(pia, "account");

                pia.getByLabel("Current password").fill("wrong-password-here");
                pia.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
                        .fill("cedar-violin-north-" + width);
                pia.getByLabel("New password again").fill("cedar-violin-north-" + width);
                pia.getByRole(AriaRole.BUTTON, named("Change password")).click();
                assertThat(pia.locator("#account-error").textContent()).contains("current password is not right");
                checked(pia, "account-error");

                pia.getByLabel("Current password").fill(current);
                pia.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
                        .fill("cedar-violin-north-" + width);
                pia.getByLabel("New password again").fill("cedar-violin-north-" + width);
                pia.getByRole(AriaRole.BUTTON, named("Change password")).click();
                assertThat(pia.getByRole(AriaRole.STATUS).first().textContent()).contains("Your password is changed");
            }
        }
    }

    @Test
    void safetyLeadUploads300FilesAndAZip_andSeesEachFilesResult(@TempDir Path temp) throws IOException {
        fixtures.accounts();
        Path folder = Files.createDirectories(temp.resolve("files"));
        Map<String, Path> files = ImportTest.distinctStays(folder, "w", 300);
        Path zip = temp.resolve("export.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, Path> stay : ImportTest.distinctStays(
                            Files.createDirectories(temp.resolve("zipped")), "y", 5)
                    .entrySet()) {
                out.putNextEntry(new ZipEntry("export/" + stay.getKey()));
                out.write(Files.readAllBytes(stay.getValue()));
            }
            out.putNextEntry(new ZipEntry("../outside.json"));
            out.write("{}".getBytes(StandardCharsets.UTF_8));
        }
        try (BrowserContext context = chromium.context(port, 1400, 900)) {
            Page lead = context.newPage();
            Chromium.signIn(lead, "lead", Fixtures.PASSWORD);
            lead.navigate("/import");
            checked(lead, "import");

            lead.locator("#files").setInputFiles(files.values().toArray(Path[]::new));
            lead.getByRole(AriaRole.BUTTON, named("Upload and import")).click();
            assertThat(lead.url()).matches(".*/import/jobs/\\d+$");
            lead.waitForSelector("#job-status[data-state=DONE]", new Page.WaitForSelectorOptions().setTimeout(300_000));
            assertThat(lead.locator("#count-files").textContent()).isEqualTo("300");
            assertThat(lead.locator("#count-screened").textContent()).isEqualTo("300");
            assertThat(lead.locator("#count-rejected").textContent()).isEqualTo("0");
            checked(lead, "import-job-300");

            lead.navigate("/import");
            lead.locator("#files").setInputFiles(zip);
            lead.getByRole(AriaRole.BUTTON, named("Upload and import")).click();
            lead.waitForSelector("#job-status[data-state=DONE]", new Page.WaitForSelectorOptions().setTimeout(300_000));
            assertThat(lead.locator("#count-files").textContent()).isEqualTo("5");
            assertThat(lead.locator("#count-screened").textContent()).isEqualTo("5");
            assertThat(lead.locator("#rejections li").allTextContents())
                    .containsExactly("export.zip!/../outside.json: its path leaves the archive's folder"
                            + " (absolute or '..'); not read");
            checked(lead, "import-job-zip");
        }
        try (BrowserContext narrow = chromium.context(port, 390, 844)) {
            Page lead = narrow.newPage();
            Chromium.signIn(lead, "lead", Fixtures.PASSWORD);
            lead.navigate("/import");
            checked(lead, "import");
            lead.locator("table a").first().click();
            checked(lead, "import-job");
        }
    }

    @Test
    void signInPage_isAccessibleAndFitsA390PxScreen() {
        try (BrowserContext narrow = chromium.context(port, 390, 844)) {
            Page page = narrow.newPage();
            page.navigate("/login");
            checked(page, "login");
            page.navigate("/login?error");
            checked(page, "login-error");
        }
    }
}
