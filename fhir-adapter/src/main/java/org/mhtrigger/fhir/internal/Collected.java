package org.mhtrigger.fhir.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mhtrigger.engine.record.DischargeDisposition;
import org.mhtrigger.engine.record.EncounterKind;
import org.mhtrigger.engine.record.Patient;
import org.mhtrigger.engine.record.SourceRef;

/**
 * What one read has extracted so far, free of HAPI types, waiting to be assembled into stays. Not thread-safe: one
 * per read.
 */
public final class Collected {
    final Map<String, PatientInfo> patients = new LinkedHashMap<>();
    final Map<String, EncounterInfo> encounters = new LinkedHashMap<>();
    final List<Fact> facts = new ArrayList<>();
    /** Medication key → its code and names, for references from MedicationRequest and MedicationAdministration. */
    final Map<String, Concept> medications = new HashMap<>();
    /** MedicationRequest key → whether it is PRN, for administrations that point to their order. */
    final Map<String, Boolean> prnOrders = new HashMap<>();
    /** Location key → name. */
    final Map<String, String> locations = new HashMap<>();
    /** Bundle fullUrl → {@code Type/id}. */
    final Map<String, String> aliases = new HashMap<>();

    /** A {@code Type/id} key for a reference key, following Bundle fullUrls. */
    String resolve(String key) {
        if (key == null) {
            return null;
        }
        return aliases.getOrDefault(key, key);
    }

    /** The Patient id a reference key points to, or {@code null}. */
    String patientId(String key) {
        String resolved = resolve(key);
        if (resolved == null || !resolved.startsWith("Patient/")) {
            return null;
        }
        return resolved.substring("Patient/".length());
    }

    /**
     * @param identifiers direct identifiers found (kind → count), empty when none or when stripped
     */
    /**
     * A patient as read.
     *
     * @param names the parts of the patient's names (given, family) that were stripped from the resource, kept only
     *     to take them out of the patient's notes too; empty unless identifiers are being stripped
     */
    record PatientInfo(
            Patient patient,
            String origin,
            Map<String, Integer> identifiers,
            boolean deceasedWithoutDate,
            List<String> names) {}

    record EncounterInfo(
            String id,
            String subject,
            EncounterKind kind,
            String status,
            Instant start,
            Instant end,
            String ward,
            String locationKey,
            DischargeDisposition disposition,
            String origin,
            Map<String, Integer> identifiers,
            java.time.ZoneOffset offset) {}

    /**
     * One thing that may join a stay: a note, a lab result, a medication event, …
     *
     * @param subject reference key of the patient, or {@code null}
     * @param encounter reference key of the encounter, or {@code null}
     * @param time the fact's own date, or {@code null} (it then takes the stay's admission when joined by reference)
     * @param draft builds the engine record once the time and the other resources are known
     */
    record Fact(
            SourceRef source,
            String origin,
            String subject,
            String encounter,
            Instant time,
            Map<String, Integer> identifiers,
            Draft draft) {}

    /** Builds the engine record of a fact; throws {@link org.mhtrigger.engine.InvalidRecordException} if it cannot. */
    @FunctionalInterface
    interface Draft {
        Object build(Instant time, Collected collected);
    }
}
