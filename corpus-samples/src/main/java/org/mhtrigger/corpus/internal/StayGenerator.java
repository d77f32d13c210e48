package org.mhtrigger.corpus.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mhtrigger.corpus.internal.NoteDraft.Block;
import org.mhtrigger.corpus.internal.NoteDraft.Kind;
import org.mhtrigger.corpus.internal.StayOutput.HardNegative;
import org.mhtrigger.corpus.internal.Triggers.Planting;
import org.mhtrigger.corpus.internal.Triggers.Variant;
import org.mhtrigger.engine.screen.Assertion;

/**
 * Generates one psychiatric inpatient stay: encounters, observations, medicines, procedures, conditions, flags, care
 * plans, risk assessments and notes, with the triggers and hard negatives it plants and their gold labels. Immutable,
 * thread-safe; each call draws from its own random stream seeded by (seed, stay index).
 */
public final class StayGenerator {
    static final String LOINC = "http://loinc.org";
    static final String SNOMED = "http://snomed.info/sct";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String ATC = "http://www.whocc.no/atc";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    static final String DISPOSITION = "http://terminology.hl7.org/CodeSystem/discharge-disposition";
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    static final List<String> NEAR_MISS_CODES = List.of(
            "MH-B01", "MH-C02", "MH-C04", "MH-L01", "MH-L02", "MH-L03", "MH-L04", "MH-L05", "MH-L06", "MH-L07",
            "MH-L08", "MH-L09", "MH-M04", "MH-M07", "MH-M08", "MH-M09");
    private static final List<String> NEGATIVE_ROTATION = negativeRotation();

    private final long seed;
    private final long idOffset;

    public StayGenerator(long seed, long idOffset) {
        this.seed = seed;
        this.idOffset = idOffset;
    }

    public StayOutput generate(PatientPlan patient, StayPlan stay) {
        return new Build(patient, stay).run();
    }

    static String instant(ZonedDateTime time) {
        return INSTANT.format(time);
    }

    /** Every (trigger, hard-negative kind) pair the banks can place; rotated over stays so a sample holds them all. */
    private static List<String> negativeRotation() {
        List<String> pairs = new ArrayList<>();
        for (String code : Lexicon.textTriggers()) {
            for (Assertion assertion : Lexicon.negativeClasses(code)) {
                pairs.add(code + " " + assertion.label());
            }
            if (!Lexicon.nearMisses(code).isEmpty()) {
                pairs.add(code + " clarification");
            }
        }
        for (String code : NEAR_MISS_CODES) {
            pairs.add(code + " near-threshold");
        }
        return List.copyOf(pairs);
    }

    /** The state of one stay being generated. */
    private final class Build {
        final PatientPlan patient;
        final StayPlan stay;
        final SplittableRandom random;
        final String encounterId;
        final String number;
        final String patientRef;
        final String encounterRef;
        final Voice voice;
        final List<Json> resources = new ArrayList<>();
        final List<NoteDraft> notes = new ArrayList<>();
        final TreeMap<String, boolean[]> sources = new TreeMap<>();
        final List<HardNegative> negatives = new ArrayList<>();
        final TreeMap<LocalDate, Double> antipsychoticPercent = new TreeMap<>();
        final TreeSet<String> requirements = new TreeSet<>();
        final boolean usUnits;
        int counter;
        int serials;
        Background.Family family;
        String diagnosisCode;
        String diagnosisName;
        Drug mainDrug;
        double mainDose;
        String critical;
        boolean diabetic;
        String dispositionCode = "home";
        String dispositionText = "Discharged home";
        ZonedDateTime windowEnd;
        final List<ZonedDateTime> carePlanTimes = new ArrayList<>();
        final List<ZonedDateTime> riskAssessmentTimes = new ArrayList<>();
        final TreeMap<String, Double> baselines = new TreeMap<>();

        Build(PatientPlan patient, StayPlan stay) {
            this.patient = patient;
            this.stay = stay;
            this.random = Seeds.stream(seed, stay.index(), Seeds.STAY);
            this.number = String.format("%06d", stay.index() + idOffset + 1);
            this.encounterId = "e-" + number;
            this.patientRef = "Patient/" + patient.patientId();
            this.encounterRef = "Encounter/" + encounterId;
            this.voice = new Voice(
                    patient.site(), patient.male(), random, stay.admitted().getYear());
            this.usUnits = random.nextDouble() < 0.2;
            ZonedDateTime cap = stay.admitted().plusDays(85);
            this.windowEnd = stay.discharged().minusHours(1).isBefore(cap)
                    ? stay.discharged().minusHours(1)
                    : cap;
        }

        String nextId(String prefix) {
            counter++;
            return prefix + "-" + number + "-" + String.format("%02d", counter);
        }

        StayOutput run() {
            List<Planting> plantings = choosePlantings();
            List<String> negativePlan = chooseNegatives();
            chooseClinicalPicture(plantings, negativePlan);
            scheduleNotes();
            encounter();
            diagnosis();
            regimen();
            routineLabs();
            documents(plantings);
            for (Planting planting : plantings) {
                plant(planting);
            }
            death();
            resources.add(0, encounterResource());
            emergencyAfterDischarge();
            readmission();
            for (String pair : negativePlan) {
                placeNegative(pair);
            }
            fillRoutineText();
            List<Mention> mentions = new ArrayList<>();
            renderNotes(mentions);
            carePlanAndRiskGold();
            antipsychoticGold();
            resources.sort(Comparator.comparing(StayGenerator::typeOrder));
            return new StayOutput(encounterId, List.copyOf(resources), sources, mentions, List.copyOf(negatives));
        }

        // ------------------------------------------------------------------ deciding what goes in
        List<Planting> choosePlantings() {
            List<Planting> plantings = new ArrayList<>();
            if (Schedule.quiet(stay.index())) {
                return plantings;
            }
            plantings.add(Schedule.showcase(stay.index()));
            String[] pool = {
                "MH-R01", "MH-R03", "MH-B04", "MH-B05", "MH-R02", "MH-B01", "MH-L03", "MH-M03", "MH-Q03", "MH-C01",
                "MH-L05", "MH-M09", "MH-R01", "MH-R03", "MH-B04", "MH-C04", "MH-M07", "MH-L09"
            };
            double r = random.nextDouble();
            int extras = r < 0.55 ? 0 : r < 0.87 ? 1 : 2;
            for (int i = 0; i < extras; i++) {
                String code = Seeds.pick(random, pool);
                Variant variant = switch (Triggers.source(code)) {
                    case TEXT -> Variant.TEXT_ONLY;
                    case STRUCTURED -> Variant.STRUCTURED_ONLY;
                    case BOTH -> Seeds.pick(random, Variant.values());
                };
                plantings.add(new Planting(code, variant));
            }
            return plantings;
        }

        List<String> chooseNegatives() {
            List<String> plan = new ArrayList<>();
            int size = NEGATIVE_ROTATION.size();
            plan.add(NEGATIVE_ROTATION.get((2 * stay.index()) % size));
            plan.add(NEGATIVE_ROTATION.get((2 * stay.index() + 1) % size));
            int extra = 1 + random.nextInt(4);
            for (int i = 0; i < extra; i++) {
                plan.add(NEGATIVE_ROTATION.get(random.nextInt(size)));
            }
            return plan;
        }

        void chooseClinicalPicture(List<Planting> plantings, List<String> negativePlan) {
            for (Planting planting : plantings) {
                switch (planting.trigger()) {
                    case "MH-M06", "MH-L02" -> requirements.add("clozapine");
                    case "MH-M05", "MH-M09" -> requirements.add("critical");
                    case "MH-L01" -> requirements.add("lithium");
                    default -> {}
                }
            }
            for (String pair : negativePlan) {
                String code = pair.substring(0, pair.indexOf(' '));
                switch (code) {
                    case "MH-M06", "MH-L02" -> requirements.add("clozapine");
                    case "MH-M05" -> requirements.add("critical");
                    case "MH-L01" -> requirements.add("lithium");
                    default -> {}
                }
            }
            int age = patient.ageAt(stay.admitted().toLocalDate());
            double r = random.nextDouble();
            if (age >= 68 && r < 0.5) {
                family = Background.Family.DEMENTIA;
            } else if (requirements.contains("lithium")) {
                family = random.nextBoolean() ? Background.Family.MANIA : Background.Family.DEPRESSION;
            } else if (requirements.contains("clozapine")) {
                family = Background.Family.PSYCHOSIS;
            } else {
                family = r < 0.45
                        ? Background.Family.PSYCHOSIS
                        : r < 0.62
                                ? Background.Family.MANIA
                                : r < 0.85 ? Background.Family.DEPRESSION : Background.Family.PERSONALITY;
            }
            String[][] diagnoses = switch (family) {
                case PSYCHOSIS ->
                    new String[][] {
                        {"F20.0", "Paranoid schizophrenia"},
                        {"F25.0", "Schizoaffective disorder, manic type"},
                        {"F23.1", "Acute polymorphic psychotic disorder with symptoms of schizophrenia"},
                        {"F20.0", "Paranoid schizophrenia"}
                    };
                case MANIA ->
                    new String[][] {
                        {"F31.2", "Bipolar affective disorder, current episode manic with psychotic symptoms"},
                        {"F31.1", "Bipolar affective disorder, current episode manic without psychotic symptoms"}
                    };
                case DEPRESSION ->
                    new String[][] {
                        {"F32.2", "Severe depressive episode without psychotic symptoms"},
                        {"F33.2", "Recurrent depressive disorder, current episode severe"},
                        {"F31.4", "Bipolar affective disorder, current episode severe depression"}
                    };
                case PERSONALITY -> new String[][] {{"F60.3", "Emotionally unstable personality disorder"}};
                case DEMENTIA ->
                    new String[][] {{"F01.9", "Vascular dementia, unspecified"}, {"F03", "Unspecified dementia"}};
            };
            String[] diagnosis = diagnoses[random.nextInt(diagnoses.length)];
            diagnosisCode = diagnosis[0];
            diagnosisName = diagnosis[1];
            diabetic = random.nextDouble() < 0.1;
            boolean clozapine = requirements.contains("clozapine")
                    || (family == Background.Family.PSYCHOSIS && random.nextDouble() < 0.15);
            boolean lithium = requirements.contains("lithium")
                    || (family == Background.Family.MANIA && random.nextDouble() < 0.5);
            if (clozapine) {
                mainDrug = Drug.of("clozapine");
                mainDose = Seeds.pick(random, 200.0, 250.0, 300.0, 350.0, 400.0, 450.0);
                critical = "clozapine";
            } else {
                mainDrug = Drug.of(
                        family == Background.Family.DEMENTIA
                                ? Seeds.pick(random, "risperidone", "quetiapine", "haloperidol")
                                : Seeds.pick(random, Drug.ANTIPSYCHOTICS));
                mainDose = regularDose(mainDrug.key(), family == Background.Family.DEMENTIA);
            }
            if (lithium) {
                critical = critical == null ? "lithium" : critical;
            } else if (critical == null && requirements.contains("critical")) {
                critical = random.nextBoolean() ? "valproate" : "lithium";
            } else if (critical == null && family == Background.Family.MANIA && random.nextDouble() < 0.5) {
                critical = "valproate";
            }
            if (lithium && !"lithium".equals(critical)) {
                requirements.add("lithium-too");
            }
            voice.drug = random.nextDouble() < 0.3 && mainDrug.brand() != null ? mainDrug.brand() : mainDrug.generic();
            voice.dose = dose(mainDose) + "mg " + Seeds.pick(random, "ON", "nocte", "BD", "OD");
            voice.criticalDrug = critical == null ? "clozapine" : critical;
            int age2 = patient.ageAt(stay.admitted().toLocalDate());
            String ward;
            if (age2 >= 65 && random.nextDouble() < 0.8) {
                ward = "Ward 71 (Psychogeriatric)";
            } else if ((family == Background.Family.MANIA || family == Background.Family.DEPRESSION)
                    && random.nextDouble() < 0.45) {
                ward = "Ward 51 (Mood Disorders)";
            } else if (random.nextDouble() < 0.08) {
                ward = "Ward 23 (PICU)";
            } else if (random.nextDouble() < 0.12) {
                ward = "Ward 42 (Mixed Acute)";
            } else {
                ward = patient.male() ? "Ward 6 (Acute Male)" : "Ward 7 (Acute Female)";
            }
            voice.ward = ward;
        }

