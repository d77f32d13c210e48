package org.mhtrigger.engine.record;

import java.util.List;

/**
 * One record for review: an inpatient stay and everything attached to it or dated inside it, plus the patient's
 * other encounters. Immutable, thread-safe; lists are defensive copies.
 */
public record StayRecord(
        Patient patient,
        Stay stay,
        List<LinkedEncounter> otherEncounters,
        List<Note> notes,
        List<LabResult> labs,
        List<MedicationEvent> medications,
        List<ProcedureRecord> procedures,
        List<ConditionRecord> conditions,
        List<FlagRecord> flags,
        List<CarePlanRecord> carePlans,
        List<RiskAssessmentRecord> riskAssessments) {
    public StayRecord {
        Checks.require(patient, "patient");
        Checks.require(stay, "stay");
        if (!patient.id().equals(stay.patientId())) {
            throw new IllegalArgumentException(
                    "stay " + stay.encounterId() + " belongs to patient " + stay.patientId() + ", not " + patient.id());
        }
        otherEncounters = List.copyOf(otherEncounters);
        notes = List.copyOf(notes);
        labs = List.copyOf(labs);
        medications = List.copyOf(medications);
        procedures = List.copyOf(procedures);
        conditions = List.copyOf(conditions);
        flags = List.copyOf(flags);
        carePlans = List.copyOf(carePlans);
        riskAssessments = List.copyOf(riskAssessments);
    }

    /** The record key: the Encounter's logical id. */
    public String id() {
        return stay.encounterId();
    }

    /** A record with only a patient and a stay; add the rest with the {@code with…} methods or the builder. */
    public static Builder builder(Patient patient, Stay stay) {
        return new Builder(patient, stay);
    }

    /** Collects the parts of a {@link StayRecord}. Not thread-safe. */
    public static final class Builder {
        private final Patient patient;
        private final Stay stay;
        private final java.util.ArrayList<LinkedEncounter> otherEncounters = new java.util.ArrayList<>();
        private final java.util.ArrayList<Note> notes = new java.util.ArrayList<>();
        private final java.util.ArrayList<LabResult> labs = new java.util.ArrayList<>();
        private final java.util.ArrayList<MedicationEvent> medications = new java.util.ArrayList<>();
        private final java.util.ArrayList<ProcedureRecord> procedures = new java.util.ArrayList<>();
        private final java.util.ArrayList<ConditionRecord> conditions = new java.util.ArrayList<>();
        private final java.util.ArrayList<FlagRecord> flags = new java.util.ArrayList<>();
        private final java.util.ArrayList<CarePlanRecord> carePlans = new java.util.ArrayList<>();
        private final java.util.ArrayList<RiskAssessmentRecord> riskAssessments = new java.util.ArrayList<>();

        private Builder(Patient patient, Stay stay) {
            this.patient = patient;
            this.stay = stay;
        }

        public Builder encounter(LinkedEncounter value) {
            otherEncounters.add(value);
            return this;
        }

        public Builder note(Note value) {
            notes.add(value);
            return this;
        }

        public Builder lab(LabResult value) {
            labs.add(value);
            return this;
        }

        public Builder medication(MedicationEvent value) {
            medications.add(value);
            return this;
        }

        public Builder procedure(ProcedureRecord value) {
            procedures.add(value);
            return this;
        }

        public Builder condition(ConditionRecord value) {
            conditions.add(value);
            return this;
        }

        public Builder flag(FlagRecord value) {
            flags.add(value);
            return this;
        }

        public Builder carePlan(CarePlanRecord value) {
            carePlans.add(value);
            return this;
        }

        public Builder riskAssessment(RiskAssessmentRecord value) {
            riskAssessments.add(value);
            return this;
        }

        public StayRecord build() {
            return new StayRecord(
                    patient,
                    stay,
                    otherEncounters,
                    notes,
                    labs,
                    medications,
                    procedures,
                    conditions,
                    flags,
                    carePlans,
                    riskAssessments);
        }
    }
}
