package org.mhtrigger.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhtrigger.rules.Fixtures.ADMITTED;
import static org.mhtrigger.rules.Fixtures.DISCHARGED;
import static org.mhtrigger.rules.Fixtures.evaluate;
import static org.mhtrigger.rules.Fixtures.only;
import static org.mhtrigger.rules.Fixtures.sources;
import static org.mhtrigger.rules.Fixtures.stay;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.record.EncounterKind;
import org.mhtrigger.engine.record.LinkedEncounter;
import org.mhtrigger.engine.record.SourceRef;
import org.mhtrigger.engine.screen.Finding;

/** transitions.drl: MH-X01, MH-X02. */
class TransitionsRulesTest {

    private static LinkedEncounter previousStay(String id, int daysBeforeAdmission) {
        var end = ADMITTED.minus(Duration.ofDays(daysBeforeAdmission));
        return new LinkedEncounter(id, EncounterKind.PSYCHIATRIC_INPATIENT, end.minus(Duration.ofDays(14)), end);
    }

    private static LinkedEncounter emergencyAfterDischarge(String id, int days) {
        var start = DISCHARGED.plus(Duration.ofDays(days));
        return new LinkedEncounter(id, EncounterKind.EMERGENCY, start, start.plus(Duration.ofHours(3)));
    }

    @Test
    void readmissionTwelveDaysAfterThePreviousStay_firesOnThisStayPointingAtThePreviousOne() {
        List<Finding> findings = evaluate(stay().encounter(previousStay("prev-1", 12)));

        assertThat(only("MH-X01", findings)).singleElement().satisfies(f -> {
            assertThat(f.record()).isEqualTo("e-1");
            assertThat(f.source()).isEqualTo(new SourceRef("Encounter", "prev-1"));
            assertThat(f.at()).isEqualTo(ADMITTED);
            assertThat(f.evidence())
                    .isEqualTo("Admitted 12 days after the previous inpatient discharge (threshold 30 days)");
        });
    }

    @Test
    void admissionFortyFiveDaysAfterThePreviousStay_doesNotFire() {
        assertThat(only("MH-X01", evaluate(stay().encounter(previousStay("prev-1", 45)))))
                .isEmpty();
    }

    @Test
    void previousAcuteStay_isNotAPsychiatricReadmission() {
        var end = ADMITTED.minus(Duration.ofDays(5));
        var acute = new LinkedEncounter("ac-1", EncounterKind.ACUTE_INPATIENT, end.minus(Duration.ofDays(3)), end);

        assertThat(only("MH-X01", evaluate(stay().encounter(acute)))).isEmpty();
    }

    @Test
    void emergencyVisitFiveDaysAfterDischarge_fires() {
        List<Finding> findings = evaluate(stay().encounter(emergencyAfterDischarge("ed-1", 5)));

        assertThat(sources("MH-X02", findings)).containsExactly("ed-1");
        assertThat(only("MH-C02", findings)).isEmpty();
    }

    @Test
    void emergencyVisitTwentyDaysAfterDischarge_doesNotFire() {
        assertThat(only("MH-X02", evaluate(stay().encounter(emergencyAfterDischarge("ed-1", 20)))))
                .isEmpty();
    }

    @Test
    void emergencyVisitAfterDischargeOfAStayLongerThanTheCap_stillFires() {
        var discharged = ADMITTED.plus(Duration.ofDays(120));
        var start = discharged.plus(Duration.ofDays(2));
        var record = Fixtures.stay(
                        Fixtures.patient(), discharged, org.mhtrigger.engine.record.DischargeDisposition.HOME)
                .encounter(new LinkedEncounter("ed-1", EncounterKind.EMERGENCY, start, start.plusSeconds(3600)));

        assertThat(sources("MH-X02", evaluate(record))).containsExactly("ed-1");
    }
}
