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
import java.util.ArrayList;
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

    /**
     * Notes the colour of every text drawn on a canvas (Chart.js draws its labels there, out of axe-core's sight), so
     * that {@link #problems} can check its contrast.
     */
    private static final String CANVAS_TEXT_RECORDER = "(() => { const drawn = []; window.__canvasTexts = drawn;"
            + " const fillText = CanvasRenderingContext2D.prototype.fillText;"
            + " CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {"
            + " drawn.push({canvas: this.canvas, text: String(text), colour: String(this.fillStyle)});"
            + " return fillText.call(this, text, ...rest); }; })();";

    /**
     * The canvas texts whose colour has less than 4.5:1 contrast against the background behind their canvas, as
     * "canvas#id #colour on rgb(...) 3.45:1 ("text")"; "" when there is none. A text as light as that background or
     * lighter is drawn on a box of its own inside the canvas (a tooltip) and is not checked.
     */
    private static final String CANVAS_TEXT_CONTRAST = "() => {"
            + " const rgb = c => { const h = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c);"
            + "   if (h) return [1, 2, 3].map(i => parseInt(h[i], 16));"
            + "   const m = /rgba?\\(([\\d.]+),\\s*([\\d.]+),\\s*([\\d.]+)/.exec(c); return m ? [+m[1], +m[2], +m[3]] : null; };"
            + " const lum = c => { const [r, g, b] = c.map(v => { v /= 255;"
            + "   return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });"
            + "   return 0.2126 * r + 0.7152 * g + 0.0722 * b; };"
            + " const behind = e => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor;"
            + "   if (c && c !== 'transparent' && !/rgba\\([^)]*,\\s*0\\)$/.test(c)) return c; } return 'rgb(255, 255, 255)'; };"
            + " const seen = new Set(); const low = [];"
            + " for (const t of window.__canvasTexts || []) {"
            + "   if (!t.canvas.isConnected || !t.text.trim()) continue;"
            + "   const fg = rgb(t.colour), back = behind(t.canvas), bg = rgb(back); if (!fg || !bg) continue;"
            + "   const f = lum(fg), b = lum(bg); if (f >= b) continue;"
            + "   const ratio = (b + 0.05) / (f + 0.05); const what = 'canvas#' + t.canvas.id + ' ' + t.colour;"
            + "   if (ratio < 4.5 && !seen.has(what)) { seen.add(what);"
            + "     low.push(what + ' on ' + back + ' ' + ratio.toFixed(2) + ':1 (\"' + t.text + '\")'); } }"
            + " return low.join(', '); }";

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
        return context(port, width, height, false);
    }

    private BrowserContext context(int port, int width, int height, boolean bypassCsp) {
        if (browser == null) {
            throw new IllegalStateException("Chromium is not started: register it as an extension or call start()");
        }
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://127.0.0.1:" + port)
                .setViewportSize(width, height)
                .setAcceptDownloads(true)
                .setBypassCSP(bypassCsp));
        context.addInitScript(axeSource());
        context.addInitScript(CANVAS_TEXT_RECORDER);
        return context;
    }

    /**
     * As {@link #context(int, int, int)}, and every dialog a page of it opens (an {@code alert} a note's text must
     * never raise) is dismissed, its message added to {@code dialogs}. The page's Content-Security-Policy is bypassed
     * in this context, so that a script in a note's text could run if it were not escaped: the check then tests the
     * escaping itself, not the policy behind it.
     */
    BrowserContext context(int port, int width, int height, List<String> dialogs) {
        BrowserContext context = context(port, width, height, true);
        context.onPage(page -> page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        }));
        return context;
    }

    /** Signs in on the sign-in page with the form, as a person would, and waits for the page it leads to. */
    static void signIn(Page page, String username, String password) {
        page.navigate("/login");
        page.getByLabel("User name").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        // the click returns once the next page's navigation has begun; checks on it need the whole page
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
    }

    /**
     * What keeps the page from being accessible and as wide as the window at most: every axe-core violation of any
     * impact, text drawn on a canvas with less than 4.5:1 contrast, and by how much the page reaches past the window
     * and with which elements; "" when there is nothing.
     */
    static String problems(Page page) {
        List<String> problems = new ArrayList<>();
        String violations = String.valueOf(page.evaluate(AXE_VIOLATIONS));
        if (!violations.isEmpty()) {
            problems.add("axe-core violations: " + violations);
        }
        String canvasTexts = String.valueOf(page.evaluate(CANVAS_TEXT_CONTRAST));
        if (!canvasTexts.isEmpty()) {
            problems.add("canvas text below 4.5:1 contrast: " + canvasTexts);
        }
        int overflow = ((Number) page.evaluate(OVERFLOW)).intValue();
        if (overflow > 0) {
            problems.add("reaches " + overflow + " px past the window's right edge (elements past it: "
                    + page.evaluate(WIDER_THAN_WINDOW) + ")");
        }
        return String.join("; ", problems);
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