        double regularDose(String key, boolean elderly) {
            return switch (key) {
                case "olanzapine" -> elderly ? 5 : Seeds.pick(random, 10.0, 15.0);
                case "risperidone" -> elderly ? 1 : Seeds.pick(random, 2.0, 4.0, 6.0);
                case "quetiapine" -> elderly ? 50 : Seeds.pick(random, 200.0, 300.0, 400.0);
                case "aripiprazole" -> Seeds.pick(random, 10.0, 15.0);
                case "haloperidol" -> elderly ? 1 : Seeds.pick(random, 5.0, 10.0);
                case "amisulpride" -> Seeds.pick(random, 400.0, 600.0);
                case "chlorpromazine" -> Seeds.pick(random, 100.0, 200.0, 300.0);
                default -> throw new IllegalArgumentException("no regular dose for " + key);
            };
        }

        // ------------------------------------------------------------------ notes
        void scheduleNotes() {
            double los = stay.lengthOfStayDays();
            int count = Math.max(3, Math.min(15, 2 + (int) (StrictMath.sqrt(los) * 1.4) + random.nextInt(3)));
            ZonedDateTime admitted = stay.admitted();
            NoteDraft admission = note(Kind.ADMISSION, admitted.plusMinutes(60 + 5L * random.nextInt(36)));
            int middle = count - 2;
            long span = Duration.between(
                            admitted.plusHours(5), stay.discharged().minusHours(3))
                    .toMinutes();
            List<ZonedDateTime> times = new ArrayList<>();
            for (int i = 0; i < middle; i++) {
                times.add(admitted.plusHours(5).plusMinutes(5 * (long) random.nextInt((int) Math.max(1, span / 5))));
            }
            // at least one note early in the stay and one inside the review window for late events
            times.sort(Comparator.naturalOrder());
            for (ZonedDateTime time : times) {
                double r = random.nextDouble();
                Kind kind = r < 0.55 ? Kind.NURSING : r < 0.8 ? Kind.WARD_ROUND : Kind.MEDICAL_REVIEW;
                note(kind, shiftTime(time, kind));
            }
            boolean died = stay.death() == DeathMode.IN_STAY || stay.death() == DeathMode.ON_LEAVE_TEXT_ONLY;
            if (!died) {
                note(Kind.DISCHARGE, stay.discharged().minusMinutes(30 + 5L * random.nextInt(12)));
            }
            notes.sort(Comparator.comparing(n -> n.time));
            if (admission != notes.get(0)) {
                notes.remove(admission);
                notes.add(0, admission);
            }
            for (NoteDraft note : notes) {
                voice.anchor = note.time;
                structureNote(note);
                voice.anchor = null;
            }
        }

        ZonedDateTime shiftTime(ZonedDateTime time, Kind kind) {
            ZonedDateTime shifted;
            if (kind == Kind.NURSING) {
                int[] hours = {7, 13, 14, 20, 21, 6};
                shifted = time.withHour(hours[random.nextInt(hours.length)]).withMinute(5 * random.nextInt(12));
            } else {
                shifted = time.withHour(9 + random.nextInt(8)).withMinute(5 * random.nextInt(12));
            }
            boolean inside = shifted.isAfter(stay.admitted().plusHours(4))
                    && shifted.isBefore(stay.discharged().minusHours(3));
            return inside ? shifted : time;
        }

        NoteDraft note(Kind kind, ZonedDateTime time) {
            NoteDraft note = new NoteDraft(++serials, kind, time, random);
            notes.add(note);
            return note;
        }

        void fillRoutineText() {
            for (NoteDraft note : notes) {
                switch (note.kind) {
                    case ADMISSION -> admissionText(note);
                    case NURSING, INCIDENT -> nursingText(note);
                    case WARD_ROUND -> wardRoundText(note);
                    case MEDICAL_REVIEW -> medicalText(note);
                    case DISCHARGE -> dischargeText(note);
                    case CARE_PLAN -> listText(note, Background.CARE_PLAN, 2, 4);
                    case RISK_ASSESSMENT -> listText(note, Background.RISK_ASSESSMENT, 3, 5);
                }
            }
        }

        /** Lines from a bank for this site, expanded and roughened, in random order without repeats. */
        List<String> lines(List<String> bank, int min, int max) {
            List<String> usable = new ArrayList<>();
            for (String line : bank) {
                if (line.startsWith("uk:")) {
                    if (voice.uk()) {
                        usable.add(line.substring(3));
                    }
                } else if (line.startsWith("sg:")) {
                    if (!voice.uk()) {
                        usable.add(line.substring(3));
                    }
                } else {
                    usable.add(line);
                }
            }
            int n = Math.min(usable.size(), Seeds.between(random, min, max));
            List<String> chosen = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String line = usable.remove(random.nextInt(usable.size()));
                chosen.add(voice.roughen(voice.expand(line)));
            }
            return chosen;
        }

        void routine(NoteDraft note, String section, List<String> bank, int min, int max) {
            for (String line : lines(bank, min, max)) {
                note.insert(section, new Block(line, null, null), random);
            }
        }

        void admissionText(NoteDraft note) {
            routine(note, "pc", Background.complaint(family), 1, 1);
            routine(note, "hpc", Background.presentingHistory(family), 2, 4);
            routine(note, "pph", Background.PSYCHIATRIC_HISTORY, 1, 3);
            routine(note, "pmh", Background.MEDICAL_HISTORY, 1, 2);
            if (diabetic) {
                note.add("pmh", new Block("T2DM on insulin", null, null));
            }
            routine(note, "fh", Background.FAMILY_HISTORY, 1, 1);
            routine(note, "social", Background.SOCIAL, 2, 3);
            routine(note, "mse", Background.mentalState(family), 4, 7);
            routine(note, "risk", Background.ADMISSION_RISK, 2, 3);
            note.add("impression", new Block(voice.roughen(diagnosisName), null, null));
            routine(note, "plan", Background.ADMISSION_PLAN, 3, 6);
        }

        void nursingText(NoteDraft note) {
            routine(note, "body", Background.NURSING, 3, 7);
        }

        void wardRoundText(NoteDraft note) {
            routine(note, "body", Background.WARD_ROUND, 2, 4);
            routine(note, "mse", Background.mentalState(family), 2, 4);
            routine(note, "plan", Background.WARD_ROUND_PLAN, 2, 5);
        }

        void medicalText(NoteDraft note) {
            routine(note, "body", Background.MEDICAL, 2, 4);
            routine(note, "plan", Background.MEDICAL_PLAN, 1, 2);
        }

        void dischargeText(NoteDraft note) {
            note.add(
                    "details",
                    new Block(
                            "Admitted: " + Voice.date(stay.admitted()) + "  Discharged: "
                                    + Voice.date(stay.discharged()),
                            null,
                            null));
            note.add("details", new Block("Ward: " + voice.ward, null, null));
            note.add("details", new Block("Diagnosis: " + diagnosisCode + " " + diagnosisName, null, null));
            routine(note, "reason", Background.complaint(family), 1, 1);
            routine(note, "progress", Background.DISCHARGE_PROGRESS, 2, 4);
            note.add("meds", new Block(mainDrug.generic() + " " + voice.dose, null, null));
            if (critical != null && !"clozapine".equals(critical)) {
                note.add("meds", new Block(Drug.of(critical).generic() + " as before", null, null));
            }
            routine(note, "risk", Background.DISCHARGE_RISK, 1, 2);
            routine(note, "followup", Background.FOLLOW_UP, 1, 2);
        }

        void listText(NoteDraft note, List<String> bank, int min, int max) {
            routine(note, "body", bank, min, max);
        }

        void structureNote(NoteDraft note) {
            String title;
            switch (note.kind) {
                case ADMISSION -> {
                    title = voice.expand(siteLine(Background.ADMISSION_TITLES));
                    note.section("title", title);
                    note.section("pc", Seeds.pick(random, "Presenting complaint:", "PC:", "Reason for admission:"));
                    note.section("hpc", Seeds.pick(random, "HPC:", "History of presenting complaint:"));
                    note.section("pph", "Past psychiatric history:");
                    note.section("pmh", Seeds.pick(random, "Past medical history:", "PMH:"));
                    note.section("fh", Seeds.pick(random, "Family history:", "FHx:"));
                    note.section("social", Seeds.pick(random, "Social history:", "Personal and social history:"));
                    if (voice.uk()) {
                        note.section("forensic", "Forensic history:");
                    }
                    note.section("mse", Seeds.pick(random, "MSE:", "Mental state examination:"));
                    note.section("risk", "Risk assessment:");
                    note.section("impression", Seeds.pick(random, "Impression:", "Imp:"));
                    note.section("plan", "Plan:");
                }
                case NURSING -> {
                    String shift = note.time.getHour() < 12 ? "early" : note.time.getHour() < 19 ? "late" : "night";
                    if (note.time.getHour() < 7) {
                        shift = "night";
                    }
                    title = siteLine(Background.NURSING_TITLES)
                            .replace("{shift}", shift)
                            .replace("{SHIFT}", shift.toUpperCase());
                    note.section("title", title);
                    note.section("body", null);
                }
                case INCIDENT -> {
                    note.section(
                            "title",
                            voice.uk()
                                    ? Seeds.pick(random, "Incident note", "INCIDENT - nursing entry")
                                    : Seeds.pick(random, "Incident report", "IR note"));
                    note.section("body", null);
                }
                case WARD_ROUND -> {
                    note.section("title", voice.expand(siteLine(Background.WARD_ROUND_TITLES)));
                    note.section("body", null);
                    note.section("mse", Seeds.pick(random, "MSE:", "O/E MSE:"));
                    note.section("risk", Seeds.pick(random, "Risk:", "Risk assessment:"));
                    note.section("plan", "Plan:");
                }
                case MEDICAL_REVIEW -> {
                    note.section("title", voice.expand(siteLine(Background.MEDICAL_TITLES)));
                    note.section("body", null);
                    note.section("plan", "Plan:");
                }
                case DISCHARGE -> {
                    note.section("title", Seeds.pick(random, "DISCHARGE SUMMARY", "Discharge summary"));
                    note.section("details", null);
                    note.section("reason", "Reason for admission:");
                    note.section("progress", Seeds.pick(random, "Progress on ward:", "Progress:"));
                    note.section("meds", "Medication on discharge:");
                    note.section("risk", "Risk on discharge:");
                    note.section("followup", Seeds.pick(random, "Follow up:", "Follow-up:"));
                }
                case CARE_PLAN -> {
                    note.section("title", Seeds.pick(random, "Nursing care plan", "CARE PLAN", "Care plan (MDT)"));
                    note.section("body", null);
                }
                case RISK_ASSESSMENT -> {
                    note.section(
                            "title",
                            voice.uk()
                                    ? Seeds.pick(random, "Risk assessment (FACE)", "Clinical risk assessment")
                                    : Seeds.pick(random, "Risk assessment", "Suicide and violence risk assessment"));
                    note.section("body", null);
                }
            }
        }

