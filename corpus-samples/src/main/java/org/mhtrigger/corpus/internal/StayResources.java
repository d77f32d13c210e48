package org.mhtrigger.corpus.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;

/**
 * The FHIR resources of one stay being generated: its identity (patient, encounter, identifiers, random stream,
 * voice) and the builders that add conditions, orders, administrations, observations, procedures, flags, care plans,
 * risk assessments and notes to it. {@link StayBuild} and the planters decide what goes in; this class only writes it.
 * Not thread-safe: one per stay.
 */
abstract class StayResources {
    final PatientPlan patient;

    final StayPlan stay;

    final SplittableRandom random;

    final String encounterId;

    final String number;

    final String patientRef;

    final String encounterRef;

    final Voice voice;

    final List<Json> resources = new ArrayList<>();

    final TreeMap<LocalDate, Double> antipsychoticPercent = new TreeMap<>();

    final boolean usUnits;

    int counter;

    ZonedDateTime windowEnd;

    final List<ZonedDateTime> carePlanTimes = new ArrayList<>();

    final List<ZonedDateTime> riskAssessmentTimes = new ArrayList<>();

    final TreeMap<String, String> orders = new TreeMap<>();

    String lastAdministration;

    String lastFlag;

    /** How a laboratory reports one analyte: LOINC code, display, unit, the conversion from SI and decimal places. */
    private record LabUnit(String code, String display, String unit, DoubleUnaryOperator fromSi, int places) {
        LabUnit(String code, String display, String unit, int places) {
            this(code, display, unit, DoubleUnaryOperator.identity(), places);
        }
    }

    /** An analyte in SI units and in the US conventional units of the patients whose laboratory uses them. */
    private record Analyte(LabUnit si, LabUnit us) {
        /** Reported alike in both unit systems, unless {@link #us} says otherwise. */
        static Analyte of(String code, String display, String unit, int places) {
            LabUnit unitForAll = new LabUnit(code, display, unit, places);
            return new Analyte(unitForAll, unitForAll);
        }

        /** In US units under another code and unit name, the same value. */
        Analyte us(String code, String unit) {
            return new Analyte(si, new LabUnit(code, si.display(), unit, si.places()));
        }

        /** In US units as another measurement: code, display, unit, value converted from SI, decimal places. */
        Analyte us(String code, String display, String unit, DoubleUnaryOperator fromSi, int places) {
            return new Analyte(si, new LabUnit(code, display, unit, fromSi, places));
        }
    }

    /** How laboratories report the analyte {@code name}. */
    private static Analyte analyte(String name) {
        return switch (name) {
            case "lithium" ->
                Analyte.of("14334-7", "Lithium [Moles/volume] in Serum or Plasma", "mmol/L", 2)
                        .us("14334-7", "mEq/L");
            case "sodium" -> Analyte.of("2951-2", "Sodium [Moles/volume] in Serum or Plasma", "mmol/L", 0);
            case "potassium" -> Analyte.of("2823-3", "Potassium [Moles/volume] in Serum or Plasma", "mmol/L", 1);
            case "creatinine" ->
                Analyte.of("14682-9", "Creatinine [Moles/volume] in Serum or Plasma", "umol/L", 0)
                        .us("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL", umol -> umol / 88.42, 2);
            case "glucose" ->
                Analyte.of("15074-8", "Glucose [Moles/volume] in Blood", "mmol/L", 1)
                        .us("2345-7", "Glucose [Mass/volume] in Serum or Plasma", "mg/dL", mmol -> mmol * 18.016, 0);
            case "alt" ->
                Analyte.of(
                        "1742-6", "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma", "U/L", 0);
            case "ck" ->
                Analyte.of("2157-6", "Creatine kinase [Enzymatic activity/volume] in Serum or Plasma", "U/L", 0);
            case "wbc" ->
                Analyte.of("26464-8", "Leukocytes [#/volume] in Blood", "10*9/L", 1)
                        .us("6690-2", "10*3/uL");
            case "neutrophils" ->
                Analyte.of("26499-4", "Neutrophils [#/volume] in Blood", "10*9/L", 1)
                        .us("751-8", "10*3/uL");
            case "qtc" -> Analyte.of("8636-3", "Q-T interval corrected", "ms", 0);
            case "respiratory-rate" -> Analyte.of("9279-1", "Respiratory rate", "/min", 0);
            case "gcs" -> Analyte.of("9269-2", "Glasgow coma score total", "{score}", 0);
            default -> throw new IllegalArgumentException("unknown analyte " + name);
        };
    }

