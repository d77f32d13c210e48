package org.mhtrigger.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhtrigger.rules.Fixtures.at;
import static org.mhtrigger.rules.Fixtures.evaluate;
import static org.mhtrigger.rules.Fixtures.order;
import static org.mhtrigger.rules.Fixtures.sources;
import static org.mhtrigger.rules.Fixtures.stay;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.record.ConditionRecord;
import org.mhtrigger.engine.record.SourceRef;
import org.mhtrigger.engine.screen.Finding;

/** Coded conditions and orders behind care, behaviour and medication triggers (care.drl, behaviour.drl, medication.drl). */
class ConditionRulesTest {
    private static ConditionRecord condition(String id, String icd10, String snomed, String display, double day) {
        return new ConditionRecord(new SourceRef("Condition", id), icd10, snomed, display, at(day));
    }

    @Test
    void fallPressureUlcerSeizureChokingAndArrestCodedInTheStay_fire() {
        List<Finding> findings = evaluate(stay().condition(condition("c-1", "W19", "", "Unspecified fall", 3))
                .condition(condition("c-2", "L89.1", "", "Pressure ulcer of sacral region", 4))
                .condition(condition("c-3", "R56.8", "", "Seizure", 5))
                .condition(condition("c-4", "T17.9", "", "Foreign body in respiratory tract", 6))
                .condition(condition("c-5", "I46.9", "", "Cardiac arrest", 7)));

        assertThat(sources("MH-C01", findings)).containsExactly("c-1");
        assertThat(sources("MH-C05", findings)).containsExactly("c-2");
        assertThat(sources("MH-C08", findings)).containsExactly("c-3");
        assertThat(sources("MH-C09", findings)).containsExactly("c-4");
        assertThat(sources("MH-C03", findings)).containsExactly("c-5");
    }

    @Test
    void conditionsDatedBeforeAdmission_doNotFire() {
        List<Finding> findings = evaluate(stay().condition(condition("c-1", "G40.9", "", "Epilepsy", -400))
                .condition(condition("c-2", "L89.1", "", "Pressure ulcer present on admission", -1))
                .condition(condition("c-3", "W19", "", "Fall at home", -2)));

        assertThat(sources("MH-C08", findings)).isEmpty();
        assertThat(sources("MH-C05", findings)).isEmpty();
        assertThat(sources("MH-C01", findings)).isEmpty();
    }

    @Test
    void codedSuicideAttempt_isBothSelfHarmAndSuicideAttempt() {
        List<Finding> findings = evaluate(stay().condition(condition("c-1", "", "82313006", "Suicide attempt", 3)));

        assertThat(sources("MH-B02", findings)).containsExactly("c-1");
        assertThat(sources("MH-B01", findings)).containsExactly("c-1");
    }

    @Test
    void selfHarmWithoutAnAttempt_isNotASuicideAttempt() {
        List<Finding> findings =
                evaluate(stay().condition(condition("c-1", "X78.0", "", "Intentional self-harm by sharp glass", 3)));

        assertThat(sources("MH-B01", findings)).containsExactly("c-1");
        assertThat(sources("MH-B02", findings)).isEmpty();
    }

    @Test
    void anticholinergicOrderedAsAdmissionCover_doesNotFire() {
        List<Finding> findings = evaluate(stay().medication(order("o-1", "procyclidine", "active", at(0.1))));

        assertThat(sources("MH-M03", findings)).isEmpty();
    }

    @Test
    void anticholinergicOrderedDuringTheStay_fires_butOneOrderedBeforeAdmission_doesNot() {
        List<Finding> during = evaluate(stay().medication(order("o-1", "procyclidine", "active", at(4))));
        List<Finding> before = evaluate(stay().medication(order("o-1", "procyclidine", "active", at(-30)))
                .medication(order("o-2", "procyclidine", "active", at(4))));

        assertThat(sources("MH-M03", during)).containsExactly("o-1");
        assertThat(sources("MH-M03", before)).isEmpty();
    }
}
