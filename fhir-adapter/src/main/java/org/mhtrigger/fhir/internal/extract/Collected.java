package org.mhtrigger.fhir.internal.extract;

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
import org.mhtrigger.fhir.internal.mapping.Concept;

/**
 * What one read (or one group of patients of a split read) has extracted so far, free of HAPI types, waiting to be
 * assembled into stays. Not thread-safe: one per read or group.
 *
 * <p>A group's resources that belong to no patient (Medication, Location) are collected once for the whole read in a
 * shared instance that every group's lookups fall back to.
 */
public final class Collected {
    private final Collected shared;
    final Map<String, PatientInfo> patients = new LinkedHashMap<>();
    public final Map<String, EncounterInfo> encounters = new LinkedHashMap<>();
    public final List<Fact> facts = new ArrayList<>();
    /** Medication key → its code and names, for references from MedicationRequest and MedicationAdministration. */
    final Map<String, Concept> medications = new HashMap<>();
    /** MedicationRequest key → whether it is PRN, for administrations that point to their order. */
    final Map<String, Boolean> prnOrders = new HashMap<>();
    /** Location key → name. */
    final Map<String, String> locations = new HashMap<>();
    /** Bundle fullUrl → {@code Type/id}. */
    public final Map<String, String> aliases = new HashMap<>();
    /**
     * {@code Encounter/id} keys read from two sources for two different patients: such a stay is refused, as no one
     * can tell whose the resources that reference it are.
     */
    public final java.util.Set<String> conflicts = new java.util.HashSet<>();
    /**
     * {@code Type/id} keys of other resources read for two different patients → the two sources: every stay such a
     * resource would join is refused, so that no patient's record holds another's result.
     */
    public final Map<String, String> claimedTwice = new HashMap<>();

    /** A collection of its own, with nothing to fall back to. */
    public Collected() {
        this(null);
    }

    /** A group's collection whose lookups fall back to {@code shared} (may be {@code null}). */
    public Collected(Collected shared) {
        this.shared = shared;
    }

    /** A {@code Type/id} key for a reference key, following Bundle fullUrls. */
    public String resolve(String key) {
        if (key == null) {
            return null;
        }
        String alias = aliases.get(key);
        if (alias == null && shared != null) {
            alias = shared.aliases.get(key);
        }
        return alias == null ? key : alias;
    }

    /** The concept of a Medication by its {@code Type/id} key, or {@code null}. */
    Concept medication(String key) {
        Concept concept = medications.get(key);
        return concept == null && shared != null ? shared.medications.get(key) : concept;
    }

    /** The name of a Location by its {@code Type/id} key, or {@code null}. */
    String location(String key) {
        String name = locations.get(key);
        return name == null && shared != null ? shared.locations.get(key) : name;
    }

    /** The Patient id a reference key points to, or {@code null}. */
    public String patientId(String key) {
        String resolved = resolve(key);
        if (resolved == null || !resolved.startsWith("Patient/")) {
            return null;
        }
        return resolved.substring("Patient/".length());
    }

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

    public record EncounterInfo(
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
    public record Fact(
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
