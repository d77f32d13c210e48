package org.mhtrigger.review.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mhtrigger.rules.RulesConfig;

class LabLimitsTest {
    private final LabLimits limits = LabLimits.of(RulesConfig.defaults());

    @Test
    void neutrophilsBelowTheClozapineRedBand_crossTheMhL02Threshold_inWords() {
        LabLimits.Flag flag = limits.flag("neutrophils", 1.3, "10*9/L").orElseThrow();

        assertThat(flag.threshold()).isTrue();
        assertThat(flag.badge()).isEqualTo("LOW");
        assertThat(flag.text()).isEqualTo("crosses the MH-L02 threshold (< 1.5 ×10⁹/L)");
    }

    @Test
    void neutrophilsInTheAmberBand_areFlaggedAsABand_notAsAThreshold() {
        LabLimits.Flag flag = limits.flag("neutrophils", 1.8, "10*9/L").orElseThrow();

        assertThat(flag.threshold()).isFalse();
        assertThat(flag.text()).isEqualTo("in the clozapine amber band (< 2 ×10⁹/L)");
    }

    @Test
    void valuesAtTheEdges_followTheRulesComparisons() {
        assertThat(limits.flag("lithium", 1.5, "mmol/L").orElseThrow().threshold())
                .isTrue(); // MH-L01 fires at or above 1.5
        assertThat(limits.flag("neutrophils", 1.5, "10*9/L").orElseThrow().threshold())
                .isFalse(); // MH-L02 fires strictly below 1.5
        assertThat(limits.flag("potassium", 6.0, "mmol/L")).isEmpty(); // MH-L04 fires above 6.0
        assertThat(limits.flag("potassium", 6.1, "mmol/L").orElseThrow().badge())
                .isEqualTo("HIGH");
        assertThat(limits.flag("gcs", 9.0, "{score}").orElseThrow().text()).contains("≤ 9");
    }

    @Test
    void normalValues_otherUnits_andUnknownAnalytes_areNotFlagged() {
        assertThat(limits.flag("sodium", 138.0, "mmol/L")).isEmpty();
        assertThat(limits.flag("sodium", 120.0, "mg/dL")).isEmpty();
        assertThat(limits.flag("sodium", null, "mmol/L")).isEmpty();
        assertThat(limits.flag("ferritin", 2.0, "ug/L")).isEmpty();
    }

    @Test
    void altHasItsUpperLimitOfNormal_andItsTriggerAtThreeTimesThat() {
        assertThat(limits.flag("alt", 60.0, "U/L").orElseThrow().text())
                .isEqualTo("above the upper limit of normal (40 U/L)");
        assertThat(limits.flag("alt", 121.0, "U/L").orElseThrow().text())
                .isEqualTo("crosses the MH-L08 threshold (> 120 U/L)");
    }
}
