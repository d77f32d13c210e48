package org.mhtrigger.review;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.mhtrigger.testkit.TestGroup;

/**
 * Debian's Chromium driven by Playwright for the browser tests, with axe-core loaded into every page. On CI a missing
 * Chromium fails the test; elsewhere the test is skipped with a line saying how to install it.
 */
final class Chromium implements AutoCloseable {
    static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Pattern SERIOUS = Pattern.compile("\"impact\":\"(serious|critical)\"");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static Chromium start() {
        TestGroup.BROWSER.requireOrSkip(
                Files.isExecutable(EXECUTABLE),
                EXECUTABLE + " is missing: install Debian's chromium (apt-get install chromium)");
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright
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
        return new Chromium(playwright, browser);
    }

    /** A fresh context of the given viewport, downloads accepted, with axe-core in every page. */
    BrowserContext context(int width, int height) {
        BrowserContext context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(width, height).setAcceptDownloads(true));
        context.addInitScript(axeSource());
        return context;
    }

    /** The page's serious or critical axe-core violations as JSON, or empty when there are none. */
    static String seriousViolations(Page page) {
        String violations = String.valueOf(
                page.evaluate("async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
                        + " return JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact,"
                        + " help: v.help, nodes: v.nodes.map(n => n.target.join(' '))}))); }"));
        return SERIOUS.matcher(violations).find() ? violations : "";
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
        browser.close();
        playwright.close();
    }
}
