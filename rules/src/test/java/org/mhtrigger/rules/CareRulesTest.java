package org.mhtrigger.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhtrigger.rules.Fixtures.DISCHARGED;
import static org.mhtrigger.rules.Fixtures.at;
import static org.mhtrigger.rules.Fixtures.evaluate;
import static org.mhtrigger.rules.Fixtures.given;
import static org.mhtrigger.rules.Fixtures.only;
import static org.mhtrigger.rules.Fixtures.sources;
import static org.mhtrigger.rules.Fixtures.stay;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.record.ConditionRecord;
import org.mhtrigger.engine.record.DischargeDisposition;
import org.mhtrigger.engine.record.EncounterKind;
import org.mhtrigger.engine.record.LinkedEncounter;
import org.mhtrigger.engine.record.Patient;
import org.mhtrigger.engine.record.ProcedureRecord;
import org.mhtrigger.engine.record.Route;
import org.mhtrigger.engine.record.SourceRef;
import org.mhtrigger.engine.screen.Finding;

/** care.drl: MH-C02, MH-C03, MH-C04, MH-C06, MH-C08. */
class CareRulesTest {

    private static ConditionRecord condition(String id, String icd10, Instant time) {
        return new ConditionRecord(new SourceRef("Condition", id), icd10, "", "test condition", time);
    }

    @Test
    void emergencyEncounterDuringTheStay_fires() {
        List<Finding> findings =
                evaluate(stay().encounter(new LinkedEncounter("ed-1", EncounterKind.EMERGENCY, at(4), at(4.2)))
                        .encounter(new LinkedEncounter("ac-1", EncounterKind.ACUTE_INPATIENT, at(6), at(8))));

        assertThat(only("MH-C02", findings))
                .extracting(Finding::source)
                .containsExactlyInAnyOrder(new SourceRef("Encounter", "ed-1"), new SourceRef("Encounter", "ac-1"));
    }

    @Test
    void outpatientEncounterDuringTheStay_andDischargeHome_doNotFire() {
        List<Finding> findings =
                evaluate(stay().encounter(new LinkedEncounter("op-1", EncounterKind.OTHER, at(4), at(4.1))));

        assertThat(only("MH-C02", findings)).isEmpty();
    }

    @Test
    void dischargeToAnAcuteHospital_fires_andToAnotherPsychiatricUnit_doesNot() {
        var acute = Fixtures.stay(Fixtures.patient(), DISCHARGED, DischargeDisposition.ACUTE_HOSPITAL);
        var psychiatric = Fixtures.stay(Fixtures.patient(), DISCHARGED, DischargeDisposition.PSYCHIATRIC_UNIT);

        assertThat(only("MH-C02", evaluate(acute))).singleElement().satisfies(f -> {
            assertThat(f.source()).isEqualTo(new SourceRef("Encounter", "e-1"));
            assertThat(f.at()).isEqualTo(DISCHARGED);
        });
        assertThat(only("MH-C02", evaluate(psychiatric))).isEmpty();
    }

    @Test
    void resuscitationProcedure_fires_andOtherProcedure_doesNot() {
        List<Finding> findings = evaluate(stay().procedure(new ProcedureRecord(
                        new SourceRef("Procedure", "cpr-1"),
                        "resuscitation",
                        "cardiopulmonary resuscitation",
                        at(3),
                        null,
                        "completed"))
                .procedure(new ProcedureRecord(
                        new SourceRef("Procedure", "x-1"), "other", "venepuncture", at(3), null, "completed")));

        assertThat(sources("MH-C03", findings)).containsExactly("cpr-1");
    }

    @Test
    void firstAntibioticGivenMoreThan48HoursAfterAdmission_fires() {
        List<Finding> findings = evaluate(stay().medication(given("ab-1", "amoxicillin", 500.0, Route.ORAL, at(5)))
                .medication(given("ab-2", "amoxicillin", 500.0, Route.ORAL, at(5.3))));

        assertThat(sources("MH-C04", findings)).containsExactly("ab-1");
    }

    @Test
    void antibioticStartedWithin48Hours_doesNotFire_norDoesTheLaterInfection() {
        List<Finding> findings = evaluate(stay().medication(given("ab-1", "trimethoprim", 200.0, Route.ORAL, at(1)))
                .medication(given("ab-2", "trimethoprim", 200.0, Route.ORAL, at(4)))
                .condition(condition("c-1", "N39.0", at(3))));

        assertThat(only("MH-C04", findings)).isEmpty();
    }

    @Test
    void aNewAntibioticForALaterInfection_fires_afterOneStartedOnAdmission() {
        // a urinary infection treated from 47 h, then a chest infection on day 5 treated with another antibiotic
        List<Finding> findings = evaluate(stay().medication(given("ab-1", "trimethoprim", 200.0, Route.ORAL, at(1.95)))
                .medication(given("ab-2", "trimethoprim", 200.0, Route.ORAL, at(3)))
                .medication(given("ab-3", "amoxicillin", 500.0, Route.ORAL, at(5)))
                .medication(given("ab-4", "amoxicillin", 500.0, Route.ORAL, at(5.3))));

        assertThat(sources("MH-C04", findings)).containsExactly("ab-3");
    }

    @Test
    void infectionDiagnosedMoreThan48HoursAfterAdmission_fires_andOnAdmission_doesNot() {
        List<Finding> findings = evaluate(stay().condition(condition("c-1", "J18.9", at(6)))
                .condition(condition("c-2", "L03.1", at(1)))
                .condition(condition("c-3", "F20.0", at(6))));

        assertThat(sources("MH-C04", findings)).containsExactly("c-1");
    }

    @Test
    void deathWithin30DaysAfterDischarge_fires() {
        var record = Fixtures.stay(
                new Patient("p-1", "male", null, DISCHARGED.plusSeconds(86_400 * 12)),
                DISCHARGED,
                DischargeDisposition.HOME);

        assertThat(only("MH-C06", evaluate(record)))
                .singleElement()
                .satisfies(f -> assertThat(f.source()).isEqualTo(new SourceRef("Patient", "p-1")));
    }

    @Test
    void deathMoreThan30DaysAfterDischarge_doesNotFire() {
        var record = Fixtures.stay(
                new Patient("p-1", "male", null, DISCHARGED.plusSeconds(86_400 * 31)),
                DISCHARGED,
                DischargeDisposition.HOME);

        assertThat(only("MH-C06", evaluate(record))).isEmpty();
    }

    @Test
    void dischargeDispositionDied_fires() {
        var record = Fixtures.stay(Fixtures.patient(), DISCHARGED, DischargeDisposition.DIED);

        assertThat(only("MH-C06", evaluate(record)))
                .singleElement()
                .satisfies(f -> assertThat(f.at()).isEqualTo(DISCHARGED));
    }

    @Test
    void buccalMidazolamAndRectalDiazepam_fire_butOralDiazepam_doesNot() {
        List<Finding> findings = evaluate(stay().medication(given("m-1", "midazolam", 10.0, Route.BUCCAL, at(3)))
                .medication(given("d-1", "diazepam", 10.0, Route.RECTAL, at(4)))
                .medication(given("d-2", "diazepam", 5.0, Route.ORAL, at(5))));

        assertThat(sources("MH-C08", findings)).containsExactlyInAnyOrder("m-1", "d-1");
    }
}
