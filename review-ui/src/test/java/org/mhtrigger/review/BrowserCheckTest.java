package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mhtrigger.testkit.BrowserTest;

/** The browser tests' page check itself, on pages written here: it finds a violation of minor impact, canvas text of too little contrast and an overflow. */
@BrowserTest
class BrowserCheckTest {
    @RegisterExtension
    static final Chromium chromium = Chromium.perClass();

    @Test
    void theCheck_reportsAMinorAxeViolation_andAnElementWiderThanThePhone() {
        try (BrowserContext context = chromium.context(0, 390, 844)) {
            Page page = context.newPage();
            page.setContent("<!DOCTYPE html><html lang=\"en\"><head><title>check</title></head><body><main>"
                    + "<h1>Check</h1><a href=\"#top\"><img src=\"data:,\" alt=\"Close\">Close</a>"
                    + "<div id=\"wide\" style=\"width: 600px\">wide</div></main></body></html>");

            String problems = Chromium.problems(page);

            assertThat(problems)
                    .contains("\"id\":\"image-redundant-alt\"")
                    .contains("\"impact\":\"minor\"")
                    .contains("reaches 2")
                    .contains("div#wide 6");
        }
    }

    @Test
    void theCheck_reportsCanvasTextBelow4point5To1_butNotTextOnABoxOfItsOwn() {
        try (BrowserContext context = chromium.context(0, 390, 844)) {
            Page page = context.newPage();
            page.setContent(
                    "<!DOCTYPE html><html lang=\"en\"><head><title>check</title></head><body><main>"
                            + "<h1>Check</h1><canvas id=\"chart\" width=\"300\" height=\"100\">a chart</canvas></main></body></html>");
            page.evaluate("() => { const c = document.getElementById('chart').getContext('2d');"
                    + " c.fillStyle = '#8a8a8a'; c.fillText('grey label', 10, 20);"
                    + " c.fillStyle = '#595959'; c.fillText('dark label', 10, 40);"
                    + " c.fillStyle = '#333333'; c.fillRect(0, 50, 100, 30);"
                    + " c.fillStyle = '#ffffff'; c.fillText('tooltip', 10, 70); }");

            assertThat(Chromium.problems(page))
                    .isEqualTo("canvas text below 4.5:1 contrast: canvas#chart #8a8a8a on rgb(255, 255, 255) 3.45:1"
                            + " (\"grey label\")");
        }
    }

    @Test
    void theCheck_findsNothing_onAnAccessiblePageThatFits() {
        try (BrowserContext context = chromium.context(0, 390, 844)) {
            Page page = context.newPage();
            page.setContent("<!DOCTYPE html><html lang=\"en\"><head><title>check</title></head><body><main>"
                    + "<h1>Check</h1><p>Nothing wrong here.</p></main></body></html>");

            assertThat(Chromium.problems(page)).isEmpty();
        }
    }
}
