package org.mhtrigger.corpus;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mhtrigger.corpus.internal.Json;
import org.mhtrigger.corpus.internal.NoteResource;
import org.mhtrigger.corpus.internal.PatientResource;
import org.mhtrigger.engine.ConfigurationException;

/**
 * Builds the blind evaluation set ({@code corpus-samples/blind/sentences.tsv}) into one-note FHIR R4 inpatient stays
 * with gold labels. Thread-safe: it holds nothing. The output depends only on the sentence file: the same file gives
 * byte-identical output.
 *
 * <p>Each sentence becomes a stay of its own: an anonymised Patient (no name, identifier, address or telecom; an adult
 * birth date), a finished psychiatric inpatient Encounter (class IMP) from {@link #ADMITTED} to {@link #DISCHARGED}
 * local time in the voice's country, discharged home, on a ward; a RiskAssessment and a CarePlan on the day of
 * admission, so that the structured "no risk assessment" (MH-Q02) and "no care plan" (MH-Q01) triggers stay quiet; and
 * one DocumentReference holding the sentence, {@code note_day} days after admission at an hour that suits the note type
 * and comes after any clock time the sentence mentions. Nothing structured records an event: every gold trigger comes
 * from the text.
 *
 * <p>Files written to the output folder: {@code stays/Patient.ndjson}, {@code stays/Encounter.ndjson},
 * {@code stays/RiskAssessment.ndjson}, {@code stays/CarePlan.ndjson}, {@code stays/DocumentReference.ndjson} (FHIR
 * Bulk Data NDJSON, one line per resource, in sentence order) and {@code gold.csv} ({@code record,trigger}: one row per
 * expected code, {@code record,} for a sentence that expects none). Record {@code blind-b001} is the Encounter of
 * sentence {@code b001}.
 */
public final class BlindSetBuilder {
    /** The columns of the sentence file, in order, as its header names them. */
    public static final List<String> COLUMNS =
            List.of("id", "voice", "note_type", "note_day", "text", "expected", "trap_class");

    /** Admission, local time in the voice's country. */
    public static final LocalDateTime ADMITTED = LocalDateTime.of(2025, 3, 10, 8, 0);

    /** Discharge, local time in the voice's country (day 14 after admission). */
    public static final LocalDateTime DISCHARGED = LocalDateTime.of(2025, 3, 24, 10, 0);

