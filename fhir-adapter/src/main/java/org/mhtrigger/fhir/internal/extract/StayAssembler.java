package org.mhtrigger.fhir.internal.extract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.mhtrigger.engine.InvalidRecordException;
import org.mhtrigger.engine.record.CarePlanRecord;
import org.mhtrigger.engine.record.ConditionRecord;
import org.mhtrigger.engine.record.EncounterKind;
import org.mhtrigger.engine.record.FlagRecord;
import org.mhtrigger.engine.record.LabResult;
import org.mhtrigger.engine.record.LinkedEncounter;
import org.mhtrigger.engine.record.MedicationEvent;
import org.mhtrigger.engine.record.Note;
import org.mhtrigger.engine.record.Patient;
import org.mhtrigger.engine.record.ProcedureRecord;
import org.mhtrigger.engine.record.RiskAssessmentRecord;
import org.mhtrigger.engine.record.SourceRef;
import org.mhtrigger.engine.record.Stay;
import org.mhtrigger.engine.record.StayRecord;

/**
 * Joins collected facts to stays once all input is read. Not thread-safe: one per read.
 *
 * <p>A record is a finished psychiatric inpatient Encounter with a period start and end. A fact joins it when it
 * references the Encounter, or when it references no other psychiatric stay, belongs to the same patient and is dated
 * inside the stay (both ends included). A record whose patient or joined resources carry direct identifiers is
 * refused, naming the kinds found, never the values.
 */
public final class StayAssembler {
    /** A fact with the time it is sorted by. */
    private record Ordered(Collected.Fact fact, Instant time) {}

    /** In time order, then by {@code Type/id} as written, compared without building the strings. */
    private static final Comparator<Ordered> ORDER =
            Comparator.comparing(Ordered::time).thenComparing(o -> o.fact().source(), SourceRef.BY_TEXT);

    private final Collected collected;
    private final Reporter reporter;

    public StayAssembler(Collected collected, Reporter reporter) {
        this.collected = collected;
        this.reporter = reporter;
    }

    /**
     * Builds the records in the order their Encounters were read, passing each to {@code sink}.
     *
     * @param nextStay run before each Encounter is assembled (or passed over), before anything it reports
     */
    public void assemble(Runnable nextStay, Consumer<StayRecord> sink) {
        Map<String, List<Collected.Fact>> byEncounter = new HashMap<>();
        Map<String, List<Collected.Fact>> byPatient = new HashMap<>();
        for (Collected.Fact fact : collected.facts) {
            String encounter = collected.resolve(fact.encounter());
            Collected.EncounterInfo target = encounter == null ? null : collected.encounters.get(encounter);
            if (target != null && target.kind() == EncounterKind.PSYCHIATRIC_INPATIENT) {
                byEncounter.computeIfAbsent(encounter, k -> new ArrayList<>()).add(fact);
                continue;
            }
            String patient = collected.patientId(fact.subject());
            if (patient == null && target != null) {
                patient = collected.patientId(target.subject());
            }
            if (patient != null) {
                byPatient.computeIfAbsent(patient, k -> new ArrayList<>()).add(fact);
            }
        }
        Map<String, List<Collected.EncounterInfo>> encountersByPatient = new HashMap<>();
        for (Collected.EncounterInfo encounter : collected.encounters.values()) {
            String patient = collected.patientId(encounter.subject());
            if (patient != null) {
                encountersByPatient
                        .computeIfAbsent(patient, k -> new ArrayList<>())
                        .add(encounter);
            }
        }
        Set<String> missingPatientsWarned = new HashSet<>();
        for (Map.Entry<String, Collected.EncounterInfo> entry : collected.encounters.entrySet()) {
            nextStay.run();
            assembleStay(
                    entry.getKey(),
                    entry.getValue(),
                    byEncounter,
                    byPatient,
                    encountersByPatient,
                    missingPatientsWarned,
                    sink);
        }
    }

