package org.mhtrigger.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mhtrigger.fhir.ResourceTypes;

/** The search pull and the Bulk Data export take their types and search parameters from the one list. */
class ResourceTypesTest {
    @Test
    void bulkExport_asksForPatientEncounterAndEveryStayType_inTheListsOrder() {
        assertThat(BulkExport.TYPES)
                .isEqualTo("Patient,Encounter,Observation,MedicationAdministration,MedicationRequest,Procedure,"
                        + "Condition,Flag,CarePlan,RiskAssessment,DocumentReference,DiagnosticReport,Composition");
    }

    @Test
    void searchPull_searchesEachStayTypeByItsEncounterParameter_andByItsDates() {
        assertThat(SearchPull.STAY_SEARCHES.keySet())
                .containsExactlyElementsOf(ResourceTypes.STAY.stream()
                        .map(ResourceTypes.StayType::type)
                        .toList());
        assertThat(SearchPull.STAY_SEARCHES)
                .containsEntry("MedicationAdministration", "context")
                .containsEntry("Observation", "encounter");
        assertThat(SearchPull.PATIENT_DATE_SEARCHES)
                .containsEntry("Condition", List.of("onset-date", "recorded-date"))
                .containsEntry("MedicationRequest", List.of("authoredon"))
                .containsEntry("MedicationAdministration", List.of("effective-time"));
        assertThat(SearchPull.PATIENT_DATE_SEARCHES.keySet()).isEqualTo(SearchPull.STAY_SEARCHES.keySet());
    }

    @Test
    void everyPatientType_isPulled_andNoSharedTypeIsAPatientType() {
        assertThat(ResourceTypes.PATIENT).startsWith("Patient", "Encounter").doesNotHaveDuplicates();
        assertThat(ResourceTypes.PATIENT).doesNotContainAnyElementsOf(ResourceTypes.SHARED);
        Map<String, String> searches = SearchPull.STAY_SEARCHES;
        assertThat(ResourceTypes.PATIENT.subList(2, ResourceTypes.PATIENT.size()))
                .containsExactlyElementsOf(searches.keySet());
    }
}
