package org.mhtrigger.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhtrigger.rules.Fixtures.at;
import static org.mhtrigger.rules.Fixtures.evaluate;
import static org.mhtrigger.rules.Fixtures.given;
import static org.mhtrigger.rules.Fixtures.lab;
import static org.mhtrigger.rules.Fixtures.only;
import static org.mhtrigger.rules.Fixtures.order;
import static org.mhtrigger.rules.Fixtures.sources;
import static org.mhtrigger.rules.Fixtures.stay;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.record.Route;
import org.mhtrigger.engine.record.SourceRef;
import org.mhtrigger.engine.screen.Finding;

/** laboratory.drl: MH-L01 to MH-L09. */
class LaboratoryRulesTest {

    @Test
    void lithiumAtThreshold_fires() {
        List<Finding> findings = evaluate(stay().lab(lab("li-1", "lithium", 1.5, "mmol/L", at(2))));

        assertThat(only("MH-L01", findings)).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("Lithium high");
            assertThat(f.source()).isEqualTo(new SourceRef("Observation", "li-1"));
            assertThat(f.evidence()).isEqualTo("Lithium 1.5 mmol/L (threshold 1.5)");
            assertThat(f.at()).isEqualTo(at(2));
            assertThat(f.span()).isNull();
            assertThat(f.record()).isEqualTo("e-1");
            assertThat(f.patient()).isEqualTo("p-1");
            assertThat(f.ruleset()).isEqualTo(Fixtures.RULES.rulesetVersion());
        });
    }

    @Test
    void lithiumJustBelowThreshold_doesNotFire() {
        assertThat(only("MH-L01", evaluate(stay().lab(lab("li-1", "lithium", 1.49, "mmol/L", at(2))))))
                .isEmpty();
    }

    @Test
    void lithiumInMilliequivalents_firesWithTheOriginalUnitInEvidence() {
        List<Finding> findings = evaluate(stay().lab(lab("li-1", "lithium", 1.6, "mEq/L", 1.6, "mmol/L", at(2))));

        assertThat(only("MH-L01", findings))
                .singleElement()
                .extracting(Finding::evidence)
                .isEqualTo("Lithium 1.6 mEq/L = 1.60 mmol/L (threshold 1.5)");
    }

    @Test
    void eachLithiumResultOverThreshold_isItsOwnFinding() {
        List<Finding> findings = evaluate(stay().lab(lab("li-1", "lithium", 1.7, "mmol/L", at(2)))
                .lab(lab("li-2", "lithium", 0.8, "mmol/L", at(3)))
                .lab(lab("li-3", "lithium", 1.9, "mmol/L", at(4))));

        assertThat(sources("MH-L01", findings)).containsExactlyInAnyOrder("li-1", "li-3");
    }

    @Test
    void unconvertedLithium_doesNotFire() {
        assertThat(only("MH-L01", evaluate(stay().lab(lab("li-1", "lithium", 9, "mg/L", null, "mmol/L", at(2))))))
                .isEmpty();
    }

    @Test
    void lithiumWarningBand_isOffByDefault() {
        assertThat(only("MH-L01", evaluate(stay().lab(lab("li-1", "lithium", 1.2, "mmol/L", at(2))))))
                .isEmpty();
    }

    @Test
    void neutropeniaOnClozapine_fires() {
        List<Finding> findings = evaluate(stay().medication(given("cz-1", "clozapine", 200.0, Route.ORAL, at(1)))
                .lab(lab("n-1", "neutrophils", 1.2, "10*9/L", at(5)))
                .lab(lab("w-1", "wbc", 2.8, "10*9/L", at(5))));

        assertThat(sources("MH-L02", findings)).containsExactlyInAnyOrder("n-1", "w-1");
        assertThat(only("MH-L02", findings))
                .extracting(Finding::evidence)
                .contains("Neutrophils 1.2 10*9/L (threshold < 1.5)");
    }

    @Test
    void neutropeniaWithoutClozapine_doesNotFire() {
        assertThat(only("MH-L02", evaluate(stay().lab(lab("n-1", "neutrophils", 1.2, "10*9/L", at(5))))))
                .isEmpty();
    }

    @Test
    void neutrophilsInTheAmberBand_doNotFireByDefault() {
        assertThat(only(
                        "MH-L02",
                        evaluate(stay().medication(order("cz-o", "clozapine", "active", at(0.1)))
                                .lab(lab("n-1", "neutrophils", 1.8, "10*9/L", at(5))))))
                .isEmpty();
    }

    @Test
    void sodiumBelow130_fires_andAt130_doesNot() {
        List<Finding> findings = evaluate(stay().lab(lab("na-1", "sodium", 126, "mmol/L", at(2)))
                .lab(lab("na-2", "sodium", 130, "mmol/L", at(3))));

        assertThat(sources("MH-L03", findings)).containsExactly("na-1");
        assertThat(only("MH-L03", findings).get(0).evidence()).isEqualTo("Sodium 126 mmol/L (threshold < 130)");
    }

    @Test
    void potassiumOutsideRange_fires_andInsideRange_doesNot() {
        List<Finding> findings = evaluate(stay().lab(lab("k-1", "potassium", 2.9, "mmol/L", at(2)))
                .lab(lab("k-2", "potassium", 6.1, "mmol/L", at(3)))
                .lab(lab("k-3", "potassium", 3.0, "mmol/L", at(4)))
                .lab(lab("k-4", "potassium", 6.0, "mmol/L", at(5))));

        assertThat(sources("MH-L04", findings)).containsExactlyInAnyOrder("k-1", "k-2");
    }

    @Test
    void qtcAt500_fires_and499_doesNot() {
        List<Finding> findings =
                evaluate(stay().lab(lab("q-1", "qtc", 499, "ms", at(1))).lab(lab("q-2", "qtc", 500, "ms", at(2))));

        assertThat(only("MH-L05", findings))
                .singleElement()
                .satisfies(f -> assertThat(f.evidence()).isEqualTo("QTc 500 ms (threshold 500)"));
    }

    @Test
    void qtcRiseOfMoreThan60OverTheFirst_fires_andExactly60_doesNot() {
        List<Finding> findings = evaluate(stay().lab(lab("q-1", "qtc", 400, "ms", at(1)))
                .lab(lab("q-2", "qtc", 460, "ms", at(2)))
                .lab(lab("q-3", "qtc", 461, "ms", at(3))));

        assertThat(sources("MH-L05", findings)).containsExactly("q-3");
    }

    @Test
    void creatinineInMgPerDlMoreThanDoubling_fires() {
        List<Finding> findings = evaluate(stay().lab(lab("cr-1", "creatinine", 1.1, "mg/dL", 97.3, "umol/L", at(1)))
                .lab(lab("cr-2", "creatinine", 2.5, "mg/dL", 221.1, "umol/L", at(4))));

        assertThat(only("MH-L06", findings)).singleElement().satisfies(f -> {
            assertThat(f.source().id()).isEqualTo("cr-2");
            assertThat(f.evidence()).startsWith("Creatinine 2.5 mg/dL = 221.10 umol/L");
        });
    }

    @Test
    void creatinineBelowDoubleTheFirst_doesNotFire() {
        assertThat(only(
                        "MH-L06",
                        evaluate(stay().lab(lab("cr-1", "creatinine", 100, "umol/L", at(1)))
                                .lab(lab("cr-2", "creatinine", 200, "umol/L", at(4))))))
                .isEmpty();
    }

    @Test
    void glucose45MgPerDl_fires_withOriginalValueInEvidence() {
        List<Finding> findings = evaluate(stay().lab(lab("g-1", "glucose", 45, "mg/dL", 2.50, "mmol/L", at(2))));

        assertThat(only("MH-L07", findings))
                .singleElement()
                .extracting(Finding::evidence)
                .isEqualTo("Glucose 45 mg/dL = 2.50 mmol/L (threshold < 2.8)");
    }

    @Test
    void glucose3point1_doesNotFire() {
        assertThat(only("MH-L07", evaluate(stay().lab(lab("g-1", "glucose", 3.1, "mmol/L", at(2))))))
                .isEmpty();
    }

    @Test
    void altAboveThreeTimesUpperLimit_fires_andAt120_doesNot() {
        List<Finding> findings =
                evaluate(stay().lab(lab("a-1", "alt", 121, "U/L", at(2))).lab(lab("a-2", "alt", 120, "U/L", at(3))));

        assertThat(sources("MH-L08", findings)).containsExactly("a-1");
    }

    @Test
    void ckAbove1000_fires_andAt1000_doesNot() {
        List<Finding> findings =
                evaluate(stay().lab(lab("ck-1", "ck", 1001, "U/L", at(2))).lab(lab("ck-2", "ck", 1000, "U/L", at(3))));

        assertThat(sources("MH-L09", findings)).containsExactly("ck-1");
    }

    @Test
    void resultAfterTheReviewWindowCap_doesNotFire() {
        var longStay =
                Fixtures.stay(Fixtures.patient(), at(120), org.mhtrigger.engine.record.DischargeDisposition.HOME);

        List<Finding> findings = evaluate(longStay.lab(lab("li-1", "lithium", 1.8, "mmol/L", at(89)))
                .lab(lab("li-2", "lithium", 1.8, "mmol/L", at(91))));

        assertThat(sources("MH-L01", findings)).containsExactly("li-1");
    }
}
