package org.mhtrigger.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhtrigger.rules.Fixtures.ADMITTED;
import static org.mhtrigger.rules.Fixtures.DISCHARGED;
import static org.mhtrigger.rules.Fixtures.PATIENT;
import static org.mhtrigger.rules.Fixtures.STAY;
import static org.mhtrigger.rules.Fixtures.administration;
import static org.mhtrigger.rules.Fixtures.at;
import static org.mhtrigger.rules.Fixtures.evaluate;
import static org.mhtrigger.rules.Fixtures.given;
import static org.mhtrigger.rules.Fixtures.lab;
import static org.mhtrigger.rules.Fixtures.only;
import static org.mhtrigger.rules.Fixtures.order;
import static org.mhtrigger.rules.Fixtures.patient;
import static org.mhtrigger.rules.Fixtures.sources;
import static org.mhtrigger.rules.Fixtures.stay;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.record.DischargeDisposition;
import org.mhtrigger.engine.record.MedicationEvent;
import org.mhtrigger.engine.record.Route;
import org.mhtrigger.engine.record.Stay;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.engine.screen.Finding;

/** medication.drl: MH-M01 to MH-M09. */
class MedicationRulesTest {

    @Test
    void naloxoneGiven_fires_andNotGiven_doesNot() {
        List<Finding> findings = evaluate(stay().medication(given("nx-1", "naloxone", 0.4, Route.INTRAVENOUS, at(3)))
                .medication(
                        administration("nx-2", "naloxone", 0.4, Route.INTRAVENOUS, "not-done", at(4), false, false)));

        assertThat(only("MH-M01", findings)).singleElement().satisfies(f -> {
            assertThat(f.source().id()).isEqualTo("nx-1");
            assertThat(f.evidence()).isEqualTo("Naloxone 0.4 mg IV given");
        });
    }

    @Test
    void flumazenilGiven_fires_andOtherDrug_doesNot() {
        List<Finding> findings = evaluate(stay().medication(given("f-1", "flumazenil", 0.2, Route.INTRAVENOUS, at(3)))
                .medication(given("l-1", "lorazepam", 1.0, Route.ORAL, at(3))));

        assertThat(sources("MH-M02", findings)).containsExactly("f-1");
    }

    @Test
    void procyclidineNewlyStarted_firesOnTheFirstDoseOnly() {
        List<Finding> findings = evaluate(stay().medication(given("p-1", "procyclidine", 5.0, Route.ORAL, at(3)))
                .medication(given("p-2", "procyclidine", 5.0, Route.ORAL, at(4))));

        assertThat(sources("MH-M03", findings)).containsExactly("p-1");
    }

    @Test
    void procyclidineGivenAsRequired_firesEachTime() {
        List<Finding> findings = evaluate(stay().medication(administration(
                        "p-1", "procyclidine", 5.0, Route.INTRAMUSCULAR, "completed", at(3), true, false))
                .medication(administration(
                        "p-2", "procyclidine", 5.0, Route.INTRAMUSCULAR, "completed", at(5), true, false)));

        assertThat(sources("MH-M03", findings)).containsExactlyInAnyOrder("p-1", "p-2");
    }

    @Test
    void procyclidineOrderedBeforeAdmission_doesNotFire() {
        List<Finding> findings = evaluate(stay().medication(order("po-1", "procyclidine", "active", at(-10)))
                .medication(given("p-1", "procyclidine", 5.0, Route.ORAL, at(1))));

        assertThat(only("MH-M03", findings)).isEmpty();
    }

    @Test
    void lowSystolicPressureRespiratoryRateAndGcs_fire() {
        List<Finding> findings = evaluate(stay().lab(lab("bp-1", "systolic-bp", 85, "mm[Hg]", at(2)))
                .lab(lab("rr-1", "respiratory-rate", 8, "/min", at(2)))
                .lab(lab("gcs-1", "gcs", 9, "{score}", at(2))));

        // docs/spec/triggers.md: "GCS 9" is oversedation
        assertThat(sources("MH-M04", findings)).containsExactlyInAnyOrder("bp-1", "rr-1", "gcs-1");
    }

    @Test
    void normalSystolicPressureRespiratoryRateAndGcs_doNotFire() {
        List<Finding> findings = evaluate(stay().lab(lab("bp-1", "systolic-bp", 90, "mm[Hg]", at(2)))
                .lab(lab("rr-1", "respiratory-rate", 10, "/min", at(2)))
                .lab(lab("gcs-1", "gcs", 10, "{score}", at(2))));

        assertThat(only("MH-M04", findings)).isEmpty();
    }

    @Test
    void clozapineOrderStopped_fires_andWithheldLithium_fires() {
        List<Finding> findings = evaluate(stay().medication(order("o-1", "clozapine", "stopped", at(5)))
                .medication(order("o-2", "lithium", "on-hold", at(6)))
                .medication(order("o-3", "valproate", "stopped", at(7))));

        assertThat(sources("MH-M05", findings)).containsExactlyInAnyOrder("o-1", "o-2", "o-3");
    }

    @Test
    void stoppedOrderReplacedByANewDose_andCancelledOrder_doNotFire() {
        List<Finding> findings = evaluate(stay().medication(order("o-1", "lithium", "stopped", at(5)))
                .medication(order("o-2", "lithium", "active", at(5)))
                .medication(order("o-3", "clozapine", "cancelled", at(6)))
                .medication(order("o-4", "quetiapine", "stopped", at(6))));

        assertThat(only("MH-M05", findings)).isEmpty();
    }

