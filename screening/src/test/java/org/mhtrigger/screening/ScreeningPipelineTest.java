package org.mhtrigger.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.engine.screen.Finding;
import org.mhtrigger.engine.screen.Rejection;
import org.mhtrigger.engine.screen.Screener;
import org.mhtrigger.engine.screen.Screening;
import org.mhtrigger.engine.screen.TextHit;
import org.mhtrigger.engine.screen.TriggerEvaluator;
import org.mhtrigger.engine.text.NoteTermMatcher;
import org.mhtrigger.rules.DroolsTriggerEvaluator;
import org.mhtrigger.rules.RulesConfig;

class ScreeningPipelineTest {
    static final Path HANDWRITTEN = Path.of(System.getProperty("mhtrigger.corpus", "../corpus-samples"), "handwritten");
    static final String FAILING = "e-1003";

    /** The real rules, except that screening {@link #FAILING} throws with note text in the message, as a bug might. */
    static Screener failingFor(String recordId, Throwable failure) {
        RulesConfig rules = RulesConfig.defaults();
        DroolsTriggerEvaluator real = new DroolsTriggerEvaluator(rules);
        TriggerEvaluator evaluator = new TriggerEvaluator() {
            @Override
            public List<Finding> evaluate(StayRecord record, List<TextHit> hits) {
                if (record.id().equals(recordId)) {
                    if (failure instanceof Error error) {
                        throw error;
                    }
                    throw (RuntimeException) failure;
                }
                return real.evaluate(record, hits);
            }

            @Override
            public String rulesetVersion() {
                return real.rulesetVersion();
            }
        };
        return new Screener(NoteTermMatcher.create(rules.lexicon(), rules.context()), evaluator);
    }

    /** What a run told its listener, in order. */
    record Heard(List<String> events, List<Rejection> rejections, List<Screening> screenings) {
        Heard() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        ScreeningPipeline.Listener listener() {
            return new ScreeningPipeline.Listener() {
                @Override
                public void screened(StayRecord record, Screening screening) {
                    events.add("screened " + record.id() + " "
                            + screening.findings().size());
                    screenings.add(screening);
                }

                @Override
                public void rejected(Rejection rejection) {
                    events.add("rejected " + rejection);
                    rejections.add(rejection);
                }

                @Override
                public void warning(Rejection warning) {
                    events.add("warning " + warning);
                }
            };
        }
    }

    @Test
    void aRecordWhoseScreeningFails_isRejectedNamingIt_andTheRunGoesOn() {
        Heard all = new Heard();
        ScreeningPipeline.of(ScreeningOptions.defaults()).run(List.of(HANDWRITTEN), all.listener());
        Heard heard = new Heard();

        ScreeningPipeline.Outcome outcome = ScreeningPipeline.withScreener(
                        ScreeningOptions.defaults(),
                        failingFor(FAILING, new IllegalStateException("could not parse 'patient said ...'")))
                .run(List.of(HANDWRITTEN), heard.listener());

        assertThat(heard.rejections())
                .containsExactly(new Rejection("Encounter/" + FAILING, "screening failed (IllegalStateException)"));
        assertThat(heard.rejections().get(0).toString()).doesNotContain("patient said");
        assertThat(heard.screenings())
                .extracting(Screening::record)
                .doesNotContain(FAILING)
                .hasSize(all.screenings().size() - 1)
                .containsExactlyElementsOf(all.screenings().stream()
                        .map(Screening::record)
                        .filter(r -> !r.equals(FAILING))
                        .toList());
        assertThat(outcome.screened()).isEqualTo(all.screenings().size() - 1);
        assertThat(outcome.rejected()).isEqualTo(1);
        assertThat(outcome.complete()).isFalse();
    }

    @Test
    void aStackOverflowScreeningOneRecord_rejectsThatRecordOnly() {
        Heard heard = new Heard();

        ScreeningPipeline.withScreener(ScreeningOptions.defaults(), failingFor(FAILING, new StackOverflowError()))
                .run(List.of(HANDWRITTEN), heard.listener());

        assertThat(heard.rejections())
                .containsExactly(new Rejection("Encounter/" + FAILING, "screening failed (StackOverflowError)"));
        assertThat(heard.screenings()).extracting(Screening::record).contains("e-1001", "e-1035");
    }

    @Test
    void onFourThreads_theListenerHearsTheSameAsOnOne_failuresIncluded() {
        Screener screener = failingFor(FAILING, new IllegalArgumentException("boom"));
        Heard one = new Heard();
        Heard four = new Heard();

        ScreeningPipeline.withScreener(ScreeningOptions.defaults(), screener).run(List.of(HANDWRITTEN), one.listener());
        ScreeningPipeline.withScreener(ScreeningOptions.defaults().withThreads(4), screener)
                .run(List.of(HANDWRITTEN), four.listener());

        assertThat(four.events()).isNotEmpty().containsExactlyElementsOf(one.events());
        assertThat(one.events())
                .contains("rejected Encounter/" + FAILING + ": screening failed (IllegalArgumentException)");
    }

    @Test
    void editedThresholdsInTheRulesDirectory_areHonoured(@TempDir Path temp) throws IOException {
        // given: lithium.high lowered from 1.5 to 1.4; e-1002 has a lithium of 1.49
        Path rules = Files.createDirectories(temp.resolve("rules"));
        String thresholds;
        try (InputStream in = getClass().getResourceAsStream("/org/mhtrigger/rules/thresholds.csv")) {
            assertThat(in).isNotNull();
            thresholds = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(thresholds).contains("lithium.high,1.5,");
        Files.writeString(
                rules.resolve("thresholds.csv"), thresholds.replace("lithium.high,1.5,", "lithium.high,1.4,"));
        Path input = HANDWRITTEN.resolve("stays/e-1002.json");

        Heard bundled = new Heard();
        ScreeningPipeline defaults = ScreeningPipeline.of(ScreeningOptions.defaults());
        defaults.run(List.of(input), bundled.listener());
        Heard edited = new Heard();
        ScreeningPipeline editedPipeline =
                ScreeningPipeline.of(ScreeningOptions.defaults().withRulesDirectory(rules));
        editedPipeline.run(List.of(input), edited.listener());

        assertThat(bundled.screenings())
                .singleElement()
                .satisfies(s ->
                        assertThat(s.findings()).extracting(Finding::trigger).doesNotContain("MH-L01"));
        assertThat(edited.screenings())
                .singleElement()
                .satisfies(s ->
                        assertThat(s.findings()).extracting(Finding::trigger).contains("MH-L01"));
        assertThat(editedPipeline.rulesetVersion()).isNotEqualTo(defaults.rulesetVersion());
    }
}
