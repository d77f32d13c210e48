package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mhtrigger.review.store.Stays;
import org.mhtrigger.screening.ScreeningOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The import screens with the edited rules the server was started with ({@code mhtrigger serve --rules DIR}), as
 * {@code mhtrigger screen --rules DIR} does, not with the bundled ones.
 */
@SpringBootTest(
        classes = ReviewApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:import-edited-rules;DB_CLOSE_DELAY=-1")
@Import({TestSettings.class, ImportEditedRulesTest.EditedRules.class})
class ImportEditedRulesTest {
    /** What ReviewServer.start(settings, options) registers: here with lithium.high lowered from 1.5 to 1.4. */
    @TestConfiguration
    static class EditedRules {
        @Bean
        ScreeningOptions screeningOptions() {
            try (InputStream in = getClass().getResourceAsStream("/org/mhtrigger/rules/thresholds.csv")) {
                String thresholds = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (!thresholds.contains("lithium.high,1.5,")) {
                    throw new IllegalStateException("the bundled thresholds no longer hold lithium.high,1.5");
                }
                Path rules =
                        Files.createTempDirectory(Files.createDirectories(Path.of("target", "edited-rules")), "rules-");
                Files.writeString(
                        rules.resolve("thresholds.csv"), thresholds.replace("lithium.high,1.5,", "lithium.high,1.4,"));
                return ScreeningOptions.defaults().withRulesDirectory(rules);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Stays stays;

    @Autowired
    org.mhtrigger.review.store.ReviewService reviews;

    @Test
    void anEditedThreshold_isHonouredByTheImport() throws Exception {
        // given: e-1002 has a lithium of 1.49, under the bundled 1.5 (no MH-L01) and over the edited 1.4
        fixtures.accounts();
        WebClient lead = new WebClient(port);
        lead.login("lead", Fixtures.PASSWORD);
        lead.get("/import");

        // when
        HttpResponse<String> upload =
                lead.postFiles("/import/upload", Map.of("e-1002.json", ImportTest.CORPUS.resolve("stays/e-1002.json")));
        String jobPage = upload.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        String panel = ImportTest.finished(lead, jobPage);

        // then
        assertThat(panel).contains("data-state=\"DONE\"");
        Stays.StayView stay = stays.findByEncounter("e-1002").orElseThrow();
        assertThat(stays.findings(stay.id()))
                .extracting(Stays.FindingView::trigger)
                .contains("MH-L01");

        // and the record page flags the result against the same edited threshold
        java.time.LocalDate day =
                stay.discharged().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        org.mhtrigger.review.store.ReviewService.PeriodView period = reviews.drawSample(
                Fixtures.LEAD,
                org.mhtrigger.engine.sampling.ReviewPeriod.parse(day + "/" + day),
                org.mhtrigger.engine.sampling.SamplingCriteria.defaults(),
                1,
                7L);
        long reviewId = reviews.queue(Fixtures.LEAD).stream()
                .filter(r -> r.periodId() == period.id())
                .findFirst()
                .orElseThrow()
                .id();
        WebClient ann = new WebClient(port);
        ann.login("ann", Fixtures.PASSWORD);
        assertThat(ann.get("/reviews/" + reviewId).body())
                .contains("crosses the MH-L01 threshold (")
                .contains("1.4 mmol/L)");
    }
}