        String siteLine(List<String> bank) {
            List<String> usable = new ArrayList<>();
            for (String line : bank) {
                if (line.startsWith(voice.uk() ? "uk:" : "sg:")) {
                    usable.add(line.substring(3));
                }
            }
            return Seeds.pick(random, usable);
        }

        void renderNotes(List<Mention> mentions) {
            int i = 0;
            for (NoteDraft draft : notes) {
                i++;
                String id = "n-" + number + "-" + String.format("%02d", i);
                NoteDraft.Rendered rendered = draft.render();
                for (Mention m : rendered.mentions()) {
                    Mention placed = new Mention(id, m.start(), m.end(), m.trigger(), m.assertion(), m.phrase());
                    mentions.add(placed);
                    if (m.assertion() == Assertion.AFFIRMED) {
                        source(m.trigger(), true, false);
                        if (m.trigger().equals("MH-B02")) {
                            source("MH-B01", true, false);
                        }
                    }
                }
                for (int j = 0; j < negatives.size(); j++) {
                    HardNegative negative = negatives.get(j);
                    if (negative.resource().equals("note#" + draft.serial)) {
                        negatives.set(j, new HardNegative(negative.trigger(), negative.kind(), id));
                    }
                }
                resources.add(documentReference(id, draft, rendered.text()));
            }
            mentions.sort(Comparator.comparing(Mention::note)
                    .thenComparingInt(Mention::start)
                    .thenComparing(Mention::trigger));
        }

        // ------------------------------------------------------------------ gold bookkeeping
        void addNegative(HardNegative negative) {
            if (negative.resource() != null) {
                negatives.add(negative);
            }
        }

        void source(String trigger, boolean text, boolean structured) {
            boolean[] flags = sources.computeIfAbsent(trigger, k -> new boolean[2]);
            flags[0] |= text;
            flags[1] |= structured;
        }

        void structured(String trigger) {
            source(trigger, false, true);
            if (trigger.equals("MH-B02")) {
                source("MH-B01", false, true);
            }
        }

        /**
         * MH-M08 from the doses actually written, not only the planned high-dose day: routine doses can add up to
         * more than 100% on a day too (in the review window, which ends 90 days after admission).
         */
        void antipsychoticGold() {
            java.time.LocalDate first = stay.admitted().toLocalDate();
            ZonedDateTime cap = stay.admitted().plusDays(90);
            java.time.LocalDate last = (stay.discharged().isBefore(cap) ? stay.discharged() : cap).toLocalDate();
            for (var day : antipsychoticPercent.entrySet()) {
                if (day.getValue() > 100.0 + 1e-9
                        && !day.getKey().isBefore(first)
                        && !day.getKey().isAfter(last)) {
                    structured("MH-M08");
                    return;
                }
            }
        }

        void carePlanAndRiskGold() {
            ZonedDateTime carePlanDeadline = stay.admitted().plusDays(7);
            ZonedDateTime riskDeadline = stay.admitted().plusHours(72);
            if (carePlanTimes.stream().noneMatch(t -> !t.isAfter(carePlanDeadline))) {
                structured("MH-Q01");
            }
            if (riskAssessmentTimes.stream().noneMatch(t -> !t.isAfter(riskDeadline))) {
                structured("MH-Q02");
            }
        }

        // ------------------------------------------------------------------ encounter, diagnosis, regimen
        void encounter() {
            switch (stay.death()) {
                case IN_STAY -> {
                    dispositionCode = "exp";
                    dispositionText = "Died on the ward";
                }
                case ON_LEAVE_TEXT_ONLY -> {
                    dispositionCode = "oth";
                    dispositionText = "Other";
                }
                default -> {
                    double r = random.nextDouble();
                    if (r < 0.05) {
                        dispositionCode = "psy";
                        dispositionText = "Transferred to another psychiatric hospital";
                        addNegative(new HardNegative("MH-C02", "clarification", encounterId));
                    } else if (r < 0.09) {
                        dispositionCode = "snf";
                        dispositionText = "Discharged to nursing home";
                        addNegative(new HardNegative("MH-C02", "clarification", encounterId));
                    } else if (r < 0.13) {
                        dispositionCode = "alt-home";
                        dispositionText = "Discharged to supported accommodation";
                    } else if (r < 0.15) {
                        dispositionCode = "oth";
                        dispositionText = "Other";
                    }
                }
            }
        }

        Json encounterResource() {
            Json encounter = Json.object()
                    .put("resourceType", "Encounter")
                    .put("id", encounterId)
                    .put("status", "finished")
                    .put("class", coding(ACT_CODE, "IMP", "inpatient encounter"))
                    .add(
                            "type",
                            Json.object()
                                    .put(
                                            "text",
                                            voice.uk() ? "Psychiatric inpatient admission" : "Psychiatric admission"))
                    .put(
                            "serviceType",
                            Json.object()
                                    .put(
                                            "text",
                                            voice.ward.contains("Psychogeriatric")
                                                    ? "Old age psychiatry"
                                                    : voice.uk() ? "General adult psychiatry" : "General psychiatry"))
                    .put("subject", reference(patientRef))
                    .put("period", period(stay.admitted(), stay.discharged()))
                    .add("reasonCode", concept(null, icd(diagnosisCode, diagnosisName)))
                    .put(
                            "hospitalization",
                            Json.object()
                                    .put(
                                            "dischargeDisposition",
                                            concept(
                                                    dispositionText,
                                                    Json.object()
                                                            .put("system", DISPOSITION)
                                                            .put("code", dispositionCode))))
                    .add(
                            "location",
                            Json.object()
                                    .put("location", Json.object().put("display", voice.ward))
                                    .put("status", "completed"));
            return encounter;
        }

        void diagnosis() {
            condition(diagnosisCode, diagnosisName, stay.admitted().plusHours(2), "encounter-diagnosis", null);
            if (diabetic) {
                condition(
                        "E11.9",
                        "Type 2 diabetes mellitus without complications",
                        stay.admitted().plusHours(2),
                        "problem-list-item",
                        null);
            }
        }