    StayResources(long seed, long idOffset, PatientPlan patient, StayPlan stay) {
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

    ZonedDateTime randomTime(ZonedDateTime from, ZonedDateTime to) {
        long minutes = Duration.between(from, to).toMinutes();
        if (minutes <= 0) {
            return from;
        }
        return from.plusMinutes(random.nextLong(minutes));
    }

    String condition(String code, String display, ZonedDateTime time, String category, String verification) {
        return condition(
                "active",
                verification == null ? "confirmed" : verification,
                category,
                Fhir.concept(display, icd(code, display)),
                time,
                time.plusMinutes(20));
    }

    /** Adds a Condition of this stay; a {@code null} clinical status is left out, as some systems record none. */
    String condition(
            String clinicalStatus,
            String verification,
            String category,
            Json code,
            ZonedDateTime onset,
            ZonedDateTime recorded) {
        String id = nextId("c");
        resources.add(Json.object()
                .put("resourceType", "Condition")
                .put("id", id)
                .put(
                        "clinicalStatus",
                        clinicalStatus == null ? null : Fhir.codedConcept(Fhir.CONDITION_CLINICAL, clinicalStatus))
                .put("verificationStatus", Fhir.codedConcept(Fhir.CONDITION_VERIFICATION, verification))
                .add("category", Fhir.codedConcept(Fhir.CONDITION_CATEGORY, category))
                .put("code", code)
                .put("subject", Fhir.reference(patientRef))
                .put("encounter", Fhir.reference(encounterRef))
                .put("onsetDateTime", Fhir.instant(onset))
                .put("recordedDate", Fhir.instant(recorded)));
        return id;
    }

    Json icd(String code, String display) {
        String system =
                random.nextDouble() < 0.8 ? "http://hl7.org/fhir/sid/icd-10" : "http://hl7.org/fhir/sid/icd-10-uk";
        return Fhir.coding(system, code, display);
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
                .put("text", instruction == null ? Fhir.dose(amount) + unit + (prn ? " PRN" : " OD") : instruction)
                .put("asNeededBoolean", prn)
                .put("route", route(route))
                .add("doseAndRate", Json.object().put("doseQuantity", Fhir.quantity(amount, unit)));
        Json request = Json.object()
                .put("resourceType", "MedicationRequest")
                .put("id", id)
                .put("status", status)
                .put("statusReason", statusReason == null ? null : Json.object().put("text", statusReason))
                .put("intent", "order")
                .put("medicationCodeableConcept", medication(drug, amount, unit))
                .put("subject", Fhir.reference(patientRef))
                .put("encounter", Fhir.reference(encounterRef))
                .put("authoredOn", Fhir.instant(at))
                .add("dosageInstruction", dosage);
        resources.add(request);
        return id;
    }

    /** A regular oral order in mg, active from {@code at}. */
    String oralOrder(Drug drug, double mg, ZonedDateTime at, String instruction) {
        return order(drug, mg, "mg", "PO", at, false, "active", null, instruction);
    }

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
                        statusReason == null ? null : Json.array(Json.object().put("text", statusReason)))
                .put("medicationCodeableConcept", medication(drug, amount, unit))
                .put("subject", Fhir.reference(patientRef))
                .put("context", Fhir.reference(encounterRef))
                .put("effectiveDateTime", Fhir.instant(at))
                .put(
                        "reasonCode",
                        reason == null ? null : Json.array(Json.object().put("text", reason)))
                .put("request", requestId == null ? null : Fhir.reference("MedicationRequest/" + requestId))
                .put(
                        "dosage",
                        Json.object()
                                .put("text", Fhir.dose(amount) + unit + " " + route)
                                .put("route", route(route))
                                .put("dose", Fhir.quantity(amount, unit)));
        resources.add(administration);
    }

    /** An oral dose in mg given at {@code at}; {@code reason} says why an as-required dose was given. */
    void oralDoseGiven(Drug drug, double mg, ZonedDateTime at, String reason, String requestId) {
        administration(drug, mg, "mg", "PO", at, "completed", reason, null, requestId);
    }

    double percentOn(LocalDate day) {
        return antipsychoticPercent.getOrDefault(day, 0.0);
    }

    Json medication(Drug drug, double amount, String unit) {
        String strength = Fhir.dose(amount) + unit;
        double r = random.nextDouble();
        Json concept = Json.object();
        String generic = drug.generic();
        if (r < 0.3) {
            concept.add("coding", Fhir.coding(Fhir.ATC, drug.atc(), generic));
            concept.put("text", generic + " " + strength);
        } else if (r < 0.55 && drug.rxnorm() != null) {
            concept.add("coding", Fhir.coding(Fhir.RXNORM, drug.rxnorm(), generic));
            concept.add("coding", Fhir.coding(Fhir.ATC, drug.atc(), generic));
            concept.put("text", generic + " " + strength);
        } else if (r < 0.7 && drug.rxnorm() != null) {
            concept.add("coding", Fhir.coding(Fhir.RXNORM, drug.rxnorm(), generic));
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
                    .add("coding", Fhir.coding(Fhir.SNOMED, snomed[0], snomed[1]))
                    .put("text", route);
        }
        return Json.object().put("text", route);
    }

    /** One lab result; SI values are given in SI, converted to the patient's laboratory units where they differ. */
    String lab(String analyte, double siValue, ZonedDateTime at) {
        return lab(analyte, siValue, at, null, "final");
    }

    String lab(String analyte, double siValue, ZonedDateTime at, String forcedUnit, String status) {
        Analyte kind = analyte(analyte);
        boolean us = forcedUnit != null ? !forcedUnit.equals("SI") : usUnits;
        LabUnit reported = us ? kind.us() : kind.si();
        BigDecimal value = Fhir.scale(reported.fromSi().applyAsDouble(siValue), reported.places());
        String id = nextId("o");
        boolean vital = analyte.equals("respiratory-rate") || analyte.equals("gcs");
        Json observation = Json.object()
                .put("resourceType", "Observation")
                .put("id", id)
                .put("status", status)
                .add(
                        "category",
                        Fhir.codedConcept(
                                Fhir.OBSERVATION_CATEGORY,
                                vital ? "vital-signs" : analyte.equals("qtc") ? "procedure" : "laboratory"))
                .put(
                        "code",
                        Fhir.concept(reported.display(), Fhir.coding(Fhir.LOINC, reported.code(), reported.display())))
                .put("subject", Fhir.reference(patientRef))
                .put("encounter", Fhir.reference(encounterRef))
                .put("effectiveDateTime", Fhir.instant(at))
                .put("valueQuantity", Fhir.ucum(value, reported.unit()));
        resources.add(observation);
        return id;
    }

    String vitals(ZonedDateTime at, int systolic, int respiratoryRate) {
        String id = nextId("o");
        Json panel = Json.object()
                .put("resourceType", "Observation")
                .put("id", id)
                .put("status", "final")
                .add("category", Fhir.codedConcept(Fhir.OBSERVATION_CATEGORY, "vital-signs"))
                .put(
                        "code",
                        Fhir.concept(
                                "Blood pressure",
                                Fhir.coding(Fhir.LOINC, "85354-9", "Blood pressure panel with all children optional")))
                .put("subject", Fhir.reference(patientRef))
                .put("encounter", Fhir.reference(encounterRef))
                .put("effectiveDateTime", Fhir.instant(at))
                .add(
                        "component",
                        Json.object()
                                .put(
                                        "code",
                                        Fhir.concept(
                                                null, Fhir.coding(Fhir.LOINC, "8480-6", "Systolic blood pressure")))
                                .put("valueQuantity", Fhir.ucum(BigDecimal.valueOf(systolic), "mm[Hg]")))
                .add(
                        "component",
                        Json.object()
                                .put(
                                        "code",
                                        Fhir.concept(
                                                null, Fhir.coding(Fhir.LOINC, "8462-4", "Diastolic blood pressure")))
                                .put(
                                        "valueQuantity",
                                        Fhir.ucum(
                                                BigDecimal.valueOf(Math.max(40, systolic - 40 - random.nextInt(15))),
                                                "mm[Hg]")));
        resources.add(panel);
        if (respiratoryRate > 0) {
            lab("respiratory-rate", respiratoryRate, at);
        }
        return id;
    }

    String carePlan(ZonedDateTime at) {
        String id = documentedDuringStay(at, carePlanTimes, "cp");
        if (id == null) {
            return null;
        }
        resources.add(Json.object()
                .put("resourceType", "CarePlan")
                .put("id", id)
                .put("status", "active")
                .put("intent", "plan")
                .add("category", Json.object().put("text", "Mental health care plan"))
                .put("title", voice.uk() ? "Nursing care plan" : "Care plan")
                .put("subject", Fhir.reference(patientRef))
                .put("encounter", Fhir.reference(encounterRef))
                .put("period", Json.object().put("start", Fhir.instant(at)))
                .put("created", Fhir.instant(at)));
        return id;
    }

    /**
     * The id of a care plan or risk assessment documented at {@code at}, whose time is kept in {@code times}; or
     * {@code null}, with nothing kept, when the stay has ended by then.
     */
    private String documentedDuringStay(ZonedDateTime at, List<ZonedDateTime> times, String prefix) {
        if (!at.isBefore(stay.discharged())) {
            return null;
        }
        times.add(at);
        return nextId(prefix);
    }

    String riskAssessment(ZonedDateTime at) {
        String id = documentedDuringStay(at, riskAssessmentTimes, "ra");
        if (id == null) {
            return null;
        }
        resources.add(Json.object()
                .put("resourceType", "RiskAssessment")
                .put("id", id)
                .put("status", "final")
                .put("subject", Fhir.reference(patientRef))
                .put("encounter", Fhir.reference(encounterRef))
                .put("occurrenceDateTime", Fhir.instant(at))
                .put(
                        "method",
                        Json.object().put("text", voice.uk() ? "Clinical risk assessment (FACE)" : "Risk assessment"))
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

    void flag(String text, ZonedDateTime start, String status) {
        lastFlag = nextId("f");
        resources.add(Json.object()
                .put("resourceType", "Flag")
                .put("id", lastFlag)
                .put("status", status)
                .add(
                        "category",
                        Fhir.concept(
                                null,
                                Fhir.coding(
                                        "http://terminology.hl7.org/CodeSystem/flag-category",
                                        "behavioral",
                                        "Behavioral")))
                .put("code", Json.object().put("text", text))
                .put("subject", Fhir.reference(patientRef))
                .put("period", Json.object().put("start", Fhir.instant(start)))
                .put("encounter", Fhir.reference(encounterRef)));
    }

    String procedure(String snomed, String display, String text, ZonedDateTime start, ZonedDateTime end) {
        String id = nextId("pr");
        Json code = Json.object();
        if (snomed != null && random.nextDouble() < 0.7) {
            code.add("coding", Fhir.coding(Fhir.SNOMED, snomed, display));
        }
        code.put("text", text);
        resources.add(Json.object()
                .put("resourceType", "Procedure")
                .put("id", id)
                .put("status", "completed")
                .put("code", code)
                .put("subject", Fhir.reference(patientRef))
                .put("encounter", Fhir.reference(encounterRef))
                .put("performedPeriod", Fhir.period(start, end)));
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
                .put("class", Fhir.coding(Fhir.ACT_CODE, classCode, classDisplay))
                .add("type", Json.object().put("text", type))
                .put("serviceType", service == null ? null : Json.object().put("text", service))
                .put("subject", Fhir.reference(patientRef))
                .put("period", Fhir.period(start, end)));
    }

    Json documentReference(String id, NoteDraft note, String text) {
        String[] type = switch (note.kind) {
            case NURSING -> new String[] {"34746-8", "Nurse Note", voice.uk() ? "Nursing note" : "Nursing entry"};
            case INCIDENT -> new String[] {"34746-8", "Nurse Note", "Incident report"};
            case WARD_ROUND -> new String[] {"11506-3", "Progress note", "Ward round note"};
            case ADMISSION -> new String[] {"11506-3", "Progress note", "Admission clerking"};
            case MEDICAL_REVIEW -> new String[] {"11506-3", "Progress note", "Medical review"};
            case DISCHARGE -> new String[] {"18842-5", "Discharge summary", "Discharge summary"};
            case CARE_PLAN -> new String[] {"18776-5", "Plan of care note", "Care plan"};
            case RISK_ASSESSMENT -> new String[] {"75492-9", "Risk assessment and screening note", "Risk assessment"};
        };
        return NoteResource.of(
                id,
                Fhir.concept(type[2], Fhir.coding(Fhir.LOINC, type[0], type[1])),
                patientRef,
                encounterRef,
                note.time,
                voice.uk() ? "en-GB" : "en-SG",
                type[2],
                text);
    }
}
