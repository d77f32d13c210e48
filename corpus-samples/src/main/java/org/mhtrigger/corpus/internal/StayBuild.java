package org.mhtrigger.corpus.internal;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mhtrigger.corpus.internal.NoteDraft.Block;
import org.mhtrigger.corpus.internal.NoteDraft.Kind;
import org.mhtrigger.corpus.internal.StayOutput.HardNegative;
import org.mhtrigger.corpus.internal.Triggers.Planting;
import org.mhtrigger.corpus.internal.Triggers.Variant;
import org.mhtrigger.engine.screen.Assertion;

/**
 * One stay being generated: decides its clinical picture, which triggers and hard negatives it holds, and hands
 * each trigger to the planter of its catalogue module ({@link Planters}). Not thread-safe: one per stay.
 */
final class StayBuild extends StayResources {
    final List<NoteDraft> notes = new ArrayList<>();

    final TreeMap<String, boolean[]> sources = new TreeMap<>();

    final List<HardNegative> negatives = new ArrayList<>();

    final TreeSet<String> requirements = new TreeSet<>();

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

    final TreeMap<String, Double> baselines = new TreeMap<>();

    final NoteWriter writer = new NoteWriter(this);

    /** Which trap rows may be placed: none, those marked on, or all. */
    private final TrapPlanter.Selection traps;

    private final long seed;

    StayBuild(long seed, long idOffset, TrapPlanter.Selection traps, PatientPlan patient, StayPlan stay) {
        super(seed, idOffset, patient, stay);
        this.seed = seed;
        this.traps = traps;
    }