        String condition(String code, String display, ZonedDateTime time, String category, String verification) {
            String id = nextId("c");
            Json condition = Json.object()
                    .put("resourceType", "Condition")
                    .put("id", id)
                    .put(
                            "clinicalStatus",
                            concept(
                                    null,
                                    coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)))
                    .put(
                            "verificationStatus",
                            concept(
                                    null,
                                    coding(
                                            "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                                            verification == null ? "confirmed" : verification,
                                            null)))
                    .add(
                            "category",
                            concept(
                                    null,
                                    coding("http://terminology.hl7.org/CodeSystem/condition-category", category, null)))
                    .put("code", concept(display, icd(code, display)))
                    .put("subject", reference(patientRef))
                    .put("encounter", reference(encounterRef))
                    .put("onsetDateTime", instant(time))
                    .put("recordedDate", instant(time.plusMinutes(20)));
            resources.add(condition);
            return id;
        }

        Json icd(String code, String display) {
            String system =
                    random.nextDouble() < 0.8 ? "http://hl7.org/fhir/sid/icd-10" : "http://hl7.org/fhir/sid/icd-10-uk";
            return Json.object().put("system", system).put("code", code).put("display", display);
        }

        final TreeMap<String, String> orders = new TreeMap<>();

        void regimen() {
            ZonedDateTime start = stay.admitted().plusHours(3);
            orders.put(mainDrug.key(), order(mainDrug, mainDose, "mg", "PO", start, false, "active", null, voice.dose));
            regularDoses(mainDrug, mainDose);
            if (critical != null && !critical.equals(mainDrug.key())) {
                double criticalDose = switch (critical) {
                    case "lithium" -> Seeds.pick(random, 400.0, 600.0, 800.0, 1000.0);
                    case "valproate" -> Seeds.pick(random, 500.0, 1000.0, 1500.0);
                    default -> 200;
                };
                orders.put(
                        critical,
                        order(
                                Drug.of(critical),
                                criticalDose,
                                "mg",
                                "PO",
                                start,
                                false,
                                "active",
                                null,
                                dose(criticalDose) + "mg ON"));
                administration(
                        Drug.of(critical),
                        criticalDose,
                        "mg",
                        "PO",
                        start.plusHours(6),
                        "completed",
                        null,
                        null,
                        orders.get(critical));
            }
            if (requirements.contains("lithium-too")) {
                orders.put(
                        "lithium",
                        order(Drug.of("lithium"), 800, "mg", "PO", start, false, "active", null, "800mg ON"));
            }
            if (diabetic) {
                orders.put(
                        "insulin",
                        order(Drug.of("insulin"), 20, "U", "SC", start, false, "active", null, "20 units ON"));
            }
            if (family == Background.Family.DEPRESSION) {
                order(
                        Drug.of(Seeds.pick(random, "sertraline", "mirtazapine")),
                        50,
                        "mg",
                        "PO",
                        start,
                        false,
                        "active",
                        null,
                        null);
            }
            orders.put(
                    "lorazepam-prn",
                    order(Drug.of("lorazepam"), 1, "mg", "PO", start, true, "active", null, "1mg PRN max 4mg/24h"));
            orders.put(
                    "paracetamol",
                    order(Drug.of("paracetamol"), 1000, "mg", "PO", start, true, "active", null, "1g QDS PRN"));
            if (random.nextDouble() < 0.3) {
                // an IM order never given is not rapid tranquillisation (hard negative for MH-R03)
                String id = order(
                        Drug.of("lorazepam"),
                        2,
                        "mg",
                        "IM",
                        start,
                        true,
                        "active",
                        null,
                        "2mg IM PRN if oral declined");
                addNegative(new HardNegative("MH-R03", "hypothetical", id));
            }
            if (random.nextDouble() < 0.3) {
                ZonedDateTime prn = randomTime(stay.admitted().plusHours(6), windowEnd);
                administration(
                        Drug.of("lorazepam"),
                        1,
                        "mg",
                        "PO",
                        prn,
                        "completed",
                        "anxiety",
                        null,
                        orders.get("lorazepam-prn"));
                addNegative(new HardNegative("MH-R03", "near-threshold", lastId()));
            }
            if (random.nextDouble() < 0.1) {
                String depotKey = Seeds.pick(
                        random,
                        "zuclopenthixol-decanoate",
                        "haloperidol-decanoate",
                        "paliperidone-palmitate",
                        "aripiprazole-lai");
                double depotDose = switch (depotKey) {
                    case "zuclopenthixol-decanoate" -> 200;
                    case "haloperidol-decanoate" -> 100;
                    case "paliperidone-palmitate" -> 100;
                    default -> 400;
                };
                String id = order(
                        Drug.of(depotKey),
                        depotDose,
                        "mg",
                        "IM",
                        start,
                        false,
                        "active",
                        null,
                        dose(depotDose) + "mg IM every 4 weeks");
                administration(
                        Drug.of(depotKey),
                        depotDose,
                        "mg",
                        "IM",
                        randomTime(stay.admitted().plusDays(1), windowEnd),
                        "completed",
                        null,
                        null,
                        id);
                addNegative(new HardNegative("MH-R03", "near-threshold", lastId()));
            }
        }

        void regularDoses(Drug drug, double dailyDose) {
            for (int day = 0; day < 2; day++) {
                ZonedDateTime at = stay.admitted().plusDays(day).withHour(21).withMinute(0);
                if (at.isBefore(stay.admitted().plusHours(1))) {
                    at = stay.admitted().plusHours(2);
                }
                if (!at.isBefore(stay.discharged())) {
                    break;
                }
                administration(drug, dailyDose, "mg", "PO", at, "completed", null, null, orders.get(drug.key()));
            }
        }

        String order(
                Drug drug,
                double amount,
                String unit,
                String route,
                ZonedDateTime at,
                boolean prn,
                String status,
                String statusReason,
                String instruction) {
            String id = nextId("mr");
            Json dosage = Json.object()
                    .put("text", instruction == null ? dose(amount) + unit + (prn ? " PRN" : " OD") : instruction)
                    .put("asNeededBoolean", prn)
                    .put("route", route(route))
                    .add("doseAndRate", Json.object().put("doseQuantity", quantity(amount, unit)));
            Json request = Json.object()
                    .put("resourceType", "MedicationRequest")
                    .put("id", id)
                    .put("status", status)
                    .put(
                            "statusReason",
                            statusReason == null ? null : Json.object().put("text", statusReason))
                    .put("intent", "order")
                    .put("medicationCodeableConcept", medication(drug, amount, unit))
                    .put("subject", reference(patientRef))
                    .put("encounter", reference(encounterRef))
                    .put("authoredOn", instant(at))
                    .add("dosageInstruction", dosage);
            resources.add(request);
            return id;
        }

        String lastAdministration;

        String lastId() {
            return lastAdministration;
        }

        /** Records an administration; antipsychotic doses given count towards the day's MH-M08 total. */
        void administration(
                Drug drug,
                double amount,
                String unit,
                String route,
                ZonedDateTime at,
                String status,
                String reason,
                String statusReason,
                String requestId) {
            String id = nextId("ma");
            lastAdministration = id;
            if (drug.antipsychotic() && status.equals("completed") && drug.maxDailyMg() > 0) {
                antipsychoticPercent.merge(at.toLocalDate(), 100.0 * amount / drug.maxDailyMg(), Double::sum);
            }
            Json administration = Json.object()
                    .put("resourceType", "MedicationAdministration")
                    .put("id", id)
                    .put("status", status)
                    .put(
                            "statusReason",
                            statusReason == null
                                    ? null
                                    : Json.array(Json.object().put("text", statusReason)))
                    .put("medicationCodeableConcept", medication(drug, amount, unit))
                    .put("subject", reference(patientRef))
                    .put("context", reference(encounterRef))
                    .put("effectiveDateTime", instant(at))
                    .put(
                            "reasonCode",
                            reason == null ? null : Json.array(Json.object().put("text", reason)))
                    .put("request", requestId == null ? null : reference("MedicationRequest/" + requestId))
                    .put(
                            "dosage",
                            Json.object()
                                    .put("text", dose(amount) + unit + " " + route)
                                    .put("route", route(route))
                                    .put("dose", quantity(amount, unit)));
            resources.add(administration);
        }

        double percentOn(LocalDate day) {
            return antipsychoticPercent.getOrDefault(day, 0.0);
        }

        Json medication(Drug drug, double amount, String unit) {
            String strength = dose(amount) + unit;
            double r = random.nextDouble();
            Json concept = Json.object();
            String generic = drug.generic();
            if (r < 0.3) {
                concept.add(
                        "coding",
                        Json.object().put("system", ATC).put("code", drug.atc()).put("display", generic));
                concept.put("text", generic + " " + strength);
            } else if (r < 0.55 && drug.rxnorm() != null) {
                concept.add(
                        "coding",
                        Json.object()
                                .put("system", RXNORM)
                                .put("code", drug.rxnorm())
                                .put("display", generic));
                concept.add(
                        "coding",
                        Json.object().put("system", ATC).put("code", drug.atc()).put("display", generic));
                concept.put("text", generic + " " + strength);
            } else if (r < 0.7 && drug.rxnorm() != null) {
                concept.add(
                        "coding",
                        Json.object()
                                .put("system", RXNORM)
                                .put("code", drug.rxnorm())
                                .put("display", generic));
            } else if (r < 0.85 && drug.brand() != null) {
                concept.put("text", drug.brand() + " " + strength);
            } else {
                concept.put("text", Voice.capital(generic) + " " + strength);
            }
            return concept;
        }

        Json route(String route) {
            String[] snomed = switch (route) {
                case "PO" -> new String[] {"26643006", "Oral route"};
                case "IM" -> new String[] {"78421000", "Intramuscular route"};
                case "IV" -> new String[] {"47625008", "Intravenous route"};
                case "SC" -> new String[] {"34206005", "Subcutaneous route"};
                case "PR" -> new String[] {"37161004", "Rectal route"};
                case "buccal" -> new String[] {"54471007", "Buccal route"};
                default -> throw new IllegalArgumentException("unknown route " + route);
            };
            if (random.nextDouble() < 0.6) {
                return Json.object()
                        .add(
                                "coding",
                                Json.object()
                                        .put("system", SNOMED)
                                        .put("code", snomed[0])
                                        .put("display", snomed[1]))
                        .put("text", route);
            }
            return Json.object().put("text", route);
        }

        // ------------------------------------------------------------------ labs and vital signs
        void routineLabs() {
            ZonedDateTime bloods = stay.admitted().plusMinutes(120 + 5L * random.nextInt(120));
            baselines.put("sodium", 136.0 + random.nextInt(8));
            baselines.put("potassium", 3.6 + random.nextInt(12) / 10.0);
            baselines.put("creatinine", 55.0 + random.nextInt(45));
            baselines.put("glucose", 4.2 + random.nextInt(25) / 10.0);
            baselines.put("alt", 12.0 + random.nextInt(30));
            baselines.put("wbc", 4.8 + random.nextInt(45) / 10.0);
            baselines.put("neutrophils", 2.6 + random.nextInt(35) / 10.0);
            baselines.put("qtc", 390.0 + random.nextInt(45));
            lab("sodium", baselines.get("sodium"), bloods);
            lab("potassium", baselines.get("potassium"), bloods);
            lab("creatinine", baselines.get("creatinine"), bloods);
            lab("glucose", baselines.get("glucose"), bloods);
            lab("alt", baselines.get("alt"), bloods);
            lab("wbc", baselines.get("wbc"), bloods);
            lab("neutrophils", baselines.get("neutrophils"), bloods);
            if (random.nextDouble() < 0.5) {
                lab("ck", 60.0 + random.nextInt(300), bloods);
            }
            lab("qtc", baselines.get("qtc"), bloods.plusMinutes(40));
            vitals(
                    stay.admitted().plusMinutes(30 + 5L * random.nextInt(12)),
                    105 + random.nextInt(35),
                    14 + random.nextInt(5));
            if (critical != null && critical.equals("lithium") || requirements.contains("lithium-too")) {
                lab("lithium", 0.4 + random.nextInt(5) / 10.0, bloods);
            }
            int weeks = (int) Math.min(12, stay.lengthOfStayDays() / 7);
            for (int w = 1; w <= weeks; w++) {
                ZonedDateTime at = stay.admitted().plusDays(7L * w).withHour(8).withMinute(5 * random.nextInt(10));
                if (!at.isBefore(stay.discharged())) {
                    break;
                }
                if (random.nextDouble() < 0.5) {
                    lab("sodium", baselines.get("sodium") + random.nextInt(5) - 2, at);
                    lab("potassium", baselines.get("potassium") + (random.nextInt(5) - 2) / 10.0, at);
                    lab("creatinine", baselines.get("creatinine") * (0.9 + random.nextInt(25) / 100.0), at);
                }
                if ("clozapine".equals(critical)) {
                    lab("wbc", baselines.get("wbc") + (random.nextInt(11) - 5) / 10.0, at);
                    lab(
                            "neutrophils",
                            Math.max(2.4, baselines.get("neutrophils") + (random.nextInt(9) - 4) / 10.0),
                            at);
                }
                if ("lithium".equals(critical) || requirements.contains("lithium-too")) {
                    lab("lithium", 0.5 + random.nextInt(5) / 10.0, at);
                }
                if (random.nextDouble() < 0.4) {
                    vitals(at.plusHours(1), 105 + random.nextInt(35), 14 + random.nextInt(5));
                }
            }
        }

        /** One lab result; SI values are given in SI, converted to the patient's laboratory units where they differ. */
        String lab(String analyte, double siValue, ZonedDateTime at) {
            return lab(analyte, siValue, at, null, "final");
        }

        String lab(String analyte, double siValue, ZonedDateTime at, String forcedUnit, String status) {
            String code;
            String display;
            String unit;
            BigDecimal value;
            boolean us = forcedUnit != null ? !forcedUnit.equals("SI") : usUnits;
            switch (analyte) {
                case "lithium" -> {
                    code = "14334-7";
                    display = "Lithium [Moles/volume] in Serum or Plasma";
                    unit = us ? "mEq/L" : "mmol/L";
                    value = scale(siValue, 2);
                }
                case "sodium" -> {
                    code = "2951-2";
                    display = "Sodium [Moles/volume] in Serum or Plasma";
                    unit = "mmol/L";
                    value = scale(siValue, 0);
                }
                case "potassium" -> {
                    code = "2823-3";
                    display = "Potassium [Moles/volume] in Serum or Plasma";
                    unit = "mmol/L";
                    value = scale(siValue, 1);
                }
                case "creatinine" -> {
                    code = us ? "2160-0" : "14682-9";
                    display = us
                            ? "Creatinine [Mass/volume] in Serum or Plasma"
                            : "Creatinine [Moles/volume] in Serum or Plasma";
                    unit = us ? "mg/dL" : "umol/L";
                    value = us ? scale(siValue / 88.42, 2) : scale(siValue, 0);
                }
                case "glucose" -> {
                    code = us ? "2345-7" : "15074-8";
                    display = us ? "Glucose [Mass/volume] in Serum or Plasma" : "Glucose [Moles/volume] in Blood";
                    unit = us ? "mg/dL" : "mmol/L";
                    value = us ? scale(siValue * 18.016, 0) : scale(siValue, 1);
                }
                case "alt" -> {
                    code = "1742-6";
                    display = "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma";
                    unit = "U/L";
                    value = scale(siValue, 0);
                }
                case "ck" -> {
                    code = "2157-6";
                    display = "Creatine kinase [Enzymatic activity/volume] in Serum or Plasma";
                    unit = "U/L";
                    value = scale(siValue, 0);
                }
                case "wbc" -> {
                    code = us ? "6690-2" : "26464-8";
                    display = "Leukocytes [#/volume] in Blood";
                    unit = us ? "10*3/uL" : "10*9/L";
                    value = scale(siValue, 1);
                }
                case "neutrophils" -> {
                    code = us ? "751-8" : "26499-4";
                    display = "Neutrophils [#/volume] in Blood";
                    unit = us ? "10*3/uL" : "10*9/L";
                    value = scale(siValue, 1);
                }
                case "qtc" -> {
                    code = "8636-3";
                    display = "Q-T interval corrected";
                    unit = "ms";
                    value = scale(siValue, 0);
                }
                case "respiratory-rate" -> {
                    code = "9279-1";
                    display = "Respiratory rate";
                    unit = "/min";
                    value = scale(siValue, 0);
                }
                case "gcs" -> {
                    code = "9269-2";
                    display = "Glasgow coma score total";
                    unit = "{score}";
                    value = scale(siValue, 0);
                }
                default -> throw new IllegalArgumentException("unknown analyte " + analyte);
            }
            String id = nextId("o");
            boolean vital = analyte.equals("respiratory-rate") || analyte.equals("gcs");
            Json observation = Json.object()
                    .put("resourceType", "Observation")
                    .put("id", id)
                    .put("status", status)
                    .add(
                            "category",
                            concept(
                                    null,
                                    coding(
                                            "http://terminology.hl7.org/CodeSystem/observation-category",
                                            vital ? "vital-signs" : analyte.equals("qtc") ? "procedure" : "laboratory",
                                            null)))
                    .put(
                            "code",
                            concept(
                                    display,
                                    Json.object()
                                            .put("system", LOINC)
                                            .put("code", code)
                                            .put("display", display)))
                    .put("subject", reference(patientRef))
                    .put("encounter", reference(encounterRef))
                    .put("effectiveDateTime", instant(at))
                    .put(
                            "valueQuantity",
                            Json.object()
                                    .put("value", value)
                                    .put("unit", unit)
                                    .put("system", UCUM)
                                    .put("code", unit));
            resources.add(observation);
            return id;
        }

        String vitals(ZonedDateTime at, int systolic, int respiratoryRate) {
            String id = nextId("o");
            Json panel = Json.object()
                    .put("resourceType", "Observation")
                    .put("id", id)
                    .put("status", "final")
                    .add(
                            "category",
                            concept(
                                    null,
                                    coding(
                                            "http://terminology.hl7.org/CodeSystem/observation-category",
                                            "vital-signs",
                                            null)))
                    .put(
                            "code",
                            concept(
                                    "Blood pressure",
                                    Json.object()
                                            .put("system", LOINC)
                                            .put("code", "85354-9")
                                            .put("display", "Blood pressure panel with all children optional")))
                    .put("subject", reference(patientRef))
                    .put("encounter", reference(encounterRef))
                    .put("effectiveDateTime", instant(at))
                    .add(
                            "component",
                            Json.object()
                                    .put(
                                            "code",
                                            concept(
                                                    null,
                                                    Json.object()
                                                            .put("system", LOINC)
                                                            .put("code", "8480-6")
                                                            .put("display", "Systolic blood pressure")))
                                    .put(
                                            "valueQuantity",
                                            Json.object()
                                                    .put("value", BigDecimal.valueOf(systolic))
                                                    .put("unit", "mm[Hg]")
                                                    .put("system", UCUM)
                                                    .put("code", "mm[Hg]")))
                    .add(
                            "component",
                            Json.object()
                                    .put(
                                            "code",
                                            concept(
                                                    null,
                                                    Json.object()
                                                            .put("system", LOINC)
                                                            .put("code", "8462-4")
                                                            .put("display", "Diastolic blood pressure")))
                                    .put(
                                            "valueQuantity",
                                            Json.object()
                                                    .put(
                                                            "value",
                                                            BigDecimal.valueOf(
                                                                    Math.max(40, systolic - 40 - random.nextInt(15))))
                                                    .put("unit", "mm[Hg]")
                                                    .put("system", UCUM)
                                                    .put("code", "mm[Hg]")));
            resources.add(panel);
            if (respiratoryRate > 0) {
                lab("respiratory-rate", respiratoryRate, at);
            }
            return id;
        }

        // ------------------------------------------------------------------ care plans and risk assessments
        void documents(List<Planting> plantings) {
            boolean noCarePlan = plantings.stream().anyMatch(p -> p.trigger().equals("MH-Q01"));
            boolean noRiskAssessment =
                    plantings.stream().anyMatch(p -> p.trigger().equals("MH-Q02"));
            if (noCarePlan) {
                if (random.nextBoolean() && stay.lengthOfStayDays() > 9) {
                    // a late care plan still leaves the first week without one
                    String id = carePlan(stay.admitted().plusDays(7).plusHours(5));
                    if (id != null) {
                        addNegative(new HardNegative("MH-Q01", "near-threshold", id));
                    }
                }
                NoteDraft host = firstNote(Kind.WARD_ROUND, Kind.MEDICAL_REVIEW);
                if (host != null) {
                    host.add("plan", new Block("care plan to be written by named nurse", null, null));
                    addNegative(new HardNegative("MH-Q01", "clarification", "note#" + host.serial));
                }
            } else {
                double r = random.nextDouble();
                ZonedDateTime at = stay.admitted().plusHours(6 + random.nextInt(90));
                if (r < 0.1 && stay.lengthOfStayDays() > 7.5) {
                    at = stay.admitted().plusDays(6).plusHours(20);
                    addNegative(new HardNegative("MH-Q01", "near-threshold", carePlan(at)));
                } else if (r < 0.8) {
                    carePlan(at);
                }
                if (r >= 0.7) {
                    carePlanNote(at.plusMinutes(30));
                }
            }
            if (noRiskAssessment) {
                if (random.nextBoolean() && stay.lengthOfStayDays() > 4) {
                    String id = riskAssessment(stay.admitted().plusHours(73));
                    if (id != null) {
                        addNegative(new HardNegative("MH-Q02", "near-threshold", id));
                    }
                }
                NoteDraft host = firstNote(Kind.NURSING, Kind.WARD_ROUND);
                if (host != null) {
                    host.add("body", new Block("risk assessment still to be completed", null, null));
                    addNegative(new HardNegative("MH-Q02", "clarification", "note#" + host.serial));
                }
            } else {
                double r = random.nextDouble();
                ZonedDateTime at = stay.admitted().plusMinutes(90 + 5L * random.nextInt(500));
                if (r < 0.1) {
                    at = stay.admitted().plusHours(71);
                    addNegative(new HardNegative("MH-Q02", "near-threshold", riskAssessment(at)));
                } else if (r < 0.8) {
                    riskAssessment(at);
                }
                if (r >= 0.7) {
                    riskAssessmentNote(at.plusMinutes(20));
                }
            }
            if (random.nextDouble() < 0.15) {
                flag("Falls risk - sensor mat", stay.admitted().plusHours(4), "active");
                addNegative(new HardNegative("MH-C01", "hypothetical", lastFlag));
            }
            if (random.nextDouble() < 0.05) {
                flag("High absconding risk - leave suspended", stay.admitted().plusHours(5), "active");
                addNegative(new HardNegative("MH-B05", "hypothetical", lastFlag));
            }
            if ("clozapine".equals(critical)) {
                flag(
                        "Clozapine - FBC required before dispensing",
                        stay.admitted().plusHours(3),
                        "active");
            }
        }

        NoteDraft firstNote(Kind... kinds) {
            for (NoteDraft note : notes) {
                for (Kind kind : kinds) {
                    if (note.kind == kind && note.time.isBefore(stay.admitted().plusDays(7))) {
                        return note;
                    }
                }
            }
            return notes.get(0);
        }

        String carePlan(ZonedDateTime at) {
            if (!at.isBefore(stay.discharged())) {
                return null;
            }
            carePlanTimes.add(at);
            String id = nextId("cp");
            resources.add(Json.object()
                    .put("resourceType", "CarePlan")
                    .put("id", id)
                    .put("status", "active")
                    .put("intent", "plan")
                    .add("category", Json.object().put("text", "Mental health care plan"))
                    .put("title", voice.uk() ? "Nursing care plan" : "Care plan")
                    .put("subject", reference(patientRef))
                    .put("encounter", reference(encounterRef))
                    .put("period", Json.object().put("start", instant(at)))
                    .put("created", instant(at)));
            return id;
        }

        String riskAssessment(ZonedDateTime at) {
            if (!at.isBefore(stay.discharged())) {
                return null;
            }
            riskAssessmentTimes.add(at);
            String id = nextId("ra");
            resources.add(Json.object()
                    .put("resourceType", "RiskAssessment")
                    .put("id", id)
                    .put("status", "final")
                    .put("subject", reference(patientRef))
                    .put("encounter", reference(encounterRef))
                    .put("occurrenceDateTime", instant(at))
                    .put(
                            "method",
                            Json.object()
                                    .put("text", voice.uk() ? "Clinical risk assessment (FACE)" : "Risk assessment"))
                    .add(
                            "prediction",
                            Json.object()
                                    .put("outcome", Json.object().put("text", "Harm to self"))
                                    .put(
                                            "qualitativeRisk",
                                            Json.object().put("text", Seeds.pick(random, "low", "moderate", "high"))))
                    .add(
                            "prediction",
                            Json.object()
                                    .put("outcome", Json.object().put("text", "Harm to others"))
                                    .put(
                                            "qualitativeRisk",
                                            Json.object().put("text", Seeds.pick(random, "low", "moderate")))));
            return id;
        }

        void carePlanNote(ZonedDateTime at) {
            if (!at.isBefore(stay.discharged())) {
                return;
            }
            carePlanTimes.add(at);
            insertNote(Kind.CARE_PLAN, at);
        }

        void riskAssessmentNote(ZonedDateTime at) {
            if (!at.isBefore(stay.discharged())) {
                return;
            }
            riskAssessmentTimes.add(at);
            insertNote(Kind.RISK_ASSESSMENT, at);
        }

        NoteDraft insertNote(Kind kind, ZonedDateTime at) {
            if (notes.size() >= 15) {
                // keep 3-15 notes: the newcomer replaces a routine nursing note
                for (int i = notes.size() - 2; i > 0; i--) {
                    if (notes.get(i).kind == Kind.NURSING && !notes.get(i).hasEvent) {
                        notes.remove(i);
                        break;
                    }
                }
            }
            NoteDraft note = new NoteDraft(++serials, kind, at, random);
            notes.add(note);
            notes.sort(Comparator.comparing(n -> n.time));
            structureIfNeeded(note);
            return note;
        }

        void structureIfNeeded(NoteDraft note) {
            if (!note.hasSection("title")) {
                structureNote(note);
            }
        }

        String lastFlag;

        void flag(String text, ZonedDateTime start, String status) {
            lastFlag = nextId("f");
            resources.add(Json.object()
                    .put("resourceType", "Flag")
                    .put("id", lastFlag)
                    .put("status", status)
                    .add(
                            "category",
                            concept(
                                    null,
                                    coding(
                                            "http://terminology.hl7.org/CodeSystem/flag-category",
                                            "behavioral",
                                            "Behavioral")))
                    .put("code", Json.object().put("text", text))
                    .put("subject", reference(patientRef))
                    .put("period", Json.object().put("start", instant(start)))
                    .put("encounter", reference(encounterRef)));
        }

        // ------------------------------------------------------------------ planting triggers
        void plant(Planting planting) {
            String code = planting.trigger();
            Variant variant = planting.variant();
            ZonedDateTime from = stay.admitted().plusMinutes(40);
            if (code.equals("MH-C04")) {
                from = stay.admitted().plusHours(52);
            } else if (code.equals("MH-C02")) {
                from = stay.earliestTransfer().plusHours(1);
            } else if (code.equals("MH-M08") || code.equals("MH-L06") || code.equals("MH-L05")) {
                from = stay.admitted().plusDays(2).withHour(12);
            } else if (code.equals("MH-M06")) {
                from = stay.admitted().plusDays(3);
            } else if (code.equals("MH-M03")) {
                from = stay.admitted().plusDays(1);
            }
            if (from.isAfter(windowEnd)) {
                return;
            }
            if (code.equals("MH-Q01") || code.equals("MH-Q02")) {
                return; // documents() already left them out
            }
            ZonedDateTime at;
            NoteDraft host = null;
            if (variant.text()) {
                host = hostNote(from);
                if (host == null) {
                    if (!variant.structured()) {
                        return;
                    }
                    variant = Variant.STRUCTURED_ONLY;
                }
            }
            if (host != null) {
                long before = Duration.between(from, host.time).toMinutes();
                at = host.time.minusMinutes(Math.min(before, 20 + 5L * random.nextInt(30)));
            } else {
                at = randomTime(from, windowEnd);
            }
            if (variant.structured()) {
                structuredEvent(code, at, variant);
            }
            if (host != null) {
                List<Lexicon.Template> templates = new ArrayList<>(Lexicon.affirmed(code));
                templates.removeIf(t -> !usable(t.text(), false));
                if (code.equals("MH-C06")) {
                    return;
                }
                if (!templates.isEmpty()) {
                    Lexicon.Template template = Seeds.pick(random, templates);
                    voice.anchor = at;
                    host.insert(
                            host.hasSection("progress") ? "progress" : "body",
                            new Block(voice.expand(template.text()), code, Assertion.AFFIRMED),
                            random);
                    voice.anchor = null;
                    host.hasEvent = true;
                    if (host.kind == Kind.NURSING && random.nextDouble() < 0.4) {
                        host.kind = Kind.INCIDENT;
                        host.retitle(
                                voice.uk()
                                        ? Seeds.pick(random, "Incident note", "INCIDENT - nursing entry")
                                        : Seeds.pick(random, "Incident report", "IR note"));
                    }
                }
            }
        }

        boolean usable(String template, boolean quietStay) {
            if (template.contains("{critdrug}") && critical == null) {
                return false;
            }
            if (template.contains("exposed {him}self") && !patient.male()) {
                return false;
            }
            return !quietStay || !template.contains("!");
        }

        /** A note after {@code from} and inside the review window to report an event in. */
        NoteDraft hostNote(ZonedDateTime from) {
            List<NoteDraft> candidates = new ArrayList<>();
            for (NoteDraft note : notes) {
                boolean routine =
                        note.kind != Kind.CARE_PLAN && note.kind != Kind.RISK_ASSESSMENT && note.kind != Kind.ADMISSION;
                if (routine && note.time.isAfter(from.plusMinutes(20)) && !note.time.isAfter(windowEnd.plusHours(1))) {
                    candidates.add(note);
                }
            }
            if (candidates.isEmpty()) {
                return null;
            }
            // prefer notes without an event yet, so events spread over the stay
            List<NoteDraft> fresh = candidates.stream()
                    .filter(n -> !n.hasEvent && n.kind != Kind.DISCHARGE)
                    .toList();
            return Seeds.pick(random, fresh.isEmpty() ? candidates : fresh);
        }

        ZonedDateTime randomTime(ZonedDateTime from, ZonedDateTime to) {
            long minutes = Duration.between(from, to).toMinutes();
            if (minutes <= 0) {
                return from;
            }
            return from.plusMinutes(random.nextLong(minutes));
        }

        void structuredEvent(String code, ZonedDateTime at, Variant variant) {
            switch (code) {
                case "MH-C01" -> condition("W19", "Unspecified fall", at, "encounter-diagnosis", null);
                case "MH-C02" -> {
                    double r = random.nextDouble();
                    boolean canDispose = stay.death() == DeathMode.NONE
                            && stay.discharged().isBefore(stay.admitted().plusDays(85));
                    if (r < 0.2 && canDispose) {
                        dispositionCode = "other-hcf";
                        dispositionText = "Transferred to general hospital (medical ward)";
                    } else if (r < 0.6) {
                        otherEncounter(
                                "ed",
                                "EMER",
                                "emergency",
                                "Emergency department attendance",
                                null,
                                at,
                                at.plusHours(3 + random.nextInt(5)));
                    } else {
                        ZonedDateTime end = at.plusDays(1 + random.nextInt(4));
                        if (!end.isBefore(stay.discharged())) {
                            end = stay.discharged().minusHours(2);
                        }
                        otherEncounter(
                                "ac",
                                "IMP",
                                "inpatient encounter",
                                "Acute medical admission (general hospital)",
                                "General medicine",
                                at,
                                end);
                    }
                }
                case "MH-C03" ->
                    procedure(
                            "89666000",
                            "Cardiopulmonary resuscitation",
                            "Cardiopulmonary resuscitation",
                            at,
                            at.plusMinutes(12));
                case "MH-C04" -> {
                    String[][] infections = {
                        {"N39.0", "Urinary tract infection, site not specified", "nitrofurantoin"},
                        {"J18.9", "Pneumonia, unspecified", "amoxicillin"},
                        {"L03.1", "Cellulitis of other parts of limb", "co-amoxiclav"},
                        {"N39.0", "Urinary tract infection, site not specified", "trimethoprim"}
                    };
                    String[] infection = infections[random.nextInt(infections.length)];
                    if (random.nextBoolean()) {
                        condition(infection[0], infection[1], at, "encounter-diagnosis", null);
                    }
                    antibioticCourse(infection[2], at.plusMinutes(30));
                }
                case "MH-C05" ->
                    condition("L89.1", "Pressure ulcer of sacral region, stage II", at, "encounter-diagnosis", null);
                case "MH-C08" -> {
                    if (random.nextBoolean()) {
                        condition(Seeds.pick(random, "R56.8", "G40.9"), "Seizure", at, "encounter-diagnosis", null);
                    } else if (random.nextBoolean()) {
                        administration(
                                Drug.of("midazolam"), 10, "mg", "buccal", at, "completed", "seizure", null, null);
                    } else {
                        administration(
                                Drug.of("diazepam"), 10, "mg", "PR", at, "completed", "prolonged seizure", null, null);
                    }
                }
                case "MH-C09" ->
                    condition(
                            "J69.0",
                            "Pneumonitis due to food and vomit (aspiration pneumonia)",
                            at,
                            "encounter-diagnosis",
                            null);
                case "MH-B01" -> {
                    String[][] codes = {
                        {"X78.0", "Intentional self-harm by sharp object"},
                        {"X70", "Intentional self-harm by hanging, strangulation and suffocation"},
                        {"X60", "Intentional self-poisoning by nonopioid analgesics"},
                        {"X83", "Intentional self-harm by other specified means"}
                    };
                    String[] c = codes[random.nextInt(codes.length)];
                    condition(c[0], c[1], at, "encounter-diagnosis", null);
                }
                case "MH-B02" -> {
                    String id = nextId("c");
                    resources.add(Json.object()
                            .put("resourceType", "Condition")
                            .put("id", id)
                            .put(
                                    "verificationStatus",
                                    concept(
                                            null,
                                            coding(
                                                    "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                                                    "confirmed",
                                                    null)))
                            .add(
                                    "category",
                                    concept(
                                            null,
                                            coding(
                                                    "http://terminology.hl7.org/CodeSystem/condition-category",
                                                    "encounter-diagnosis",
                                                    null)))
                            .put(
                                    "code",
                                    concept(
                                            "Suicide attempt",
                                            Json.object()
                                                    .put("system", SNOMED)
                                                    .put("code", "82313006")
                                                    .put("display", "Suicide attempt"),
                                            icd(
                                                    "X70",
                                                    "Intentional self-harm by hanging, strangulation and suffocation")))
                            .put("subject", reference(patientRef))
                            .put("encounter", reference(encounterRef))
                            .put("onsetDateTime", instant(at))
                            .put("recordedDate", instant(at.plusMinutes(30))));
                }
                case "MH-B05" -> {
                    flag(
                            Seeds.pick(
                                    random,
                                    "Absent without leave (AWOL)",
                                    "Missing from ward",
                                    "Failed to return from leave"),
                            at,
                            "inactive");
                }
                case "MH-R01" ->
                    procedure(
                            "386423001",
                            "Physical restraint",
                            Seeds.pick(
                                    random,
                                    "Physical restraint",
                                    "Prone restraint",
                                    "Manual restraint",
                                    "Restraint - supine"),
                            at,
                            at.plusMinutes(3 + random.nextInt(12)));
                case "MH-R02" -> procedure(null, null, "Seclusion", at, at.plusHours(2 + random.nextInt(10)));
                case "MH-R03" -> rapidTranquillisation(at);
                case "MH-M01" ->
                    administration(
                            Drug.of("naloxone"),
                            0.4,
                            "mg",
                            Seeds.pick(random, "IM", "IV"),
                            at,
                            "completed",
                            "opioid toxicity",
                            null,
                            null);
                case "MH-M02" ->
                    administration(
                            Drug.of("flumazenil"),
                            0.2,
                            "mg",
                            "IV",
                            at,
                            "completed",
                            "benzodiazepine toxicity",
                            null,
                            null);
                case "MH-M03" -> {
                    if (random.nextBoolean()) {
                        administration(
                                Drug.of(Seeds.pick(random, "procyclidine", "procyclidine", "benzatropine")),
                                5,
                                "mg",
                                Seeds.pick(random, "IM", "PO"),
                                at,
                                "completed",
                                "acute dystonia",
                                null,
                                null);
                    } else {
                        order(
                                Drug.of("procyclidine"),
                                5,
                                "mg",
                                "PO",
                                at,
                                random.nextBoolean(),
                                "active",
                                null,
                                "5mg TDS for EPSE");
                    }
                }
                case "MH-M04" -> {
                    double r = random.nextDouble();
                    if (r < 0.4) {
                        vitals(at, 78 + random.nextInt(11), 0);
                    } else if (r < 0.7) {
                        lab("respiratory-rate", 6 + random.nextInt(3), at);
                    } else {
                        lab("gcs", 6 + random.nextInt(3), at);
                    }
                }
                case "MH-M05" -> {
                    String key = critical == null ? "lithium" : critical;
                    order(
                            Drug.of(key),
                            key.equals("clozapine") ? mainDose : 800,
                            "mg",
                            "PO",
                            at,
                            false,
                            random.nextBoolean() ? "stopped" : "on-hold",
                            Seeds.pick(
                                    random,
                                    "stopped by medical team",
                                    "withheld pending review",
                                    "withheld - toxicity"),
                            null);
                }
                case "MH-M06" -> laxative(at);
                case "MH-M07" -> antiemetic(at, "completed");
                case "MH-M08" -> highDose(at);
                case "MH-M09" -> {
                    String key = critical == null ? "lithium" : critical;
                    if (diabetic && random.nextBoolean()) {
                        key = "insulin";
                    }
                    administration(
                            Drug.of(key),
                            key.equals("insulin") ? 20 : key.equals("clozapine") ? mainDose : 400,
                            key.equals("insulin") ? "U" : "mg",
                            key.equals("insulin") ? "SC" : "PO",
                            at,
                            "not-done",
                            null,
                            Seeds.pick(
                                    random,
                                    "Patient refused",
                                    "Patient on leave",
                                    "Not available on ward",
                                    "Omitted - patient asleep"),
                            orders.get(key));
                }
                case "MH-L01" -> lab("lithium", Seeds.pick(random, 1.5, 1.6, 1.8, 2.1), at);
                case "MH-L02" -> {
                    if (random.nextBoolean()) {
                        lab("neutrophils", Seeds.pick(random, 1.1, 1.3, 1.4), at);
                    } else {
                        lab("wbc", Seeds.pick(random, 2.4, 2.8, 2.9), at);
                    }
                }
                case "MH-L03" -> lab("sodium", Seeds.pick(random, 124.0, 126.0, 128.0, 129.0), at);
                case "MH-L04" -> lab("potassium", Seeds.pick(random, 2.6, 2.8, 2.9, 6.2, 6.5), at);
                case "MH-L05" ->
                    lab(
                            "qtc",
                            random.nextBoolean()
                                    ? 505 + random.nextInt(30)
                                    : baselines.get("qtc") + 65 + random.nextInt(10),
                            at);
                case "MH-L06" -> lab("creatinine", baselines.get("creatinine") * Seeds.pick(random, 2.2, 2.5, 3.0), at);
                case "MH-L07" -> lab("glucose", Seeds.pick(random, 2.1, 2.4, 2.6, 2.7), at);
                case "MH-L08" -> lab("alt", Seeds.pick(random, 135.0, 160.0, 240.0), at);
                case "MH-L09" -> lab("ck", Seeds.pick(random, 1450.0, 2300.0, 5600.0), at);
                default -> throw new IllegalArgumentException("no structured form for " + code);
            }
            structured(code);
        }

        void laxative(ZonedDateTime at) {
            switch (Seeds.pick(random, "senna", "lactulose", "macrogol")) {
                case "senna" ->
                    administration(Drug.of("senna"), 15, "mg", "PO", at, "completed", "constipation", null, null);
                case "lactulose" ->
                    administration(Drug.of("lactulose"), 15, "mL", "PO", at, "completed", "constipation", null, null);
                default ->
                    administration(Drug.of("macrogol"), 13.8, "g", "PO", at, "completed", "constipation", null, null);
            }
        }

        void antiemetic(ZonedDateTime at, String status) {
            String key = Seeds.pick(random, "cyclizine", "ondansetron", "metoclopramide", "prochlorperazine");
            double amount = switch (key) {
                case "cyclizine" -> 50;
                case "ondansetron" -> 4;
                case "metoclopramide" -> 10;
                default -> 12.5;
            };
            String route = key.equals("prochlorperazine") ? "IM" : Seeds.pick(random, "PO", "IM", "IV");
            administration(
                    Drug.of(key),
                    amount,
                    "mg",
                    route,
                    at,
                    status,
                    "nausea",
                    status.equals("not-done") ? "Patient declined" : null,
                    null);
        }

        void antibioticCourse(String key, ZonedDateTime first) {
            String order = order(Drug.of(key), 500, "mg", "PO", first.minusMinutes(20), false, "completed", null, null);
            for (int i = 0; i < 3; i++) {
                ZonedDateTime at = first.plusHours(12L * i);
                if (at.isBefore(stay.discharged())) {
                    administration(Drug.of(key), 500, "mg", "PO", at, "completed", "infection", null, order);
                }
            }
        }

        void rapidTranquillisation(ZonedDateTime at) {
            String key = Seeds.pick(
                    random,
                    "lorazepam",
                    "lorazepam",
                    "haloperidol",
                    "promethazine",
                    "olanzapine",
                    "zuclopenthixol-acetate",
                    "midazolam",
                    "aripiprazole");
            double amount = switch (key) {
                case "lorazepam" -> 2;
                case "haloperidol" -> 5;
                case "promethazine" -> 50;
                case "olanzapine" -> 10;
                case "zuclopenthixol-acetate" -> 50;
                case "midazolam" -> 5;
                default -> 9.75;
            };
            Drug drug = Drug.of(key);
            if (drug.antipsychotic() && percentOn(at.toLocalDate()) + 100.0 * amount / drug.maxDailyMg() > 100.0) {
                drug = Drug.of("lorazepam");
                amount = 2;
            }
            String route = key.equals("midazolam") ? "IM" : random.nextDouble() < 0.85 ? "IM" : "IV";
            administration(
                    drug,
                    amount,
                    "mg",
                    route,
                    at,
                    "completed",
                    Seeds.pick(random, "acute behavioural disturbance", "rapid tranquillisation", "severe agitation"),
                    null,
                    null);
        }

        void highDose(ZonedDateTime at) {
            // the regular dose at its maximum plus an oral PRN antipsychotic: strictly above 100% of the maximum
            if (at.toLocalDate().equals(stay.discharged().toLocalDate())) {
                at = at.minusDays(1);
            }
            Drug regular = mainDrug.antipsychotic() ? mainDrug : Drug.of("olanzapine");
            Drug prn = regular.key().equals("haloperidol") ? Drug.of("olanzapine") : Drug.of("haloperidol");
            administration(
                    regular,
                    regular.maxDailyMg(),
                    "mg",
                    "PO",
                    at.withHour(9).withMinute(0),
                    "completed",
                    null,
                    null,
                    orders.get(regular.key()));
            administration(
                    prn,
                    prn.maxDailyMg() / 4,
                    "mg",
                    "PO",
                    at.withHour(16).withMinute(30),
                    "completed",
                    "agitation",
                    null,
                    null);
        }

        String procedure(String snomed, String display, String text, ZonedDateTime start, ZonedDateTime end) {
            String id = nextId("pr");
            Json code = Json.object();
            if (snomed != null && random.nextDouble() < 0.7) {
                code.add(
                        "coding",
                        Json.object().put("system", SNOMED).put("code", snomed).put("display", display));
            }
            code.put("text", text);
            resources.add(Json.object()
                    .put("resourceType", "Procedure")
                    .put("id", id)
                    .put("status", "completed")
                    .put("code", code)
                    .put("subject", reference(patientRef))
                    .put("encounter", reference(encounterRef))
                    .put("performedPeriod", period(start, end)));
            return id;
        }

        void otherEncounter(
                String prefix,
                String classCode,
                String classDisplay,
                String type,
                String service,
                ZonedDateTime start,
                ZonedDateTime end) {
            resources.add(Json.object()
                    .put("resourceType", "Encounter")
                    .put("id", nextId(prefix))
                    .put("status", "finished")
                    .put("class", coding(ACT_CODE, classCode, classDisplay))
                    .add("type", Json.object().put("text", type))
                    .put("serviceType", service == null ? null : Json.object().put("text", service))
                    .put("subject", reference(patientRef))
                    .put("period", period(start, end)));
        }

        // ------------------------------------------------------------------ timeline triggers
        void death() {
            if (stay.death() == DeathMode.IN_STAY || stay.death() == DeathMode.ON_LEAVE_TEXT_ONLY) {
                ZonedDateTime at = stay.deathTime();
                NoteDraft note = insertNote(Kind.INCIDENT, stay.discharged().minusMinutes(50));
                note.hasEvent = true;
                String text;
                if (stay.death() == DeathMode.ON_LEAVE_TEXT_ONLY) {
                    text = "Informed by police at "
                            + voice.clock(stay.discharged().minusMinutes(70))
                            + " that {pt} was «found dead» at home while on overnight leave. NOK aware, {doc} informed, "
                            + (voice.uk() ? "Datix completed" : "IR filed");
                } else if (patient.ageAt(at.toLocalDate()) >= 65) {
                    text = "{pt} «passed away» peacefully at " + voice.clock(at)
                            + ". verification of death by {doc}. family informed";
                } else {
                    text = "{pt} found unresponsive in bedroom at " + voice.clock(at.minusMinutes(25))
                            + ". «MH-C03!crash call» put out, «MH-C03!CPR commenced», paramedics attended. «pronounced dead» at "
                            + voice.clock(at) + " by {doc}. NOK informed, police informed";
                    procedure(
                            "89666000",
                            "Cardiopulmonary resuscitation",
                            "Cardiopulmonary resuscitation",
                            at.minusMinutes(20),
                            at);
                    structured("MH-C03");
                }
                note.add("body", new Block(voice.expand(text), "MH-C06", Assertion.AFFIRMED));
                if (stay.death() == DeathMode.IN_STAY) {
                    structured("MH-C06");
                }
            } else if (stay.death() == DeathMode.AFTER_DISCHARGE_WITHIN_WINDOW) {
                structured("MH-C06");
            } else if (stay.death() == DeathMode.AFTER_DISCHARGE_OUTSIDE_WINDOW) {
                addNegative(new HardNegative("MH-C06", "near-threshold", patient.patientId()));
            }
        }

        void emergencyAfterDischarge() {
            ZonedDateTime at = stay.emergencyAfterDischarge();
            if (at == null) {
                return;
            }
            otherEncounter("ed", "EMER", "emergency", "Emergency department attendance", null, at, at.plusHours(4));
            if (!at.isAfter(stay.discharged().plusDays(7))) {
                structured("MH-X02");
            } else if (!at.isAfter(stay.discharged().plusDays(9))) {
                addNegative(new HardNegative("MH-X02", "near-threshold", encounterId));
            }
        }

        void readmission() {
            ZonedDateTime previous = stay.previousDischarge();
            if (previous == null) {
                return;
            }
            if (!stay.admitted().isAfter(previous.plusDays(30))) {
                structured("MH-X01");
            } else if (!stay.admitted().isAfter(previous.plusDays(32))) {
                addNegative(new HardNegative("MH-X01", "near-threshold", encounterId));
            }
        }

        // ------------------------------------------------------------------ hard negatives
        void placeNegative(String pair) {
            int space = pair.indexOf(' ');
            String code = pair.substring(0, space);
            String kind = pair.substring(space + 1);
            boolean quietStay = Schedule.quiet(stay.index());
            if (kind.equals("near-threshold")) {
                String id = nearMiss(code);
                if (id != null) {
                    addNegative(new HardNegative(code, kind, id));
                }
                return;
            }
            if ((code.equals("MH-M06")) && !"clozapine".equals(critical)) {
                return;
            }
            List<Lexicon.Template> templates = new ArrayList<>(
                    kind.equals("clarification")
                            ? Lexicon.nearMisses(code)
                            : Lexicon.negatives(code, assertionOf(kind)));
            templates.removeIf(t -> !usable(t.text(), quietStay));
            if (templates.isEmpty()) {
                return;
            }
            Lexicon.Template template = Seeds.pick(random, templates);
            NoteDraft note = negativeHost(template.section());
            if (note == null) {
                return;
            }
            Assertion assertion = kind.equals("clarification") ? null : assertionOf(kind);
            String text = voice.expand(template.text());
            String section = template.section() == null
                    ? (note.kind == Kind.DISCHARGE ? "progress" : "body")
                    : template.section();
            note.insert(
                    section,
                    new Block(
                            text, assertion == null ? null : code, assertion == null ? Assertion.AFFIRMED : assertion),
                    random);
            addNegative(new HardNegative(code, kind, "note#" + note.serial));
        }

        NoteDraft negativeHost(String section) {
            if (section != null
                    && (section.equals("pph")
                            || section.equals("pmh")
                            || section.equals("fh")
                            || section.equals("forensic"))) {
                return notes.get(0);
            }
            List<NoteDraft> candidates = new ArrayList<>();
            for (NoteDraft note : notes) {
                boolean routine =
                        note.kind != Kind.ADMISSION && note.kind != Kind.CARE_PLAN && note.kind != Kind.RISK_ASSESSMENT;
                if (section == null ? routine : note.hasSection(section)) {
                    candidates.add(note);
                }
            }
            return candidates.isEmpty() ? notes.get(0) : Seeds.pick(random, candidates);
        }

        Assertion assertionOf(String label) {
            for (Assertion assertion : Assertion.values()) {
                if (assertion.label().equals(label)) {
                    return assertion;
                }
            }
            throw new IllegalArgumentException("unknown assertion label " + label);
        }

        /** A structured value or resource just on the safe side of a trigger's threshold; returns its id. */
        String nearMiss(String code) {
            ZonedDateTime from = stay.admitted().plusDays(2).withHour(10);
            if (from.isAfter(windowEnd)) {
                from = stay.admitted().plusHours(6);
            }
            ZonedDateTime at = randomTime(from, windowEnd);
            boolean first = random.nextBoolean();
            switch (code) {
                case "MH-L01" -> {
                    if (critical == null || !(critical.equals("lithium") || requirements.contains("lithium-too"))) {
                        return null;
                    }
                    if (stay.lengthOfStayDays() > 100 && random.nextDouble() < 0.3) {
                        // high, but after the 90-day review window
                        return lab("lithium", 1.8, stay.admitted().plusDays(95));
                    }
                    return lab("lithium", first ? 1.49 : 1.4, at);
                }
                case "MH-L02" -> {
                    if ("clozapine".equals(critical)) {
                        return first ? lab("neutrophils", 1.5, at) : lab("wbc", 3.0, at);
                    }
                    return lab("neutrophils", 1.3, at);
                }
                case "MH-L03" -> {
                    return lab("sodium", first ? 130 : 131, at);
                }
                case "MH-L04" -> {
                    return lab("potassium", first ? 3.0 : 6.0, at);
                }
                case "MH-L05" -> {
                    // just under both limits: under 500 ms, and no more than 60 ms above the first QTc
                    double edge = baselines.get("qtc") + 60;
                    return lab("qtc", first ? Math.min(499, edge) : edge, at);
                }
                case "MH-L06" -> {
                    double factor = first && !usUnits ? 2.0 : 1.9;
                    return lab("creatinine", baselines.get("creatinine") * factor, at);
                }
                case "MH-L07" -> {
                    double r = random.nextDouble();
                    if (r < 0.4) {
                        return lab("glucose", 3.1, at, "SI", "final");
                    } else if (r < 0.7) {
                        return lab("glucose", 2.8, at, "SI", "final");
                    }
                    return lab("glucose", 51 / 18.016, at, "US", "final");
                }
                case "MH-L08" -> {
                    return lab("alt", first ? 120 : 118, at);
                }
                case "MH-L09" -> {
                    return lab("ck", first ? 1000 : 980, at);
                }
                case "MH-M04" -> {
                    return first ? vitals(at, 90, 0) : lab("respiratory-rate", 10, at);
                }
                case "MH-M07" -> {
                    if (first) {
                        antiemetic(at, "not-done");
                        return lastId();
                    }
                    return order(Drug.of("cyclizine"), 50, "mg", "PO", at, true, "active", null, "50mg TDS PRN nausea");
                }
                case "MH-M08" -> {
                    LocalDate day = at.toLocalDate();
                    for (int i = 0;
                            i < 5
                                    && (percentOn(day) > 0
                                            || day.equals(stay.discharged().toLocalDate()));
                            i++) {
                        day = day.minusDays(1);
                    }
                    if (percentOn(day) > 0
                            || !day.isAfter(stay.admitted().toLocalDate().plusDays(1))) {
                        return null;
                    }
                    ZonedDateTime morning = at.with(day).withHour(9).withMinute(0);
                    Drug regular = mainDrug.antipsychotic() ? mainDrug : Drug.of("olanzapine");
                    if (first) {
                        administration(
                                regular,
                                regular.maxDailyMg(),
                                "mg",
                                "PO",
                                morning,
                                "completed",
                                null,
                                null,
                                orders.get(regular.key()));
                        return lastId();
                    }
                    // two drugs at 50% each: exactly 100%, which does not fire
                    Drug other = regular.key().equals("haloperidol") ? Drug.of("olanzapine") : Drug.of("haloperidol");
                    administration(
                            regular,
                            regular.maxDailyMg() / 2,
                            "mg",
                            "PO",
                            morning,
                            "completed",
                            null,
                            null,
                            orders.get(regular.key()));
                    administration(
                            other,
                            other.maxDailyMg() / 2,
                            "mg",
                            "PO",
                            morning.withHour(17),
                            "completed",
                            "agitation",
                            null,
                            null);
                    return lastId();
                }
                case "MH-M09" -> {
                    administration(
                            Drug.of(Seeds.pick(random, "sertraline", "paracetamol", "mirtazapine")),
                            50,
                            "mg",
                            "PO",
                            at,
                            "not-done",
                            null,
                            "Patient refused",
                            null);
                    return lastId();
                }
                case "MH-C04" -> {
                    if (stay.lengthOfStayDays() < 3) {
                        return null;
                    }
                    // infection present on admission, antibiotic first given at 47 h: not healthcare-associated
                    condition(
                            "N39.0",
                            "Urinary tract infection, site not specified",
                            stay.admitted().plusHours(8),
                            "encounter-diagnosis",
                            null);
                    antibioticCourse("trimethoprim", stay.admitted().plusHours(47));
                    return lastId();
                }
                case "MH-B01" -> {
                    return condition(
                            "X78.0",
                            "Intentional self-harm by sharp object",
                            at,
                            "encounter-diagnosis",
                            "entered-in-error");
                }
                case "MH-C02" -> {
                    if (!dispositionCode.equals("home")) {
                        return null;
                    }
                    dispositionCode = "psy";
                    dispositionText = "Transferred to another psychiatric hospital";
                    return encounterId;
                }
                default -> throw new IllegalArgumentException("no near-miss for " + code);
            }
        }

        // ------------------------------------------------------------------ FHIR pieces
        Json documentReference(String id, NoteDraft note, String text) {
            String[] type = switch (note.kind) {
                case NURSING -> new String[] {"34746-8", "Nurse Note", voice.uk() ? "Nursing note" : "Nursing entry"};
                case INCIDENT -> new String[] {"34746-8", "Nurse Note", "Incident report"};
                case WARD_ROUND -> new String[] {"11506-3", "Progress note", "Ward round note"};
                case ADMISSION -> new String[] {"11506-3", "Progress note", "Admission clerking"};
                case MEDICAL_REVIEW -> new String[] {"11506-3", "Progress note", "Medical review"};
                case DISCHARGE -> new String[] {"18842-5", "Discharge summary", "Discharge summary"};
                case CARE_PLAN -> new String[] {"18776-5", "Plan of care note", "Care plan"};
                case RISK_ASSESSMENT ->
                    new String[] {"75492-9", "Risk assessment and screening note", "Risk assessment"};
            };
            String data = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
            return Json.object()
                    .put("resourceType", "DocumentReference")
                    .put("id", id)
                    .put("status", "current")
                    .put("docStatus", "final")
                    .put(
                            "type",
                            concept(
                                    type[2],
                                    Json.object()
                                            .put("system", LOINC)
                                            .put("code", type[0])
                                            .put("display", type[1])))
                    .put("subject", reference(patientRef))
                    .put("date", instant(note.time))
                    .put(
                            "context",
                            Json.object()
                                    .add("encounter", reference(encounterRef))
                                    .put("period", Json.object().put("start", instant(note.time))))
                    .add(
                            "content",
                            Json.object()
                                    .put(
                                            "attachment",
                                            Json.object()
                                                    .put("contentType", "text/plain")
                                                    .put("language", voice.uk() ? "en-GB" : "en-SG")
                                                    .put("data", data)
                                                    .put("title", type[2])
                                                    .put("creation", instant(note.time))));
        }
    }

    // ---------------------------------------------------------------------- small JSON builders
    static Json reference(String reference) {
        return Json.object().put("reference", reference);
    }

    static Json coding(String system, String code, String display) {
        return Json.object().put("system", system).put("code", code).put("display", display);
    }

    static Json concept(String text, Json... codings) {
        Json concept = Json.object();
        for (Json coding : codings) {
            concept.add("coding", coding);
        }
        return concept.put("text", text);
    }

    static Json period(ZonedDateTime start, ZonedDateTime end) {
        return Json.object().put("start", instant(start)).put("end", instant(end));
    }

    static Json quantity(double amount, String unit) {
        return Json.object()
                .put("value", new BigDecimal(dose(amount)))
                .put("unit", unit)
                .put("system", UCUM)
                .put("code", unit.equals("U") ? "[iU]" : unit);
    }

    static BigDecimal scale(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP);
    }

    static String dose(double amount) {
        BigDecimal value = BigDecimal.valueOf(amount).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
    }

    static int typeOrder(Json resource) {
        return switch ((String) resource.get("resourceType")) {
            case "Encounter" -> "IMP".equals(((Json) resource.get("class")).get("code")) ? 0 : 1;
            case "Condition" -> 2;
            case "Observation" -> 3;
            case "MedicationRequest" -> 4;
            case "MedicationAdministration" -> 5;
            case "Procedure" -> 6;
            case "Flag" -> 7;
            case "CarePlan" -> 8;
            case "RiskAssessment" -> 9;
            case "DocumentReference" -> 10;
            default -> 11;
        };
    }
}