    private static final int LAST_DAY = 14;
    private static final String LOINC = "http://loinc.org";
    private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    private static final String DISPOSITION = "http://terminology.hl7.org/CodeSystem/discharge-disposition";
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,30}");
    private static final Pattern CODE = Pattern.compile("MH-[A-Z]\\d\\d");
    private static final List<String> FILES =
            List.of("Patient", "Encounter", "RiskAssessment", "CarePlan", "DocumentReference");
    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** A clock time written as 15:40 or 15.40, or as 1540 after a word that introduces a time ("at 1540"). */
    private static final Pattern CLOCK = Pattern.compile("(?<![\\d/.:])([01]?\\d|2[0-3])[:.]([0-5]\\d)(?![\\d/])"
            + "|(?i:\\b(?:at|approx\\.?|about|around|~|by|until|till|to|from|called|seen|given|ended|returned)\\s+)"
            + "([01]\\d|2[0-3])([0-5]\\d)\\b(?![/:])");

    /** Where a sentence was written: its time zone, note language, ward and service. */
    private enum Voice {
        UK("Europe/London", "en-GB", "Ward 6 (Adult Acute Mental Health)", "General adult psychiatry"),
        SG("Asia/Singapore", "en-SG", "Ward 64 (General Psychiatry)", "General psychiatry"),
        AU("Australia/Sydney", "en-AU", "Acute Mental Health Unit, Ward 2B", "Adult mental health"),
        US("America/New_York", "en-US", "4 West Adult Inpatient Psychiatry", "Adult psychiatry");

        final ZoneId zone;
        final String language;
        final String ward;
        final String service;

        Voice(String zone, String language, String ward, String service) {
            this.zone = ZoneId.of(zone);
            this.language = language;
            this.ward = ward;
            this.service = service;
        }
    }

    /**
     * The kinds of note the sentence file names: the LOINC document type (none for a pharmacy note), its title, and
     * the hours of day at which such a note is written (a sentence picks one by its number).
     */
    private enum NoteType {
        NURSING_SHIFT("nursing-shift", "34746-8", "Nurse Note", "Nursing shift note", "07:30", "14:30", "21:30"),
        HANDOVER("handover", "34746-8", "Nurse Note", "Nursing handover", "07:45", "19:45"),
        WARD_ROUND("ward-round", "11506-3", "Progress note", "Ward round note", "11:30"),
        MEDICAL_REVIEW("medical-review", "11506-3", "Progress note", "Medical review", "15:00"),
        INCIDENT("incident", "34746-8", "Nurse Note", "Incident report", "16:30"),
        DISCHARGE_SUMMARY("discharge-summary", "18842-5", "Discharge summary", "Discharge summary", "09:30", "16:00"),
        RISK_FORM("risk-form", "75492-9", "Risk assessment and screening note", "Risk assessment", "10:00"),
        LATE_ENTRY("late-entry", "34746-8", "Nurse Note", "Late entry", "18:00"),
        PHARMACY("pharmacy", null, null, "Pharmacist review", "12:00");

        final String label;
        final String loinc;
        final String display;
        final String title;
        final List<LocalTime> hours;

        NoteType(String label, String loinc, String display, String title, String... hours) {
            this.label = label;
            this.loinc = loinc;
            this.display = display;
            this.title = title;
            this.hours = Arrays.stream(hours).map(LocalTime::parse).toList();
        }

        /**
         * Whether the note is written after the events it tells: a discharge summary, a risk form or a late entry
         * mentions times of other days, so their clock times do not move the note.
         */
        boolean followsClockTimes() {
            return this != DISCHARGE_SUMMARY && this != RISK_FORM && this != LATE_ENTRY;
        }

        static NoteType of(String label) {
            for (NoteType type : values()) {
                if (type.label.equals(label)) {
                    return type;
                }
            }
            return null;
        }
    }

    /**
     * One line of the sentence file. Immutable, thread-safe.
     *
     * @param expected the trigger codes the sentence should raise on its stay, sorted, no duplicates
     */
    public record Sentence(
            String id,
            String voice,
            String noteType,
            int noteDay,
            String text,
            SortedSet<String> expected,
            String trapClass) {
        public Sentence {
            if (id == null || !ID.matcher(id).matches()) {
                throw new IllegalArgumentException("id '" + id + "' must match " + ID.pattern());
            }
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("text of " + id + " must not be blank");
            }
            expected = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(expected));
        }

        /** The record (Encounter) id of this sentence's stay. */
        public String record() {
            return "blind-" + id;
        }
    }

    /**
     * What a build wrote. Immutable, thread-safe.
     *
     * @param stays one-note stays (records), one per sentence
     * @param resources FHIR resources written
     * @param goldRows rows of gold.csv, header excluded
     */
    public record Summary(int stays, int resources, int goldRows) {}

    /**
     * Reads a sentence file: a header line naming {@link #COLUMNS}, then one tab-separated sentence a line. Quotes are
     * text, not CSV quoting.
     *
     * @throws ConfigurationException naming the line and the column when a line cannot be used
     */
    public static List<Sentence> read(Path tsv) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException(tsv + ": sentence file not found", e);
        }
        if (lines.isEmpty() || !split(lines.get(0)).equals(COLUMNS)) {
            throw new ConfigurationException(tsv + ":1: header must be the tab-separated columns " + COLUMNS
                    + ", found " + (lines.isEmpty() ? "an empty file" : split(lines.get(0))));
        }
        List<Sentence> sentences = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String where = tsv + ":" + (i + 1) + ": ";
            List<String> cells = split(lines.get(i));
            if (cells.size() != COLUMNS.size()) {
                throw new ConfigurationException(
                        where + "found " + cells.size() + " tab-separated cells, expected " + COLUMNS.size());
            }
            String id = cells.get(0);
            if (!ID.matcher(id).matches()) {
                throw new ConfigurationException(where + "id '" + id + "' must match " + ID.pattern());
            }
            if (!ids.add(id)) {
                throw new ConfigurationException(where + "id '" + id + "' appears twice");
            }
            if (!isVoice(cells.get(1))) {
                throw new ConfigurationException(
                        where + "voice '" + cells.get(1) + "' must be one of " + Arrays.toString(Voice.values()));
            }
            if (NoteType.of(cells.get(2)) == null) {
                throw new ConfigurationException(where + "note_type '" + cells.get(2) + "' must be one of "
                        + Arrays.stream(NoteType.values()).map(t -> t.label).toList());
            }
            int day;
            try {
                day = Integer.parseInt(cells.get(3));
            } catch (NumberFormatException e) {
                day = -1;
            }
            if (day < 0 || day > LAST_DAY) {
                throw new ConfigurationException(
                        where + "note_day '" + cells.get(3) + "' must be a whole number of days from 0 to " + LAST_DAY);
            }
            if (cells.get(4).isBlank()) {
                throw new ConfigurationException(where + "text must not be blank");
            }
            SortedSet<String> expected = new TreeSet<>();
            for (String code : cells.get(5).split(";", -1)) {
                String trimmed = code.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (!CODE.matcher(trimmed).matches()) {
                    throw new ConfigurationException(
                            where + "expected code '" + trimmed + "' must look like MH-B01 (codes separated by ';')");
                }
                expected.add(trimmed);
            }
            if (cells.get(6).isBlank()) {
                throw new ConfigurationException(where + "trap_class must not be blank (use 'event' for events)");
            }
            sentences.add(new Sentence(id, cells.get(1), cells.get(2), day, cells.get(4), expected, cells.get(6)));
        }
        return sentences;
    }

    /** Reads {@code tsv} and writes its stays and gold into {@code outDir} (created if needed; files replaced). */
    public Summary build(Path tsv, Path outDir) throws IOException {
        return write(read(tsv), outDir);
    }

    /** Writes the stays and gold of {@code sentences} into {@code outDir} (created if needed; files replaced). */
    public Summary write(List<Sentence> sentences, Path outDir) throws IOException {
        Path stays = outDir.resolve("stays");
        Files.createDirectories(stays);
        Map<String, JsonGenerator> files = new LinkedHashMap<>();
        int resources = 0;
        int goldRows = 0;
        try (Writer gold = Files.newBufferedWriter(outDir.resolve("gold.csv"), StandardCharsets.UTF_8)) {
            for (String type : FILES) {
                OutputStream out = Files.newOutputStream(stays.resolve(type + ".ndjson"));
                JsonGenerator generator = JSON.createGenerator(out, JsonEncoding.UTF8);
                generator.setRootValueSeparator(null);
                files.put(type, generator);
            }
            gold.write("record,trigger\n");
            for (Sentence sentence : sentences) {
                for (Json resource : stay(sentence)) {
                    JsonGenerator generator = files.get((String) resource.get("resourceType"));
                    resource.write(generator);
                    generator.writeRaw('\n');
                    resources++;
                }
                goldRows += writeGold(gold, sentence);
            }
        } finally {
            Json.closeAll(files.values());
        }
        return new Summary(sentences.size(), resources, goldRows);
    }

    private static int writeGold(Writer gold, Sentence sentence) throws IOException {
        if (sentence.expected().isEmpty()) {
            gold.write(sentence.record() + ",\n");
            return 1;
        }
        for (String code : sentence.expected()) {
            gold.write(sentence.record() + "," + code + "\n");
        }
        return sentence.expected().size();
    }

    /** The resources of one sentence's stay, one per {@link #FILES} entry. */
    static List<Json> stay(Sentence sentence) {
        Voice voice = Voice.valueOf(sentence.voice());
        NoteType type = NoteType.of(sentence.noteType());
        String id = sentence.id();
        String patient = "Patient/pt-" + id;
        String encounter = "Encounter/" + sentence.record();
        ZonedDateTime admitted = ADMITTED.atZone(voice.zone);
        ZonedDateTime discharged = DISCHARGED.atZone(voice.zone);
        ZonedDateTime written = noteTime(sentence, type, voice);
        if (!written.isAfter(admitted) || !written.isBefore(discharged)) {
            throw new IllegalStateException("note of " + id + " at " + written + " falls outside its stay");
        }
        int number = number(id);

        Json patientResource = Json.object()
                .put("resourceType", "Patient")
                .put("id", "pt-" + id)
                .put("meta", PatientResource.syntheticMeta())
                .put("gender", gender(sentence.text(), number))
                .put("birthDate", (1950 + (number * 37) % 52) + "-01-01");

        Json encounterResource = Json.object()
                .put("resourceType", "Encounter")
                .put("id", sentence.record())
                .put("status", "finished")
                .put(
                        "class",
                        Json.object().put("system", ACT_CODE).put("code", "IMP").put("display", "inpatient encounter"))
                .add("type", Json.object().put("text", "Psychiatric inpatient admission"))
                .put("serviceType", Json.object().put("text", voice.service))
                .put("subject", reference(patient))
                .put("period", Json.object().put("start", instant(admitted)).put("end", instant(discharged)))
                .put(
                        "hospitalization",
                        Json.object()
                                .put(
                                        "dischargeDisposition",
                                        Json.object()
                                                .add(
                                                        "coding",
                                                        Json.object()
                                                                .put("system", DISPOSITION)
                                                                .put("code", "home")
                                                                .put("display", "Home"))))
                .add(
                        "location",
                        Json.object()
                                .put("location", Json.object().put("display", voice.ward))
                                .put("status", "completed")
                                .put(
                                        "period",
                                        Json.object()
                                                .put("start", instant(admitted))
                                                .put("end", instant(discharged))));

        ZonedDateTime assessed = admitted.plusMinutes(90);
        Json riskAssessment = Json.object()
                .put("resourceType", "RiskAssessment")
                .put("id", "ra-" + id)
                .put("status", "final")
                .put("subject", reference(patient))
                .put("encounter", reference(encounter))
                .put("occurrenceDateTime", instant(assessed))
                .put("method", Json.object().put("text", "Clinical risk assessment on admission"))
                .add(
                        "prediction",
                        Json.object()
                                .put("outcome", Json.object().put("text", "Harm to self"))
                                .put("qualitativeRisk", Json.object().put("text", "moderate")));

        ZonedDateTime planned = admitted.plusHours(5);
        Json carePlan = Json.object()
                .put("resourceType", "CarePlan")
                .put("id", "cp-" + id)
                .put("status", "active")
                .put("intent", "plan")
                .add("category", Json.object().put("text", "Mental health care plan"))
                .put("title", "Inpatient care plan")
                .put("subject", reference(patient))
                .put("encounter", reference(encounter))
                .put("period", Json.object().put("start", instant(planned)))
                .put("created", instant(planned));

        Json typeConcept = Json.object();
        if (type.loinc != null) {
            typeConcept.add(
                    "coding",
                    Json.object().put("system", LOINC).put("code", type.loinc).put("display", type.display));
        }
        typeConcept.put("text", type.title);
        Json note = NoteResource.of(
                "doc-" + id, typeConcept, patient, encounter, written, voice.language, type.title, sentence.text());
        return List.of(patientResource, encounterResource, riskAssessment, carePlan, note);
    }

    /**
     * When the note was written: {@code note_day} days after admission at the type's usual hour (a sentence picks
     * among several by its number), moved to the first later usual hour, or to half an hour after, when the sentence
     * tells of a later clock time that day; never before admission or after discharge.
     */
    static ZonedDateTime noteTime(Sentence sentence, NoteType type, Voice voice) {
        LocalDate day = ADMITTED.toLocalDate().plusDays(sentence.noteDay());
        List<LocalTime> hours = type.hours;
        LocalTime earliest = sentence.noteDay() == 0 ? ADMITTED.toLocalTime().plusMinutes(30) : LocalTime.MIN;
        LocalTime latest =
                sentence.noteDay() == LAST_DAY ? DISCHARGED.toLocalTime().minusMinutes(15) : LocalTime.MAX;
        LocalTime told = type.followsClockTimes() ? latestClockTime(sentence.text()) : null;
        LocalTime after = told == null
                ? earliest
                : max(earliest, told.isAfter(LocalTime.of(23, 40)) ? LocalTime.of(23, 55) : told.plusMinutes(15));
        LocalTime chosen = hours.get(number(sentence.id()) % hours.size());
        if (chosen.isBefore(after)) {
            chosen = hours.stream().filter(h -> !h.isBefore(after)).findFirst().orElse(null);
        }
        if (chosen == null) {
            // a quarter of an hour later again, on the next five-minute mark, before midnight
            int minutes = Math.min(after.toSecondOfDay() / 60 + 15, 23 * 60 + 55);
            minutes = Math.min((minutes + 4) / 5 * 5, 23 * 60 + 55);
            chosen = LocalTime.of(minutes / 60, minutes % 60);
        }
        if (chosen.isAfter(latest)) {
            chosen = latest.withMinute(latest.getMinute() / 5 * 5);
        }
        return day.atTime(chosen).atZone(voice.zone);
    }

    /** The latest clock time the text mentions, or null. */
    static LocalTime latestClockTime(String text) {
        LocalTime latest = null;
        Matcher m = CLOCK.matcher(text);
        while (m.find()) {
            LocalTime time = m.group(1) != null
                    ? LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
                    : LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
            latest = latest == null ? time : max(latest, time);
        }
        return latest;
    }

    private static LocalTime max(LocalTime a, LocalTime b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * The patient's gender as the sentence's pronouns suggest (she/her against he/him/his); when they do not say,
     * alternating by sentence number.
     */
    static String gender(String text, int number) {
        String lower = text.toLowerCase(Locale.ROOT);
        int female = count(lower, "\\b(she|her|hers|herself)\\b");
        int male = count(lower, "\\b(he|him|his|himself)\\b");
        if (female != male) {
            return female > male ? "female" : "male";
        }
        return number % 2 == 0 ? "female" : "male";
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The digits of an id ({@code b042} is 42), 0 when it has none. */
    private static int number(String id) {
        String digits = id.replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits.substring(Math.max(0, digits.length() - 6)));
    }

    private static boolean isVoice(String voice) {
        for (Voice v : Voice.values()) {
            if (v.name().equals(voice)) {
                return true;
            }
        }
        return false;
    }

    private static Json reference(String reference) {
        return Json.object().put("reference", reference);
    }

    private static String instant(ZonedDateTime time) {
        return INSTANT.format(time);
    }

    private static List<String> split(String line) {
        String trimmed = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        return List.of(trimmed.split("\t", -1));
    }
}
