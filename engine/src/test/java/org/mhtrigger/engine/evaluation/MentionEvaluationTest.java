package org.mhtrigger.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.record.TextSpan;
import org.mhtrigger.engine.screen.Assertion;

class MentionEvaluationTest {
    private static GoldMention m(String note, int start, int end, String trigger, Assertion assertion) {
        return new GoldMention("e-1", note, new TextSpan(start, end), trigger, assertion);
    }

    @Test
    void overlappingAffirmedMentionsInTheSameNote_match() {
        List<GoldMention> gold = List.of(
                m("n-1", 10, 25, "MH-B01", Assertion.AFFIRMED),
                m("n-1", 40, 44, "MH-B05", Assertion.AFFIRMED),
                m("n-2", 0, 8, "MH-B01", Assertion.NEGATED));
        List<GoldMention> predicted = List.of(
                m("n-1", 14, 25, "MH-B01", Assertion.AFFIRMED), // overlaps: found
                m("n-2", 0, 8, "MH-B01", Assertion.AFFIRMED), // negated in gold: a false positive
                m("n-1", 60, 65, "MH-C01", Assertion.AFFIRMED)); // nothing there: a false positive

        MentionEvaluation score = MentionEvaluation.score(gold, predicted);

        assertThat(score.perTrigger())
                .containsExactly(
                        new TriggerScore("MH-B01", 1, 1, 0),
                        new TriggerScore("MH-B05", 0, 0, 1),
                        new TriggerScore("MH-C01", 0, 1, 0));
        assertThat(score.micro()).isEqualTo(new TriggerScore("micro", 1, 2, 1));
        assertThat(score.contextFound()).isEqualTo(2);
        assertThat(score.contextCorrect()).isEqualTo(1);
        assertThat(score.contextAccuracy()).isEqualTo(0.5);
    }

    @Test
    void aMentionInAnotherNoteOrOfAnotherTrigger_doesNotMatch() {
        List<GoldMention> gold = List.of(m("n-1", 10, 25, "MH-B01", Assertion.AFFIRMED));

        MentionEvaluation score = MentionEvaluation.score(
                gold,
                List.of(
                        m("n-2", 10, 25, "MH-B01", Assertion.AFFIRMED),
                        m("n-1", 10, 25, "MH-B02", Assertion.AFFIRMED)));

        assertThat(score.micro()).isEqualTo(new TriggerScore("micro", 0, 2, 1));
    }
}
