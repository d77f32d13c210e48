package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mhtrigger.testkit.BrowserTest;

/** The browser tests' page check itself, on pages written here: it finds a violation of minor impact and an overflow. */
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
    void theCheck_findsNothing_onAnAccessiblePageThatFits() {
        try (BrowserContext context = chromium.context(0, 390, 844)) {
            Page page = context.newPage();
            page.setContent("<!DOCTYPE html><html lang=\"en\"><head><title>check</title></head><body><main>"
                    + "<h1>Check</h1><p>Nothing wrong here.</p></main></body></html>");

            assertThat(Chromium.problems(page)).isEmpty();
        }
    }
}
