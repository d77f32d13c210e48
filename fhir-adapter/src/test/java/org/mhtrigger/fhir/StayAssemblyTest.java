package org.mhtrigger.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.record.DischargeDisposition;
import org.mhtrigger.engine.record.EncounterKind;
import org.mhtrigger.engine.record.LabResult;
import org.mhtrigger.engine.record.LinkedEncounter;
import org.mhtrigger.engine.record.Note;
import org.mhtrigger.engine.record.StayRecord;

class StayAssemblyTest {
    private static StayRecord clinical() {
        return Fixtures.read("clinical").record("ek");
    }

    @Test
    void resourcesReferencingTheEncounter_joinTheStay() {
        var record = Fixtures.read("single").record("e1");

        assertThat(record.labs())
                .extracting(LabResult::source)
                .extracting(Object::toString)
                .containsExactly("Observation/o-li");
    }

    @Test
    void resourcesOfThePatientDatedInsideTheStay_joinIt_andThoseOutsideDoNot() {
        var record = clinical();

        assertThat(record.labs()).extracting(l -> l.source().id()).containsExactly("o-display");
        assertThat(record.procedures()).extracting(p -> p.source().id()).containsExactly("pr-1", "pr-2");
    }

    @Test
    void dateOnlyValues_areTheStartOfThatDayInUtc() {
        var record = Fixtures.read("single").record("e1");

        assertThat(record.notes().get(0).time()).isEqualTo(Instant.parse("2024-03-02T00:00:00Z"));
    }

    @Test
    void proceduresConditionsFlagsPlansAndAssessments_areMapped() {
        var record = clinical();

        assertThat(record.procedures())
                .extracting(p -> p.kind(), p -> p.display(), p -> p.end())
                .containsExactly(
                        tuple("restraint", "Physical restraint", Instant.parse("2025-01-03T10:20:00Z")),
                        tuple("seclusion", "Seclusion", null));
        assertThat(record.conditions()).singleElement().satisfies(c -> {
            assertThat(c.icd10()).isEqualTo("X78.0");
            assertThat(c.display()).isEqualTo("Intentional self-harm by sharp object");
        });
        assertThat(record.flags())
                .singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo("absconding"));
        assertThat(record.carePlans())
                .singleElement()
                .satisfies(p -> assertThat(p.status()).isEqualTo("active"));
        assertThat(record.riskAssessments())
                .singleElement()
                .satisfies(r -> assertThat(r.time()).isEqualTo(Instant.parse("2025-01-02T12:00:00Z")));
    }

    @Test
    void compositionAndDiagnosticReportText_becomePlainTextNotes() {
        var record = clinical();

        assertThat(record.notes())
                .extracting(Note::id, Note::type)
                .containsExactly(tuple("dr-1", "incident"), tuple("comp-1", "discharge-summary"));
        assertThat(record.notes().get(0).text()).isEqualTo("Incident: patient found on the floor.\nNo injury.");
        assertThat(record.notes().get(1).text())
                .isEqualTo("Course\nAdmitted with low mood & self-harm.\nTransferred\nto general hospital.");
    }

    @Test
    void stayCarriesWardFromItsLocation_dispositionAndDeath() {
        var record = clinical();

        assertThat(record.stay().ward()).isEqualTo("Cedar Ward");
        assertThat(record.stay().disposition()).isEqualTo(DischargeDisposition.ACUTE_HOSPITAL);
        assertThat(record.patient().deceased()).isEqualTo(Instant.parse("2025-02-01T00:00:00Z"));
    }

    @Test
    void otherEncounters_includeEarlierStaysAndEmergencyVisits() {
        var result = Fixtures.read("clinical");

        assertThat(result.record("ek").otherEncounters())
                .extracting(LinkedEncounter::id, LinkedEncounter::kind)
                .containsExactly(
                        tuple("ek-old", EncounterKind.PSYCHIATRIC_INPATIENT), tuple("ek-ed", EncounterKind.EMERGENCY));
        assertThat(result.record("ek-old").otherEncounters())
                .extracting(LinkedEncounter::id)
                .containsExactly("ek", "ek-ed");
    }

    @Test
    void enteredInErrorCondition_isDropped() {
        assertThat(clinical().conditions()).noneMatch(c -> c.source().id().equals("c-err"));
    }
}
