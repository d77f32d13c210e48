package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.engine.screen.Finding;
import org.mhtrigger.engine.screen.Screener;
import org.mhtrigger.engine.screen.TextHit;
import org.mhtrigger.engine.screen.TriggerEvaluator;
import org.mhtrigger.engine.text.NoteTermMatcher;
import org.mhtrigger.review.importing.ImportPipeline;
import org.mhtrigger.review.store.Stays;
import org.mhtrigger.rules.DroolsTriggerEvaluator;
import org.mhtrigger.rules.RulesConfig;
import org.mhtrigger.screening.ScreeningOptions;
import org.mhtrigger.screening.ScreeningPipeline;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The import's failure policy, the same as {@code mhtrigger screen}'s: a record whose screening fails is listed as
 * rejected, naming it, and the other records are imported; the job ends done, not failed.
 */
@SpringBootTest(
        classes = ReviewApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:import-failure-policy;DB_CLOSE_DELAY=-1")
@Import({TestSettings.class, ImportFailurePolicyTest.FailingScreening.class})
class ImportFailurePolicyTest {
    static final String FAILING = "e-1003";

    /** The real rules, except that screening {@link #FAILING} throws with note text in its message, as a bug might. */
    @TestConfiguration
    static class FailingScreening {
        @Bean
        @Primary
        ImportPipeline failingImportPipeline() {
            RulesConfig rules = RulesConfig.defaults();
            DroolsTriggerEvaluator real = new DroolsTriggerEvaluator(rules);
            TriggerEvaluator failing = new TriggerEvaluator() {
                @Override
                public List<Finding> evaluate(StayRecord record, List<TextHit> hits) {
                    if (record.id().equals(FAILING)) {
                        throw new IllegalStateException("cannot read 'patient said she wants to die'");
                    }
                    return real.evaluate(record, hits);
                }

                @Override
                public String rulesetVersion() {
                    return real.rulesetVersion();
                }
            };
            return new ImportPipeline(ScreeningPipeline.withScreener(
                    ScreeningOptions.defaults(),
                    new Screener(NoteTermMatcher.create(rules.lexicon(), rules.context()), failing)));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Stays stays;

    @Test
    void aRecordWhoseScreeningFails_isRejectedNamingIt_andTheRestIsImported() throws Exception {
        // given: five hand-written stays, the third of which fails to screen
        Map<String, Path> files = new LinkedHashMap<>();
        for (String id : List.of("e-1001", "e-1002", FAILING, "e-1004", "e-1005")) {
            files.put(id + ".json", ImportTest.CORPUS.resolve("stays/" + id + ".json"));
        }
        fixtures.accounts();
        WebClient lead = new WebClient(port);
        lead.login("lead", Fixtures.PASSWORD);
        lead.get("/import");

        // when
        HttpResponse<String> upload = lead.postFiles("/import/upload", files);
        String jobPage = upload.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        String panel = ImportTest.finished(lead, jobPage);

        // then: the job is done, the failing record is a rejection naming it (never the failure's message), and
        // the four others are imported
        assertThat(panel).contains("data-state=\"DONE\"");
        List<String> rejections = Pattern.compile("<li>([^<]*)</li>")
                .matcher(panel.substring(panel.indexOf("id=\"rejections\"")))
                .results()
                .map(r -> r.group(1))
                .toList();
        assertThat(rejections).containsExactly("Encounter/" + FAILING + ": screening failed (IllegalStateException)");
        assertThat(panel).doesNotContain("wants to die");
        assertThat(ImportTest.count(panel, "count-read")).isEqualTo(5);
        assertThat(ImportTest.count(panel, "count-screened")).isEqualTo(4);
        assertThat(stays.findByEncounter(FAILING)).isEmpty();
        for (String imported : List.of("e-1001", "e-1002", "e-1004", "e-1005")) {
            assertThat(stays.findByEncounter(imported)).as(imported).isPresent();
        }
    }
}
