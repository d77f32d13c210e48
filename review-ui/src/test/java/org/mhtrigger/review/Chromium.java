package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mhtrigger.testkit.TestGroup;

/**
 * Debian's Chromium driven by Playwright for the browser tests, with axe-core loaded into every page, and the steps
 * every browser test shares: signing in, and checking that a page is accessible and no wider than the screen. Not
 * thread-safe: one per test class.
 *
 * <p>A browser test class holds one for all its tests: {@code @RegisterExtension static final Chromium chromium =
 * Chromium.perClass();}. A single test method in a class that is otherwise not a browser test uses {@code try
 * (Chromium chromium = Chromium.start())}. On CI a missing Chromium fails the test; elsewhere the test is skipped with
 * a line saying how to install it.
 */
final class Chromium implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    /**
     * Every axe-core violation, whatever its impact, with the rules axe-core runs by default (WCAG 2.0–2.2 A and AA
     * and its best practices); "" when there is none.
     */
    private static final String AXE_VIOLATIONS =
            "async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
                    + " return r.violations.length === 0 ? '' : JSON.stringify(r.violations.map(v => ({id: v.id,"
                    + " impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))}))); }";

    /** How far the page reaches past the window's right edge, in pixels; 0 or less when it fits. */
    private static final String OVERFLOW =
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth";

    /** The elements whose right edge lies beyond the window (those scrolled inside a box too: a hint only). */
    private static final String WIDER_THAN_WINDOW = "() => Array.from(document.querySelectorAll('body *'))"
            + ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)"
            + ".map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
            + " + (typeof e.className === 'string' && e.className ? '.' + e.className : '')"
            + " + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 12).join(', ')";

    private Playwright playwright;
    private Browser browser;

    private Chromium() {}

    /** A browser started now; close it when done. */
    static Chromium start() {
        Chromium chromium = new Chromium();
        chromium.launch();
        return chromium;
    }

    /** A browser for a test class's {@code @RegisterExtension} field: started before its tests, closed after. */
    static Chromium perClass() {
        return new Chromium();
    }

    @Override
    public void beforeAll(ExtensionContext extension) {
        launch();
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        close();
    }

    private void launch() {
        TestGroup.BROWSER.requireOrSkip(
                Files.isExecutable(EXECUTABLE),
                EXECUTABLE + " is missing: install Debian's chromium (apt-get install chromium)");
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(EXECUTABLE)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    /**
     * A fresh context of the given window size on the application at {@code http://127.0.0.1:port}, so that pages
     * navigate to paths ({@code page.navigate("/queue")}); downloads accepted, axe-core in every page.
     */
    BrowserContext context(int port, int width, int height) {
        if (browser == null) {
            throw new IllegalStateException("Chromium is not started: register it as an extension or call start()");
        }
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://127.0.0.1:" + port)
                .setViewportSize(width, height)
                .setAcceptDownloads(true));
        context.addInitScript(axeSource());
        return context;
    }

    /** Dismisses every dialog a page of {@code context} opens and adds its message to {@code dialogs}. */
    static BrowserContext recordDialogs(BrowserContext context, List<String> dialogs) {
        context.onPage(page -> page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        }));
        return context;
    }

    /** Signs in on the sign-in page with the form, as a person would. */
    static void signIn(Page page, String username, String password) {
        page.navigate("/login");
        page.getByLabel("User name").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
    }

    /**
     * What keeps the page from being accessible and as wide as the window at most: every axe-core violation of any
     * impact, and by how much it reaches past the window and with which elements; "" when there is nothing.
     */
    static String problems(Page page) {
        StringBuilder problems = new StringBuilder();
        String violations = String.valueOf(page.evaluate(AXE_VIOLATIONS));
        if (!violations.isEmpty()) {
            problems.append("axe-core violations: ").append(violations);
        }
        int overflow = ((Number) page.evaluate(OVERFLOW)).intValue();
        if (overflow > 0) {
            if (!problems.isEmpty()) {
                problems.append("; ");
            }
            problems.append("reaches ")
                    .append(overflow)
                    .append(" px past the window's right edge (elements past it: ")
                    .append(page.evaluate(WIDER_THAN_WINDOW))
                    .append(')');
        }
        return problems.toString();
    }

    /** The page has no axe-core violation of any impact and does not scroll sideways. */
    static void assertAccessibleAndFits(Page page, String what) {
        assertThat(problems(page))
                .as(what + " (" + page.url() + " at " + page.viewportSize().width + " px)")
                .isEmpty();
    }

    /** Saves a screenshot as target/screenshots/{name}.png. */
    static void screenshot(Page page, String name, boolean fullPage) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(fullPage));
    }

    static String axeSource() {
        try (InputStream in = Chromium.class.getResourceAsStream("/axe/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }
}
