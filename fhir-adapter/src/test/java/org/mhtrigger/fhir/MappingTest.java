package org.mhtrigger.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.record.LabResult;
import org.mhtrigger.engine.record.MedicationEvent;
import org.mhtrigger.engine.record.MedicationEventKind;
import org.mhtrigger.engine.record.Route;
import org.mhtrigger.engine.record.StayRecord;

class MappingTest {
    private static LabResult lab(StayRecord record, String id) {
        return record.labs().stream()
                .filter(l -> l.source().id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static MedicationEvent medication(String id) {
        return Fixtures.read("meds").record("em").medications().stream()
                .filter(m -> m.source().id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no medication " + id));
    }

    @Test
    void lithiumInMilliequivalents_isTheSameInMillimoles() {
        LabResult lithium = lab(Fixtures.read("single").record("e1"), "o-li");

        assertThat(lithium.siValue()).isEqualTo(1.6);
        assertThat(lithium.siUnit()).isEqualTo("mmol/L");
        assertThat(lithium.unit()).isEqualTo("meq/L");
    }

    @Test
    void glucoseInMgPerDecilitre_isDividedBy18_016() {
        LabResult glucose = lab(Fixtures.read("ndjson").record("en"), "o-glu");

        assertThat(glucose.analyte()).isEqualTo("glucose");
        assertThat(glucose.siValue()).isCloseTo(2.50, within(0.005));
        assertThat(glucose.siUnit()).isEqualTo("mmol/L");
        assertThat(glucose.value()).isEqualTo(45.0);
        assertThat(glucose.unit()).isEqualTo("mg/dL");
    }

    @Test
    void creatinineInMgPerDecilitre_isMultipliedBy88_42() {
        LabResult creatinine = lab(Fixtures.read("ndjson").record("en"), "o-cr");

        assertThat(creatinine.siValue()).isEqualTo(221.05);
        assertThat(creatinine.siUnit()).isEqualTo("umol/L");
    }

    @Test
    void analyteWithoutCode_isMatchedByItsDisplay() {
        LabResult lithium = lab(Fixtures.read("clinical").record("ek"), "o-display");

        assertThat(lithium.analyte()).isEqualTo("lithium");
        assertThat(lithium.siValue()).isEqualTo(0.8);
    }

    @Test
    void brandPriadel_isLithium_givenOrallyWithItsDose() {
        MedicationEvent priadel = medication("ma-priadel");

        assertThat(priadel.ingredient()).isEqualTo("lithium");
        assertThat(priadel.route()).isEqualTo(Route.ORAL);
        assertThat(priadel.doseMg()).isEqualTo(400.0);
        assertThat(priadel.kind()).isEqualTo(MedicationEventKind.ADMINISTRATION);
        assertThat(priadel.status()).isEqualTo("completed");
        assertThat(priadel.depot()).isFalse();
    }

    @Test
    void brandClozaril_inAContainedMedication_isClozapine_withGramsAsMilligrams() {
        MedicationEvent clozaril = medication("mr-clozaril");

        assertThat(clozaril.ingredient()).isEqualTo("clozapine");
        assertThat(clozaril.kind()).isEqualTo(MedicationEventKind.ORDER);
        assertThat(clozaril.doseMg()).isEqualTo(100.0);
        assertThat(clozaril.route()).isEqualTo(Route.ORAL);
        assertThat(clozaril.status()).isEqualTo("active");
    }

    @Test
    void brandNarcan_inAReferencedMedication_isNaloxone_givenIntravenously() {
        MedicationEvent narcan = medication("ma-narcan");

        assertThat(narcan.ingredient()).isEqualTo("naloxone");
        assertThat(narcan.route()).isEqualTo(Route.INTRAVENOUS);
        assertThat(narcan.doseMg()).isEqualTo(0.4);
    }

    @Test
    void atcCode_isMatched_andPrnComesFromTheOrderTheAdministrationPointsTo() {
        MedicationEvent haloperidol = medication("ma-halo");

        assertThat(haloperidol.ingredient()).isEqualTo("haloperidol");
        assertThat(haloperidol.route()).isEqualTo(Route.INTRAMUSCULAR);
        assertThat(haloperidol.prn()).isTrue();
        assertThat(medication("mr-halo-prn").prn()).isTrue();
        assertThat(medication("mr-halo-prn").reason()).isEqualTo("acute agitation");
    }

    @Test
    void displayOnly_isMatched_andRouteIsFoundInDosageText() {
        MedicationEvent lorazepam = medication("ma-loraz");

        assertThat(lorazepam.ingredient()).isEqualTo("lorazepam");
        assertThat(lorazepam.route()).isEqualTo(Route.INTRAMUSCULAR);
        assertThat(lorazepam.doseMg()).isNull();
        assertThat(lorazepam.prn()).isFalse();
    }

    @Test
    void decanoate_isADepot() {
        MedicationEvent depot = medication("ma-depot");

        assertThat(depot.ingredient()).isEqualTo("haloperidol");
        assertThat(depot.depot()).isTrue();
        assertThat(depot.route()).isEqualTo(Route.INTRAMUSCULAR);
    }

    @Test
    void prnInDosageText_isPrn() {
        MedicationEvent promethazine = medication("mr-text-prn");

        assertThat(promethazine.ingredient()).isEqualTo("promethazine");
        assertThat(promethazine.prn()).isTrue();
        assertThat(promethazine.route()).isEqualTo(Route.ORAL);
    }

    @Test
    void notDoneAdministration_keepsItsStatus_andEnteredInErrorOrdersAreDropped() {
        var record = Fixtures.read("meds").record("em");

        assertThat(medication("ma-notdone").given()).isFalse();
        assertThat(medication("ma-notdone").ingredient()).isEqualTo("paracetamol");
        assertThat(record.medications()).noneMatch(m -> m.source().id().equals("mr-err"));
        assertThat(record.medications()).hasSize(9);
    }
}