    /**
     * One Encounter's record, if it is a closed psychiatric stay that may be screened, to {@code sink}; else the reason
     * it is not, to the reporter. A method of its own, so that the compiler compiles it once, as a method, rather than
     * the loop over all stays while it runs (on-stack replacement), which it did several times in a read.
     */
    private void assembleStay(
            String key,
            Collected.EncounterInfo encounter,
            Map<String, List<Collected.Fact>> byEncounter,
            Map<String, List<Collected.Fact>> byPatient,
            Map<String, List<Collected.EncounterInfo>> encountersByPatient,
            Set<String> missingPatientsWarned,
            Consumer<StayRecord> sink) {
        if (encounter.kind() != EncounterKind.PSYCHIATRIC_INPATIENT) {
            return;
        }
        String name = "Encounter/" + encounter.id();
        if (collected.conflicts.contains(key)) {
            return; // refused, in one line naming both sources, when the second copy was read
        }
        String patientId = collected.patientId(encounter.subject());
        if (patientId == null) {
            reporter.rejected(encounter.origin(), name + " skipped: no Patient subject");
            return;
        }
        if (!"finished".equals(encounter.status()) || encounter.end() == null) {
            reporter.rejected(encounter.origin(), name + " skipped: stay not closed");
            return;
        }
        if (encounter.start() == null) {
            reporter.rejected(encounter.origin(), name + " skipped: stay has no period start");
            return;
        }
        if (encounter.end().isBefore(encounter.start())) {
            reporter.rejected(encounter.origin(), name + " skipped: period ends before it starts");
            return;
        }
        Collected.PatientInfo patientInfo = collected.patients.get(patientId);
        if (patientInfo == null && missingPatientsWarned.add(patientId)) {
            reporter.warning(
                    encounter.origin(),
                    name + ": Patient/" + patientId + " is not in the input; sex and birth date unknown");
        }
        if (patientInfo != null && patientInfo.deceasedWithoutDate() && missingPatientsWarned.add(patientId)) {
            reporter.warning(
                    patientInfo.origin(), "Patient/" + patientId + " is deceased without a date; death not used");
        }
        Patient patient = patientInfo == null ? new Patient(patientId, null, null, null) : patientInfo.patient();
        String ward = encounter.ward();
        if (ward.isEmpty() && encounter.locationKey() != null) {
            String wardName = collected.location(collected.resolve(encounter.locationKey()));
            ward = wardName == null ? "" : wardName;
        }
        Stay stay = new Stay(
                encounter.id(),
                patientId,
                encounter.start(),
                encounter.end(),
                ward,
                encounter.disposition(),
                encounter.offset());
        List<Collected.Fact> joined = new ArrayList<>();
        for (Collected.Fact fact : byEncounter.getOrDefault(key, List.of())) {
            joined.add(fact);
        }
        for (Collected.Fact fact : byPatient.getOrDefault(patientId, List.of())) {
            if (stay.contains(fact.time())) {
                joined.add(fact);
            }
        }
        String claimed = claimedTwice(joined);
        if (claimed != null) {
            reporter.rejected(encounter.origin(), name + " refused: " + claimed);
            return;
        }
        Map<String, Map<String, Integer>> identifiers = new LinkedHashMap<>();
        if (patientInfo != null && !patientInfo.identifiers().isEmpty()) {
            identifiers.put("Patient/" + patientId, patientInfo.identifiers());
        }
        if (!encounter.identifiers().isEmpty()) {
            identifiers.put(name, encounter.identifiers());
        }
        for (Collected.Fact fact : joined) {
            if (!fact.identifiers().isEmpty()) {
                identifiers.putIfAbsent(fact.source().toString(), fact.identifiers());
            }
        }
        if (!identifiers.isEmpty()) {
            reporter.rejected(
                    encounter.origin(),
                    name + " refused: " + describe(identifiers)
                            + " (not anonymised; use --strip-identifiers to remove them)");
            return;
        }
        StayRecord.Builder builder = StayRecord.builder(patient, stay);
        for (Collected.EncounterInfo other : encountersByPatient.getOrDefault(patientId, List.of())) {
            if (other != encounter && other.start() != null && !"cancelled".equals(other.status())) {
                Instant end = other.end() != null && other.end().isBefore(other.start()) ? null : other.end();
                builder.encounter(new LinkedEncounter(other.id(), other.kind(), other.start(), end));
            }
        }
        List<Ordered> ordered = new ArrayList<>(joined.size());
        for (Collected.Fact fact : joined) {
            ordered.add(new Ordered(fact, fact.time() == null ? stay.admitted() : fact.time()));
        }
        ordered.sort(ORDER);
        for (Ordered next : ordered) {
            Collected.Fact fact = next.fact();
            Instant time = next.time();
            try {
                Object part = fact.draft().build(time, collected);
                if (part instanceof Note note
                        && patientInfo != null
                        && !patientInfo.names().isEmpty()) {
                    part = withoutNames(note, patientInfo.names());
                }
                add(builder, part);
            } catch (InvalidRecordException e) {
                reporter.rejected(e.source(), e.reason());
            } catch (IllegalArgumentException | NullPointerException e) {
                // engine records validate their fields; their messages name fields, not patient data
                reporter.rejected(fact.origin(), fact.source() + ": " + e.getMessage());
            } catch (RuntimeException e) {
                // one bad value rejects its resource; the message may echo input, so only its kind is shown
                reporter.rejected(
                        fact.origin(),
                        fact.source() + ": cannot be read (" + e.getClass().getSimpleName() + ")");
            }
        }
        StayRecord record;
        try {
            record = builder.build();
        } catch (RuntimeException e) {
            reporter.rejected(
                    encounter.origin(),
                    name + " refused: cannot be assembled (" + e.getClass().getSimpleName() + ")");
            return;
        }
        if (encounter.end().isAfter(Instant.now().plus(java.time.Duration.ofDays(1)))) {
            reporter.warning(
                    encounter.origin(),
                    name + " ends in the future ("
                            + encounter.end().atZone(java.time.ZoneOffset.UTC).toLocalDate()
                            + "): check the dates; screened as given");
        }
        sink.accept(record);
    }

