package org.mhtrigger.corpus.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Code systems and small FHIR JSON builders shared by the generator. Stateless, thread-safe. */
final class Fhir {
    static final String LOINC = "http://loinc.org";
    static final String SNOMED = "http://snomed.info/sct";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String ATC = "http://www.whocc.no/atc";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    static final String DISPOSITION = "http://terminology.hl7.org/CodeSystem/discharge-disposition";
    static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    static final String CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
    static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private Fhir() {}

    static String instant(ZonedDateTime time) {
        return INSTANT.format(time);
    }

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

    /** A concept of one code without display or text, as status and category fields carry them. */
    static Json codedConcept(String system, String code) {
        return concept(null, coding(system, code, null));
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

    /** A UCUM quantity whose code is its unit as written. */
    static Json ucum(BigDecimal value, String unit) {
        return Json.object()
                .put("value", value)
                .put("unit", unit)
                .put("system", UCUM)
                .put("code", unit);
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
