package org.mhtrigger.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mhtrigger.engine.record.TextSpan;
import org.mhtrigger.engine.screen.Assertion;
import org.mhtrigger.engine.text.ClinicalAnalyzer;
import org.mhtrigger.engine.text.context.ContextClassifier;
import org.mhtrigger.engine.text.context.ContextCue;
import org.mhtrigger.engine.text.context.ContextReason;
import org.mhtrigger.engine.text.context.CueCategory;
import org.mhtrigger.engine.text.context.CueDirection;
import org.mhtrigger.engine.text.context.MentionContext;

/** Every context cue in the shipped {@code context-cues.csv} decides the example written beside it. */
class ContextCueExampleTest {
    private static final RulesConfig CONFIG = RulesConfig.defaults();
    private static final ContextClassifier CLASSIFIER = new ContextClassifier(CONFIG.context(), new ClinicalAnalyzer());
    private static final Instant ADMITTED = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant WRITTEN = Instant.parse("2026-03-05T10:00:00Z");

    static Stream<ContextCue> cues() {
        return CONFIG.context().cues().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cues")
    void everyCue_decidesItsExample(ContextCue cue) {
        String written = cue.example();
        int open = written.indexOf('[');
        int close = written.indexOf(']');
        assertThat(open)
                .as("the example of '%s' marks its mention in [brackets]: %s", cue.phrase(), written)
                .isGreaterThanOrEqualTo(0);
        assertThat(close)
                .as("the example of '%s' closes its mention's bracket", cue.phrase())
                .isGreaterThan(open);
        String sentence =
                written.substring(0, open) + written.substring(open + 1, close) + written.substring(close + 1);
        TextSpan mention = new TextSpan(open, close - 1);

        MentionContext context = CLASSIFIER.assess(
                sentence, new TextSpan(0, sentence.length()), mention, triggerFor(cue), WRITTEN, ADMITTED);

        if (cue.category() == CueCategory.PSEUDO || cue.category() == CueCategory.TERMINATE) {
            assertThat(context.assertion())
                    .as("'%s' keeps the mention in '%s' affirmed, but %s", cue.phrase(), sentence, context.reasons())
                    .isEqualTo(Assertion.AFFIRMED);
            return;
        }
        String rule = cue.direction() == CueDirection.VALUE ? "form line" : "cue";
        assertThat(context.reasons())
                .as("'%s' (%s) decides the mention in '%s'", cue.phrase(), cue.category(), sentence)
                .anySatisfy(reason -> {
                    assertThat(reason.category()).isEqualTo(cue.category());
                    assertThat(reason.rule()).isEqualTo(rule);
                    assertThat(same(reason, cue)).isTrue();
                });
    }

    /** The reason's evidence is the cue's words, as written in the note. */
    private static boolean same(ContextReason reason, ContextCue cue) {
        String evidence = words(reason.evidence());
        String phrase = cue.phrase().strip();
        if (reason.evidence().equals("?")) {
            return phrase.equals("query"); // the analyser reads "?seizure" as "query seizure"
        }
        return phrase.endsWith("*")
                ? evidence.startsWith(words(phrase.substring(0, phrase.length() - 1)))
                : evidence.equals(words(phrase));
    }

    private static String words(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** A trigger the cue applies to: the first it names, else one it does not exclude. */
    private static String triggerFor(ContextCue cue) {
        return cue.appliesTo().stream()
                .filter(t -> !t.startsWith("!"))
                .sorted()
                .findFirst()
                .orElse(cue.appliesTo().contains("!MH-B01") ? "MH-B04" : "MH-B01");
    }
}
