package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mhtrigger.engine.measure.Measure;
import org.mhtrigger.engine.measure.Rate;
import org.mhtrigger.engine.measure.RunChart;
import org.mhtrigger.review.security.SecurityConfig;
import org.mhtrigger.review.store.MeasureQueries;
import org.mhtrigger.review.web.DashboardController;
import org.mhtrigger.testkit.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The safety lead's dashboard against a running server and 18 months of seeded synthetic history (the demo's): the
 * JSON agrees with {@link RunChart} on the same data, other roles are refused, the page needs no inline script and
 * carries its figures as tables; in Debian's Chromium the charts draw under the real CSP, a point opens its events,
 * and axe-core finds no violation of any impact. The screenshot goes to target/screenshots.
 */
@SpringBootTest(
        classes = ReviewApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:dashboard;DB_CLOSE_DELAY=-1")
@Import(TestSettings.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest {
    private static final YearMonth BEFORE = YearMonth.of(2026, 1);
    private static final String RANGE = "?from=2024-07&to=2025-12";

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DemoHistory history;

    @Autowired
    MeasureQueries queries;

    private List<MeasureQueries.PeriodData> periods;

    @BeforeAll
    void eighteenMonthsOfReviewedHistory() {
        fixtures.accounts();
        assertThat(history.seed(BEFORE, 18, 7L)).isEqualTo(18);
        periods = queries.periods(LocalDate.of(2024, 7, 1), LocalDate.of(2026, 1, 1));
        assertThat(periods).hasSize(18);
    }

    private WebClient signedIn(String username) {
        WebClient client = new WebClient(port);
        HttpResponse<String> login = client.login(username, Fixtures.PASSWORD);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return client;
    }

    @Test
    void safetyLead_getsOneSeriesPerMeasureWhoseMedianAndSignalsMatchTheRunChart() {
        HttpResponse<String> response = signedIn("lead").get("/dashboard/data" + RANGE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode json = JsonMapper.builder().build().readTree(response.body());
        assertThat(json.get("periods")).hasSize(18);
        assertThat(json.get("periods").get(0).get("period").asString()).isEqualTo("2024-07");
        assertThat(json.get("periods").get(0).get("label").asString()).isEqualTo("complete: 20 of 20 signed");
        JsonNode series = json.get("series");
        assertThat(series).hasSize(Measure.values().length);
        for (int m = 0; m < Measure.values().length; m++) {
            Measure measure = Measure.values()[m];
            JsonNode s = series.get(m);
            RunChart.Analysis expected = RunChart.analyse(periods.stream()
                    .map(p -> p.measures().rate(measure).value())
                    .toList());

            assertThat(s.get("code").asString()).isEqualTo(measure.code());
            assertThat(s.get("median").asDouble()).as(measure.code()).isCloseTo(expected.median(), within(1e-9));
            assertThat(s.get("longestRun").asInt()).isEqualTo(expected.longestRun());
            assertThat(s.get("longestRunLimit").asInt()).isEqualTo(expected.longestRunLimit());
            assertThat(s.get("crossings").asInt()).isEqualTo(expected.crossings());
            assertThat(s.get("crossingsLimit").asInt()).isEqualTo(expected.crossingsLimit());
            assertThat(s.get("longRunSignal").asBoolean()).isEqualTo(expected.longRunSignal());
            assertThat(s.get("fewCrossingsSignal").asBoolean()).isEqualTo(expected.fewCrossingsSignal());
            String signal = s.get("signal").asString();
            if (expected.signal()) {
                assertThat(signal.contains("unusually long run")).isEqualTo(expected.longRunSignal());
                assertThat(signal.contains("unusually few crossings")).isEqualTo(expected.fewCrossingsSignal());
            } else {
                assertThat(signal).isEqualTo("no signal");
            }
            assertThat(s.get("improvement").asString()).isEqualTo("lower is better");
            assertThat(s.get("controlChart").asString()).isEqualTo(measure.isProportion() ? "p" : "u");
            assertThat(s.get("points")).hasSize(18);
        }
        // the demo's harm falls halfway: the run chart of AEs per 100 admissions says so, as an improvement
        JsonNode perAdmissions = series.get(Measure.AE_PER_100_ADMISSIONS.ordinal());
        assertThat(perAdmissions.get("signal").asString())
                .isNotEqualTo("no signal")
                .endsWith(": improvement");
        assertThat(perAdmissions.get("variation").asString()).isEqualTo("IMPROVING");
    }

    @Test
    void protocolChange_isAnnotatedAtThePeriodWhereTheProtocolChanges() {
        JsonNode json = JsonMapper.builder()
                .build()
                .readTree(signedIn("lead").get("/dashboard/data" + RANGE).body());

        assertThat(json.get("protocolChanges")).hasSize(1);
        JsonNode change = json.get("protocolChanges").get(0);
        assertThat(change.get("index").asInt()).isEqualTo(9);
        assertThat(change.get("period").asString()).isEqualTo("2025-04");
        assertThat(change.get("protocol").asString()).contains("1.1");
    }

    @Test
    void everyPoint_listsTheEventsItsNumeratorCounts_withLinksToTheirReviews() {
        JsonNode json = JsonMapper.builder()
                .build()
                .readTree(signedIn("lead").get("/dashboard/data" + RANGE).body());
        JsonNode series = json.get("series");

        for (Measure measure : List.of(Measure.AE_PER_1000_PATIENT_DAYS, Measure.MH_INCIDENTS_PER_1000_PATIENT_DAYS)) {
            for (int i = 0; i < 18; i++) {
                JsonNode point = series.get(measure.ordinal()).get("points").get(i);
                Rate rate = periods.get(i).measures().rate(measure);
                assertThat(point.get("events")).as(measure + " " + i).hasSize((int) rate.numerator());
                point.get("events")
                        .forEach(e -> assertThat(e.get("href").asString())
                                .isEqualTo("/reviews/" + e.get("reviewId").asLong()));
            }
        }
        JsonNode someEvent = series.get(0).get("points").get(0).get("events").get(0);
        HttpResponse<String> record = signedIn("lead").get(someEvent.get("href").asString());
        assertThat(record.statusCode()).isEqualTo(200);
    }

    @Test
    void reviewerAndPhysician_areRefusedTheDashboardAndItsData() {
        for (String user : List.of("ann", "doc", "root")) {
            WebClient client = signedIn(user);
            assertThat(client.get("/dashboard").statusCode()).as(user).isEqualTo(403);
            assertThat(client.get("/dashboard/data").statusCode()).as(user).isEqualTo(403);
        }
    }

    @Test
    void page_hasNoInlineScriptOrStyle_andItsTablesCarryThePeriodsAndSignals() {
        WebClient lead = signedIn("lead");
        HttpResponse<String> page = lead.get("/dashboard" + RANGE);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .isEqualTo(SecurityConfig.CONTENT_SECURITY_POLICY);
        String html = page.body();
        assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>")
                        .matcher(html)
                        .find())
                .as("a script element without src")
                .isFalse();
        assertThat(html)
                .doesNotContain("<style")
                .doesNotContainPattern("\\sstyle=")
                .doesNotContainPattern("\\son[a-z]+=");
        assertThat(html).contains("src=\"" + DashboardController.CHART_JS + "\"", "src=\"/js/dashboard.js\"");
        for (MeasureQueries.PeriodData period : periods) {
            String label = period.measures().period().label();
            assertThat(html)
                    .as(label)
                    .contains("<th scope=\"row\">" + label + "</th>")
                    .contains("id=\"ae-per-1000-patient-days-events-" + label + "\"");
        }
        for (Measure measure : Measure.values()) {
            assertThat(html).contains("<caption>Figures: " + measure.title() + "</caption>");
        }
        assertThat(html).contains("id=\"protocol-changes\"").contains("<strong>2025-04</strong>");
        assertThat(html).containsPattern("id=\"ae-per-100-admissions-signal\"[^>]*>unusually");
        assertThat(lead.get(DashboardController.CHART_JS).statusCode())
                .as("Chart.js from the webjar")
                .isEqualTo(200);
        assertThat(lead.get("/js/dashboard.js").body()).contains("animation: false");
    }

    @Test
    void emptyRange_saysSoWithoutCharts() {
        HttpResponse<String> page = signedIn("lead").get("/dashboard?from=2020-01&to=2020-06");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"no-periods\"").doesNotContain("<canvas");
    }

    @Test
    @BrowserTest
    void inChromium_theChartsDrawUnderTheCsp_aPointOpensItsEvents_andAxeFindsNoViolation() throws IOException {
        List<String> errors = new ArrayList<>();
        try (Chromium chromium = Chromium.start();
                BrowserContext context = chromium.context(port, 1400, 1000)) {
            Page page = context.newPage();
            page.onConsoleMessage(message -> {
                // the browser asks for a favicon the app does not have; that 404 is not the dashboard's
                if ("error".equals(message.type()) && !message.location().contains("/favicon.ico")) {
                    errors.add(message.text() + " at " + message.location());
                }
            });
            page.onPageError(errors::add);
            page.onResponse(response -> {
                if (response.status() >= 400) {
                    errors.add(response.status() + " " + response.url());
                }
            });
            Chromium.signIn(page, "lead", Fixtures.PASSWORD);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Dashboard"))
                    .click();
            assertThat(page.url()).endsWith("/dashboard");
            page.navigate("/dashboard" + RANGE);
            page.locator("main[data-charts=drawn]").waitFor();
            page.locator("#ae-per-100-admissions-run").waitFor();
            Object drawn =
                    page.evaluate("() => Chart.getChart('ae-per-100-admissions-run').data.datasets[0].data.length");
            assertThat(((Number) drawn).intValue()).isEqualTo(18);

            // click the first point of the run chart: its events appear under the chart
            page.locator("#ae-per-1000-patient-days-run").scrollIntoViewIfNeeded();
            Map<?, ?> box =
                    (Map<?, ?>) page.evaluate("() => { const c = Chart.getChart('ae-per-1000-patient-days-run');"
                            + " const p = c.getDatasetMeta(0).data[0]; const r = c.canvas.getBoundingClientRect();"
                            + " return {x: r.left + p.x, y: r.top + p.y}; }");
            page.mouse().click(((Number) box.get("x")).doubleValue(), ((Number) box.get("y")).doubleValue());
            // Chart.js handles events in the next animation frame
            page.locator("#ae-per-1000-patient-days-drilldown strong").waitFor();
            String drilldown =
                    page.locator("#ae-per-1000-patient-days-drilldown").textContent();
            assertThat(drilldown).contains("Events behind 2024-07");
            int expectedLinks = (int) periods.getFirst()
                    .measures()
                    .rate(Measure.AE_PER_1000_PATIENT_DAYS)
                    .numerator();
            assertThat(page.locator("#ae-per-1000-patient-days-drilldown a").count())
                    .isEqualTo(expectedLinks);

            page.evaluate("() => window.scrollTo(0, 0)");
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("10-dashboard.png")));
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Chromium.SCREENSHOTS.resolve("11-dashboard-full.png"))
                    .setFullPage(true));
            Chromium.assertAccessibleAndFits(page, "dashboard");
        }
        assertThat(errors).as("console errors (a CSP violation shows here)").isEmpty();
    }
}
