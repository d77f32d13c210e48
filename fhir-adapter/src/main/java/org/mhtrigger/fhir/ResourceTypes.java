package org.mhtrigger.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The FHIR resource types a stay is read from and pulled as, and how a pull searches for each: the one list the reader,
 * the search pull and the Bulk Data export take their types from. A type added here is pulled, exported and read for
 * its patient. Stateless, thread-safe.
 */
public final class ResourceTypes {
    /**
     * A type of resource that belongs to a stay, with its FHIR R4 search parameters.
     *
     * @param type the resource type, e.g. {@code Observation}
     * @param encounterParameter the search parameter that points at the Encounter ({@code encounter}, or {@code
     *     context} for MedicationAdministration)
     * @param dateParameters the date search parameters searched with {@code patient=} over the stay's period, for the
     *     resources that do not name the Encounter (Condition has two, as either date may be the only one set)
     */
    public record StayType(String type, String encounterParameter, List<String> dateParameters) {
        public StayType {
            Objects.requireNonNull(type, "type must not be null");
            Objects.requireNonNull(encounterParameter, "encounterParameter must not be null");
            dateParameters = List.copyOf(dateParameters);
            if (dateParameters.isEmpty()) {
                throw new IllegalArgumentException(type + " needs at least one date search parameter");
            }
        }
    }

    /** The types that belong to a stay, in the order a pull searches them. */
    public static final List<StayType> STAY = List.of(
            new StayType("Observation", "encounter", List.of("date")),
            new StayType("MedicationAdministration", "context", List.of("effective-time")),
            new StayType("MedicationRequest", "encounter", List.of("authoredon")),
            new StayType("Procedure", "encounter", List.of("date")),
            new StayType("Condition", "encounter", List.of("onset-date", "recorded-date")),
            new StayType("Flag", "encounter", List.of("date")),
            new StayType("CarePlan", "encounter", List.of("date")),
            new StayType("RiskAssessment", "encounter", List.of("date")),
            new StayType("DocumentReference", "encounter", List.of("date")),
            new StayType("DiagnosticReport", "encounter", List.of("date")),
            new StayType("Composition", "encounter", List.of("date")));

    /** Patient, Encounter and the {@link #STAY} types: every type that belongs to one patient. */
    public static final List<String> PATIENT = patientTypes();

    /** Types shared between patients, which a stay refers to: the medication, the ward. */
    public static final List<String> SHARED = List.of("Medication", "Location");

    private ResourceTypes() {}

    private static List<String> patientTypes() {
        List<String> types = new ArrayList<>(List.of("Patient", "Encounter"));
        STAY.forEach(t -> types.add(t.type()));
        return List.copyOf(types);
    }
}