    /** Why a stay is refused because one of its resources was read for two patients, or {@code null}. */
    private String claimedTwice(List<Collected.Fact> joined) {
        if (collected.claimedTwice.isEmpty()) {
            return null;
        }
        for (Collected.Fact fact : joined) {
            String key = fact.source().toString();
            String sources = collected.claimedTwice.get(key);
            if (sources != null) {
                return key + " is read for two different patients (" + sources + "); the stays are not merged";
            }
        }
        return null;
    }

    /** The note with the patient's own names replaced by "[name]", each replacement counted as stripped. */
    private Note withoutNames(Note note, List<String> names) {
        String text = note.text();
        int replaced = 0;
        for (String name : names) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                            "(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(name) + "(?![\\p{L}\\p{N}])",
                            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE)
                    .matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, "[name]");
                replaced++;
            }
            m.appendTail(out);
            text = out.toString();
        }
        if (replaced == 0) {
            return note;
        }
        reporter.stripped(replaced);
        return new Note(note.source(), note.type(), note.time(), text);
    }

    private static void add(StayRecord.Builder builder, Object part) {
        switch (part) {
            case Note note -> builder.note(note);
            case LabResult lab -> builder.lab(lab);
            case MedicationEvent medication -> builder.medication(medication);
            case ProcedureRecord procedure -> builder.procedure(procedure);
            case ConditionRecord condition -> builder.condition(condition);
            case FlagRecord flag -> builder.flag(flag);
            case CarePlanRecord plan -> builder.carePlan(plan);
            case RiskAssessmentRecord assessment -> builder.riskAssessment(assessment);
            default ->
                throw new IllegalStateException(
                        "unexpected record part " + part.getClass().getName());
        }
    }

    /** {@code "Patient/p-1 carries name, telecom; Observation/o-2 carries NHS number"}, at most three resources. */
    static String describe(Map<String, Map<String, Integer>> identifiers) {
        List<String> parts = new ArrayList<>();
        int shown = 0;
        for (Map.Entry<String, Map<String, Integer>> entry : identifiers.entrySet()) {
            if (shown == 3) {
                parts.add("and " + (identifiers.size() - 3) + " more resources");
                break;
            }
            parts.add(entry.getKey() + " carries "
                    + String.join(", ", entry.getValue().keySet()));
            shown++;
        }
        return String.join("; ", parts);
    }
}
