package org.mhtrigger.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.measure.CohensKappa.LabelPair;

class CohensKappaTest {
    @Test
    void textbookTable_givesKappaPointFour() {
        // yes/yes 20, yes/no 5, no/yes 10, no/no 15: po = 0.7, pe = 0.5 * 0.6 + 0.5 * 0.4 = 0.5, kappa = 0.4
        List<LabelPair> pairs = new ArrayList<>();
        add(pairs, "yes", "yes", 20);
        add(pairs, "yes", "no", 5);
        add(pairs, "no", "yes", 10);
        add(pairs, "no", "no", 15);

        CohensKappa.Agreement agreement = CohensKappa.of(pairs);

        assertThat(agreement.records()).isEqualTo(50);
        assertThat(agreement.observed()).isCloseTo(0.7, within(1e-12));
        assertThat(agreement.expected()).isCloseTo(0.5, within(1e-12));
        assertThat(agreement.kappa()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void perfectAgreementOverSeveralCategories_isOne() {
        assertThat(CohensKappa.of(List.of(
                                new LabelPair("E", "E"), new LabelPair("F", "F"), new LabelPair("none", "none")))
                        .kappa())
                .isEqualTo(1.0);
    }

    @Test
    void noPairs_isRejected() {
        assertThatThrownBy(() -> CohensKappa.of(List.of())).hasMessageContaining("at least one pair");
    }

    private static void add(List<LabelPair> pairs, String first, String second, int times) {
        for (int i = 0; i < times; i++) {
            pairs.add(new LabelPair(first, second));
        }
    }
}
