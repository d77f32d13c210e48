package org.mhtrigger.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    @Test
    void countsTruePositivesFalsePositivesAndFalseNegativesPerTrigger() {
        Map<String, Set<String>> gold = Map.of(
                "e-1", Set.of("MH-L01", "MH-R01"),
                "e-2", Set.of(),
                "e-3", Set.of("MH-R01"));
        Map<String, Set<String>> predicted = Map.of(
                "e-1", Set.of("MH-L01"),
                "e-2", Set.of("MH-R01"),
                "e-3", Set.of("MH-R01"));

        Evaluation evaluation = Evaluation.score(gold, predicted);

        assertThat(evaluation.perTrigger())
                .containsExactly(new TriggerScore("MH-L01", 1, 0, 0), new TriggerScore("MH-R01", 1, 1, 1));
        assertThat(evaluation.micro()).isEqualTo(new TriggerScore("micro", 2, 1, 1));
        assertThat(evaluation.micro().precision()).isEqualTo(2.0 / 3);
        assertThat(evaluation.micro().recall()).isEqualTo(2.0 / 3);
        assertThat(evaluation.records()).isEqualTo(3);
    }

    @Test
    void emptyRows_scoreOneNotZero() {
        TriggerScore none = new TriggerScore("MH-X01", 0, 0, 0);

        assertThat(none.precision()).isEqualTo(1.0);
        assertThat(none.recall()).isEqualTo(1.0);
        assertThat(new TriggerScore("MH-X01", 0, 2, 3).f1()).isZero();
    }
}