    @Test
    void laxativeNewlyGivenOnClozapine_fires() {
        List<Finding> findings = evaluate(stay().medication(given("cz-1", "clozapine", 100.0, Route.ORAL, at(1)))
                .medication(given("lx-1", "senna", 15.0, Route.ORAL, at(6)))
                .medication(given("lx-2", "senna", 15.0, Route.ORAL, at(7))));

        assertThat(sources("MH-M06", findings)).containsExactly("lx-1");
    }

    @Test
    void laxativeWithoutClozapine_doesNotFire() {
        assertThat(only("MH-M06", evaluate(stay().medication(given("lx-1", "lactulose", null, Route.ORAL, at(6))))))
                .isEmpty();
    }

    @Test
    void antiemeticNewlyGiven_fires_andContinuingOrder_doesNot() {
        List<Finding> findings = evaluate(stay().medication(given("ae-1", "cyclizine", 50.0, Route.ORAL, at(2)))
                .medication(order("ao-1", "ondansetron", "active", at(-3)))
                .medication(given("ae-2", "ondansetron", 4.0, Route.ORAL, at(2))));

        assertThat(sources("MH-M07", findings)).containsExactly("ae-1");
    }

    @Test
    void antipsychoticsSummingTo110PercentOnOneDay_fire() {
        List<Finding> findings = evaluate(stay().medication(given("h-1", "haloperidol", 10.0, Route.ORAL, at(2)))
                .medication(given("h-2", "haloperidol", 10.0, Route.INTRAMUSCULAR, at(2.2)))
                .medication(given("o-1", "olanzapine", 2.0, Route.ORAL, at(2.3))));

        assertThat(only("MH-M08", findings)).singleElement().satisfies(f -> {
            assertThat(f.source().id()).isEqualTo("o-1");
            assertThat(f.evidence())
                    .isEqualTo("Antipsychotics given on 2026-03-03: haloperidol 10 mg (50%) + haloperidol 10 mg"
                            + " (50%) + olanzapine 2 mg (10%) = 110% of maximum (threshold > 100%)");
        });
    }

    @Test
    void dailyTotals_followTheWardsCalendarDay_notUtc() {
        // admitted 10:00Z; doses at 23:00Z on day 2 and 02:00Z on day 3 are one morning on a ward at +08:00
        Stay utc = new Stay(STAY, PATIENT, ADMITTED, DISCHARGED, "Ward 1", DischargeDisposition.HOME);
        Stay singapore = new Stay(
                STAY, PATIENT, ADMITTED, DISCHARGED, "Ward 1", DischargeDisposition.HOME, ZoneOffset.ofHours(8));
        MedicationEvent evening = given("h-1", "haloperidol", 15.0, Route.ORAL, Instant.parse("2026-03-02T23:00:00Z"));
        MedicationEvent morning = given("h-2", "haloperidol", 10.0, Route.ORAL, Instant.parse("2026-03-03T02:00:00Z"));

        List<Finding> inUtc =
                evaluate(StayRecord.builder(patient(), utc).medication(evening).medication(morning));
        List<Finding> local = evaluate(
                StayRecord.builder(patient(), singapore).medication(evening).medication(morning));

        assertThat(only("MH-M08", inUtc)).isEmpty();
        assertThat(only("MH-M08", local))
                .singleElement()
                .satisfies(
                        f -> assertThat(f.evidence())
                                .startsWith(
                                        "Antipsychotics given on 2026-03-03: haloperidol 15 mg (75%) + haloperidol 10 mg (50%)"));
    }

    @Test
    void antipsychoticsSummingToExactly100Percent_doNotFire() {
        List<Finding> findings = evaluate(stay().medication(given("h-1", "haloperidol", 10.0, Route.ORAL, at(2)))
                .medication(given("q-1", "quetiapine", 375.0, Route.ORAL, at(2.2))));

        assertThat(only("MH-M08", findings)).isEmpty();
    }

    @Test
    void depotsAndDosesOnOtherDays_doNotCountTowardsTheDailyTotal() {
        List<Finding> findings = evaluate(stay().medication(given("h-1", "haloperidol", 20.0, Route.ORAL, at(2)))
                .medication(administration(
                        "h-2", "haloperidol", 100.0, Route.INTRAMUSCULAR, "completed", at(2.1), false, true))
                .medication(given("h-3", "haloperidol", 20.0, Route.ORAL, at(3))));

        assertThat(only("MH-M08", findings)).isEmpty();
    }

    @Test
    void clozapineLithiumAntiepilepticOrInsulinNotGiven_fires() {
        List<Finding> findings = evaluate(stay().medication(
                        administration("d-1", "clozapine", 200.0, Route.ORAL, "not-done", at(2), false, false))
                .medication(administration("d-2", "insulin", null, Route.SUBCUTANEOUS, "not-done", at(2), false, false))
                .medication(administration("d-3", "lamotrigine", 100.0, Route.ORAL, "not-done", at(2), false, false)));

        assertThat(sources("MH-M09", findings)).containsExactlyInAnyOrder("d-1", "d-2", "d-3");
    }

    @Test
    void otherDrugNotGiven_orClozapineGiven_doesNotFire() {
        List<Finding> findings = evaluate(
                stay().medication(administration("d-1", "senna", 15.0, Route.ORAL, "not-done", at(2), false, false))
                        .medication(given("d-2", "clozapine", 200.0, Route.ORAL, at(2))));

        assertThat(only("MH-M09", findings)).isEmpty();
    }
}