    StayOutput run() {
        List<Planting> plantings = choosePlantings();
        List<String> negativePlan = chooseNegatives();
        chooseClinicalPicture(plantings, negativePlan);
        writer.scheduleNotes();
        encounter();
        diagnosis();
        regimen();
        routineLabs();
        Planters.QUALITY.documents(this, plantings);
        for (Planter planter : Planters.ALL) {
            planter.admissionFlags(this);
        }
        for (Planting planting : plantings) {
            plant(planting);
        }
        Planters.CARE.death(this);
        resources.add(0, encounterResource());
        Planters.TRANSITIONS.emergencyAfterDischarge(this);
        Planters.TRANSITIONS.readmission(this);
        for (String pair : negativePlan) {
            placeNegative(pair);
        }
        writer.fillRoutineText();
        TrapPlanter.place(this, plantings, traps, Seeds.stream(seed, stay.index(), Seeds.TRAP));
        List<Mention> mentions = new ArrayList<>();
        writer.renderNotes(mentions);
        Planters.QUALITY.carePlanAndRiskGold(this);
        Planters.MEDICATION.antipsychoticGold(this);
        resources.sort(Comparator.comparing(Fhir::typeOrder));
        return new StayOutput(encounterId, List.copyOf(resources), sources, mentions, List.copyOf(negatives));
    }

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
        int size = StayGenerator.NEGATIVE_ROTATION.size();
        plan.add(StayGenerator.NEGATIVE_ROTATION.get((2 * stay.index()) % size));
        plan.add(StayGenerator.NEGATIVE_ROTATION.get((2 * stay.index() + 1) % size));
        int extra = 1 + random.nextInt(4);
        for (int i = 0; i < extra; i++) {
            plan.add(StayGenerator.NEGATIVE_ROTATION.get(random.nextInt(size)));
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
        boolean lithium =
                requirements.contains("lithium") || (family == Background.Family.MANIA && random.nextDouble() < 0.5);
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
        voice.dose = Fhir.dose(mainDose) + "mg " + Seeds.pick(random, "ON", "nocte", "BD", "OD");
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
                .put("class", Fhir.coding(Fhir.ACT_CODE, "IMP", "inpatient encounter"))
                .add(
                        "type",
                        Json.object()
                                .put("text", voice.uk() ? "Psychiatric inpatient admission" : "Psychiatric admission"))
                .put(
                        "serviceType",
                        Json.object()
                                .put(
                                        "text",
                                        voice.ward.contains("Psychogeriatric")
                                                ? "Old age psychiatry"
                                                : voice.uk() ? "General adult psychiatry" : "General psychiatry"))
                .put("subject", Fhir.reference(patientRef))
                .put("period", Fhir.period(stay.admitted(), stay.discharged()))
                .add("reasonCode", Fhir.concept(null, icd(diagnosisCode, diagnosisName)))
                .put(
                        "hospitalization",
                        Json.object()
                                .put(
                                        "dischargeDisposition",
                                        Fhir.concept(
                                                dispositionText,
                                                Json.object()
                                                        .put("system", Fhir.DISPOSITION)
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

    void regimen() {
        ZonedDateTime start = stay.admitted().plusHours(3);
        orders.put(mainDrug.key(), oralOrder(mainDrug, mainDose, start, voice.dose));
        regularDoses(mainDrug, mainDose);
        if (critical != null && !critical.equals(mainDrug.key())) {
            double criticalDose = switch (critical) {
                case "lithium" -> Seeds.pick(random, 400.0, 600.0, 800.0, 1000.0);
                case "valproate" -> Seeds.pick(random, 500.0, 1000.0, 1500.0);
                default -> 200;
            };
            orders.put(critical, oralOrder(Drug.of(critical), criticalDose, start, Fhir.dose(criticalDose) + "mg ON"));
            oralDoseGiven(Drug.of(critical), criticalDose, start.plusHours(6), null, orders.get(critical));
        }
        if (requirements.contains("lithium-too")) {
            orders.put("lithium", oralOrder(Drug.of("lithium"), 800, start, "800mg ON"));
        }
        if (diabetic) {
            orders.put(
                    "insulin", order(Drug.of("insulin"), 20, "U", "SC", start, false, "active", null, "20 units ON"));
        }
        if (family == Background.Family.DEPRESSION) {
            oralOrder(Drug.of(Seeds.pick(random, "sertraline", "mirtazapine")), 50, start, null);
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
                    Drug.of("lorazepam"), 2, "mg", "IM", start, true, "active", null, "2mg IM PRN if oral declined");
            addNegative(new HardNegative("MH-R03", "hypothetical", id));
        }
        if (random.nextDouble() < 0.3) {
            ZonedDateTime prn = randomTime(stay.admitted().plusHours(6), windowEnd);
            oralDoseGiven(Drug.of("lorazepam"), 1, prn, "anxiety", orders.get("lorazepam-prn"));
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
                    Fhir.dose(depotDose) + "mg IM every 4 weeks");
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
            oralDoseGiven(drug, dailyDose, at, null, orders.get(drug.key()));
        }
    }

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
                lab("neutrophils", Math.max(2.4, baselines.get("neutrophils") + (random.nextInt(9) - 4) / 10.0), at);
            }
            if ("lithium".equals(critical) || requirements.contains("lithium-too")) {
                lab("lithium", 0.5 + random.nextInt(5) / 10.0, at);
            }
            if (random.nextDouble() < 0.4) {
                vitals(at.plusHours(1), 105 + random.nextInt(35), 14 + random.nextInt(5));
            }
        }
    }

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
            host = writer.hostNote(from);
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
            structuredEvent(code, at);
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

    void structuredEvent(String code, ZonedDateTime at) {
        Planters.of(code).structured(this, code, at);
        structured(code);
    }

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
                kind.equals("clarification") ? Lexicon.nearMisses(code) : Lexicon.negatives(code, assertionOf(kind)));
        templates.removeIf(t -> !usable(t.text(), quietStay));
        if (templates.isEmpty()) {
            return;
        }
        Lexicon.Template template = Seeds.pick(random, templates);
        NoteDraft note = writer.negativeHost(template.section());
        if (note == null) {
            return;
        }
        Assertion assertion = kind.equals("clarification") ? null : assertionOf(kind);
        String text = voice.expand(template.text());
        String section =
                template.section() == null ? (note.kind == Kind.DISCHARGE ? "progress" : "body") : template.section();
        note.insert(
                section,
                new Block(text, assertion == null ? null : code, assertion == null ? Assertion.AFFIRMED : assertion),
                random);
        addNegative(new HardNegative(code, kind, "note#" + note.serial));
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
        return Planters.of(code).nearMiss(this, code, at, first);
    }
}
