package org.mhtrigger.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhtrigger.rules.Fixtures.at;
import static org.mhtrigger.rules.Fixtures.evaluate;
import static org.mhtrigger.rules.Fixtures.only;
import static org.mhtrigger.rules.Fixtures.sources;
import static org.mhtrigger.rules.Fixtures.stay;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.record.ConditionRecord;
import org.mhtrigger.engine.record.FlagRecord;
import org.mhtrigger.engine.record.SourceRef;
import org.mhtrigger.engine.screen.Finding;

/** behaviour.drl: MH-B01, MH-B05. */
class BehaviourRulesTest {

    @Test
    void intentionalSelfHarmConditionInTheStay_fires() {
        List<Finding> findings = evaluate(stay().condition(new ConditionRecord(
                        new SourceRef("Condition", "sh-1"),
                        "X78.0",
                        "",
                        "Intentional self-harm by sharp object",
                        at(4)))
                .condition(new ConditionRecord(new SourceRef("Condition", "sh-2"), "X84", "", "", at(5))));

        assertThat(sources("MH-B01", findings)).containsExactlyInAnyOrder("sh-1", "sh-2");
        assertThat(only("MH-B01", findings))
                .extracting(Finding::evidence)
                .contains("Condition X78.0 Intentional self-harm by sharp object");
    }

    @Test
    void codesOutsideX60ToX84_orBeforeAdmission_doNotFire() {
        List<Finding> findings = evaluate(
                stay().condition(new ConditionRecord(new SourceRef("Condition", "c-1"), "X85", "", "assault", at(4)))
                        .condition(new ConditionRecord(new SourceRef("Condition", "c-2"), "X59", "", "", at(4)))
                        .condition(new ConditionRecord(new SourceRef("Condition", "c-3"), "X78.0", "", "", at(-30))));

        assertThat(only("MH-B01", findings)).isEmpty();
    }

    @Test
    void abscondingFlagRaisedInTheStay_fires_andOtherFlag_doesNot() {
        List<Finding> findings =
                evaluate(stay().flag(new FlagRecord(new SourceRef("Flag", "f-1"), "absconding", "AWOL", at(7)))
                        .flag(new FlagRecord(new SourceRef("Flag", "f-2"), "other", "Allergy", at(7))));

        assertThat(only("MH-B05", findings)).singleElement().satisfies(f -> {
            assertThat(f.source().id()).isEqualTo("f-1");
            assertThat(f.evidence()).isEqualTo("Flag: AWOL");
            assertThat(f.at()).isEqualTo(at(7));
        });
    }
}
