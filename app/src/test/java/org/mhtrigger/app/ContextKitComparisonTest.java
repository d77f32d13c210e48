package org.mhtrigger.app;

import static org.assertj.core.api.Assertions.assertThat;

import edu.utah.bmi.nlp.core.SimpleParser;
import edu.utah.bmi.nlp.core.Span;
import edu.utah.bmi.nlp.fastcontext.FastContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.evaluation.ContextKit;
import org.mhtrigger.engine.evaluation.ContextKitScore;
import org.mhtrigger.engine.evaluation.ContextLabels;
import org.mhtrigger.engine.text.ClinicalAnalyzer;
import org.mhtrigger.engine.text.context.ContextClassifier;
import org.mhtrigger.rules.RulesConfig;
import org.mhtrigger.testkit.ExternalDataTest;
import org.mhtrigger.testkit.TestGroup;

/**
 * Runs our context classifier and FastContext 1.3.1.9 (with its shipped rules) on the same annotated kit and prints
 * both tables, so the comparison in the README can be repeated:
 * {@code ./mvnw -B -q -pl app -am verify -Dtest=ContextKitComparisonTest -Dsurefire.failIfNoSpecifiedTests=false}.
 * The kit and FastContext's rule file are read from {@code mhtrigger.contextKit} and {@code mhtrigger.fastContextRules}
 * (defaults: the shared evaluation folder beside the checkout); without them the test is skipped.
 */
@ExternalDataTest
class ContextKitComparisonTest {
    private static final Path KIT =
            Path.of(System.getProperty("mhtrigger.contextKit", "../../shared/eval/context-kit/dev.tsv"));
    private static final Path FASTCONTEXT_RULES = Path.of(System.getProperty(
            "mhtrigger.fastContextRules", "../../shared/eval/context-kit/peers/fastcontext-context.txt"));

    @Test
    void ourCuesAndFastContext_onTheSameKit() throws IOException {
        TestGroup.EXTERNAL.requireOrSkip(
                Files.isRegularFile(KIT) && Files.isRegularFile(FASTCONTEXT_RULES),
                "the public context kit is not at " + KIT + " (or FastContext's rules at " + FASTCONTEXT_RULES + ")");
        ContextKit kit = ContextKit.parse(KIT.toString(), Files.readAllLines(KIT, StandardCharsets.UTF_8));
        ContextClassifier classifier =
                new ContextClassifier(RulesConfig.defaults().context(), new ClinicalAnalyzer());
        Function<ContextKit.Line, ContextLabels> ours = line -> EvaluateContextCommand.labels(classifier, line);
        FastContext fastContext = new FastContext(FASTCONTEXT_RULES.toString(), false);
        Function<ContextKit.Line, ContextLabels> peer = line -> fastContextLabels(fastContext, line);

        ContextKitScore ourScore = ContextKitScore.of(kit, ours);
        ContextKitScore peerScore = ContextKitScore.of(kit, peer);

        PrintWriter out = new PrintWriter(System.out, true);
        out.println("kit " + KIT);
        EvaluateContextCommand.print(out, "mhtrigger context cues", ourScore);
        out.println(EvaluateContextCommand.speed(kit, ours));
        out.println(ourScore.summary());
        EvaluateContextCommand.print(out, "FastContext " + "1.3.1.9, shipped rules", peerScore);
        out.println(EvaluateContextCommand.speed(kit, peer));
        out.println(peerScore.summary());
        assertThat(ourScore.lines()).isEqualTo(peerScore.lines());
    }

    /** FastContext's features for the kit line's condition, on whitespace tokens as its own examples use. */
    private static ContextLabels fastContextLabels(FastContext fastContext, ContextKit.Line line) {
        ArrayList<Span> tokens = SimpleParser.tokenizeOnWhitespaces(line.sentence());
        int first = -1;
        int last = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Span t = tokens.get(i);
            if (t.end > line.condition().start() && t.begin < line.condition().end()) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first < 0) {
            return new ContextLabels(false, false, false, false);
        }
        List<String> values;
        try {
            values = fastContext.processContext(tokens, first, last, line.sentence(), 30);
        } catch (NullPointerException e) {
            // FastContext 1.3.1.9 fails on some digit tokens (ContextRuleProcessor.processDigits): no attribute
            return new ContextLabels(false, false, false, false);
        }
        return new ContextLabels(
                values.contains("negated"),
                values.contains("historical"),
                values.contains("hypothetical"),
                values.contains("nonpatient"));
    }
}
