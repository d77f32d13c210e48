package org.mhtrigger.corpus.internal;

import java.time.format.DateTimeFormatter;

/** The anonymised FHIR Patient of a plan: pseudonym, gender, birth date and (when recorded) death. Stateless. */
public final class PatientResource {
    private PatientResource() {}

    public static Json of(PatientPlan patient) {
        Json resource = Json.object()
                .put("resourceType", "Patient")
                .put("id", patient.patientId())
                .put("meta", syntheticMeta())
                .add(
                        "identifier",
                        Json.object().put("system", "urn:mhtrigger:pseudonym").put("value", patient.pseudonym()))
                .put("gender", patient.male() ? "male" : "female")
                .put("birthDate", patient.birthDate().toString());
        if (patient.deceasedRecorded()) {
            resource.put(
                    "deceasedDateTime",
                    patient.deathDateOnly()
                            ? DateTimeFormatter.ISO_LOCAL_DATE.format(patient.deathTime())
                            : Fhir.instant(patient.deathTime()));
        }
        return resource;
    }

    /** The meta tag that marks a Patient as synthetic, so that no one takes the record for a real person's. */
    public static Json syntheticMeta() {
        return Json.object()
                .add(
                        "tag",
                        Json.object()
                                .put("system", "urn:mhtrigger:corpus")
                                .put("code", "synthetic")
                                .put("display", "Synthetic record - no real patient"));
    }
}
