package org.mhtrigger.corpus.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

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
        String id = nextId("c");
        Json condition = Json.object()
                .put("resourceType", "Condition")
                .put("id", id)
                .put(
                        "clinicalStatus",
                        Fhir.concept(
                                null,
                                Fhir.coding(
                                        "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)))
                .put(
                        "verificationStatus",
                        Fhir.concept(
                                null,
                                Fhir.coding(
                                        "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                                        verification == null ? "confirmed" : verification,
                                        null)))
                .add(
                        "category",
                        Fhir.concept(
                                null,
                                Fhir.coding(
                                        "http://terminology.hl7.org/CodeSystem/condition-category", category, null)))
                .put("code", Fhir.concept(display, icd(code, display)))
                .put("subject", Fhir.reference(patientRef))
                .put("encounter", Fhir.reference(encounterRef))
                .put("onsetDateTime", Fhir.instant(time))
                .put("recordedDate", Fhir.instant(time.plusMinutes(20)));
        resources.add(condition);
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
                value = Fhir.scale(siValue, 2);
            }
            case "sodium" -> {
                code = "2951-2";
                display = "Sodium [Moles/volume] in Serum or Plasma";
                unit = "mmol/L";
                value = Fhir.scale(siValue, 0);
            }
            case "potassium" -> {
                code = "2823-3";
                display = "Potassium [Moles/volume] in Serum or Plasma";
                unit = "mmol/L";
                value = Fhir.scale(siValue, 1);
            }
            case "creatinine" -> {
                code = us ? "2160-0" : "14682-9";
                display = us
                        ? "Creatinine [Mass/volume] in Serum or Plasma"
                        : "Creatinine [Moles/volume] in Serum or Plasma";
                unit = us ? "mg/dL" : "umol/L";
                value = us ? Fhir.scale(siValue / 88.42, 2) : Fhir.scale(siValue, 0);
            }
            case "glucose" -> {
                code = us ? "2345-7" : "15074-8";
                display = us ? "Glucose [Mass/volume] in Serum or Plasma" : "Glucose [Moles/volume] in Blood";
                unit = us ? "mg/dL" : "mmol/L";
                value = us ? Fhir.scale(siValue * 18.016, 0) : Fhir.scale(siValue, 1);
            }
            case "alt" -> {
                code = "1742-6";
                display = "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma";
                unit = "U/L";
                value = Fhir.scale(siValue, 0);
            }
            case "ck" -> {
                code = "2157-6";
                display = "Creatine kinase [Enzymatic activity/volume] in Serum or Plasma";
                unit = "U/L";
                value = Fhir.scale(siValue, 0);
            }
            case "wbc" -> {
                code = us ? "6690-2" : "26464-8";
                display = "Leukocytes [#/volume] in Blood";
                unit = us ? "10*3/uL" : "10*9/L";
                value = Fhir.scale(siValue, 1);
            }
            case "neutrophils" -> {
                code = us ? "751-8" : "26499-4";
                display = "Neutrophils [#/volume] in Blood";
                unit = us ? "10*3/uL" : "10*9/L";
                value = Fhir.scale(siValue, 1);
            }
            case "qtc" -> {
                code = "8636-3";
                display = "Q-T interval corrected";
                unit = "ms";
                value = Fhir.scale(siValue, 0);
            }
            case "respiratory-rate" -> {
                code = "9279-1";
                display = "Respiratory rate";
                unit = "/min";
                value = Fhir.scale(siValue, 0);
            }
            case "gcs" -> {
                code = "9269-2";
                display = "Glasgow coma score total";
                unit = "{score}";
                value = Fhir.scale(siValue, 0);
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
                        Fhir.concept(
                                null,
                                Fhir.coding(
                                        "http://terminology.hl7.org/CodeSystem/observation-category",
                                        vital ? "vital-signs" : analyte.equals("qtc") ? "procedure" : "laboratory",
                                        null)))
                .put("code", Fhir.concept(display, Fhir.coding(Fhir.LOINC, code, display)))
                .put("subject", Fhir.reference(patientRef))
                .put("encounter", Fhir.reference(encounterRef))
                .put("effectiveDateTime", Fhir.instant(at))
                .put("valueQuantity", Fhir.ucum(value, unit));
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
                        Fhir.concept(
                                null,
                                Fhir.coding(
                                        "http://terminology.hl7.org/CodeSystem/observation-category",
                                        "vital-signs",
                                        null)))
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
                .put("subject", Fhir.reference(patientRef))
                .put("encounter", Fhir.reference(encounterRef))
                .put("period", Json.object().put("start", Fhir.instant(at)))
                .put("created", Fhir.instant(at)));
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
        String data = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        return Json.object()
                .put("resourceType", "DocumentReference")
                .put("id", id)
                .put("status", "current")
                .put("docStatus", "final")
                .put("type", Fhir.concept(type[2], Fhir.coding(Fhir.LOINC, type[0], type[1])))
                .put("subject", Fhir.reference(patientRef))
                .put("date", Fhir.instant(note.time))
                .put(
                        "context",
                        Json.object()
                                .add("encounter", Fhir.reference(encounterRef))
                                .put("period", Json.object().put("start", Fhir.instant(note.time))))
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
                                                .put("creation", Fhir.instant(note.time))));
    }
}
