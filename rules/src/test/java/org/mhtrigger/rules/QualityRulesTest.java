package org.mhtrigger.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhtrigger.rules.Fixtures.DISCHARGED;
import static org.mhtrigger.rules.Fixtures.at;
import static org.mhtrigger.rules.Fixtures.bareStay;
import static org.mhtrigger.rules.Fixtures.evaluate;
import static org.mhtrigger.rules.Fixtures.only;
import static org.mhtrigger.rules.Fixtures.patient;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.record.CarePlanRecord;
import org.mhtrigger.engine.record.DischargeDisposition;
import org.mhtrigger.engine.record.Note;
import org.mhtrigger.engine.record.RiskAssessmentRecord;
import org.mhtrigger.engine.record.SourceRef;
import org.mhtrigger.engine.screen.Finding;

/** quality.drl: MH-Q01, MH-Q02. */
class QualityRulesTest {

    @Test
    void noCarePlanAndNoRiskAssessment_fireOnTheEncounterAtTheDeadline() {
        List<Finding> findings = evaluate(bareStay(patient(), DISCHARGED, DischargeDisposition.HOME));

        assertThat(only("MH-Q01", findings)).singleElement().satisfies(f -> {
            assertThat(f.source()).isEqualTo(new SourceRef("Encounter", "e-1"));
            assertThat(f.at()).isEqualTo(at(7));
            assertThat(f.evidence()).isEqualTo("No care plan within 7 days of admission");
        });
        assertThat(only("MH-Q02", findings))
                .singleElement()
                .satisfies(f -> assertThat(f.at()).isEqualTo(at(3)));
    }

    @Test
    void carePlanAndRiskAssessmentInTime_doNotFire() {
        List<Finding> findings = evaluate(bareStay(patient(), DISCHARGED, DischargeDisposition.HOME)
                .carePlan(new CarePlanRecord(new SourceRef("CarePlan", "cp-1"), at(6.9), "active"))
                .riskAssessment(new RiskAssessmentRecord(new SourceRef("RiskAssessment", "ra-1"), at(2.9), "final")));

        assertThat(only("MH-Q01", findings)).isEmpty();
        assertThat(only("MH-Q02", findings)).isEmpty();
    }

    @Test
    void carePlanAndRiskAssessmentNotes_count() {
        List<Finding> findings = evaluate(bareStay(patient(), DISCHARGED, DischargeDisposition.HOME)
                .note(new Note(new SourceRef("DocumentReference", "n-1"), "care-plan", at(2), "Care plan text"))
                .note(new Note(new SourceRef("DocumentReference", "n-2"), "risk-assessment", at(1), "Risk text")));

        assertThat(only("MH-Q01", findings)).isEmpty();
        assertThat(only("MH-Q02", findings)).isEmpty();
    }

    @Test
    void carePlanAfterTheDeadline_andPlanLineInAWardRound_doNotCount() {
        List<Finding> findings = evaluate(bareStay(patient(), DISCHARGED, DischargeDisposition.HOME)
                .carePlan(new CarePlanRecord(new SourceRef("CarePlan", "cp-1"), at(8), "active"))
                .note(new Note(new SourceRef("DocumentReference", "n-1"), "ward-round", at(1), "Plan: continue")));

        assertThat(only("MH-Q01", findings)).hasSize(1);
    }

    @Test
    void stayShorterThanTheWindowWithNoneAtAll_fires() {
        // the catalogue: "no CarePlan within N days of admission" holds for a two-day stay that never had one
        List<Finding> findings = evaluate(bareStay(patient(), at(2), DischargeDisposition.HOME));

        assertThat(only("MH-Q01", findings)).hasSize(1);
        assertThat(only("MH-Q02", findings)).hasSize(1);
    }

    @Test
    void shortStayWithACarePlanAndARiskAssessment_doesNotFire() {
        List<Finding> findings = evaluate(bareStay(patient(), at(2), DischargeDisposition.HOME)
                .carePlan(new CarePlanRecord(new SourceRef("CarePlan", "cp-1"), at(1), "active"))
                .riskAssessment(new RiskAssessmentRecord(new SourceRef("RiskAssessment", "ra-1"), at(1), "final")));

        assertThat(only("MH-Q01", findings)).isEmpty();
        assertThat(only("MH-Q02", findings)).isEmpty();
    }
}
