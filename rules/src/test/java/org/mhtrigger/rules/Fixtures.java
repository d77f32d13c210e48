package org.mhtrigger.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.mhtrigger.engine.record.CarePlanRecord;
import org.mhtrigger.engine.record.DischargeDisposition;
import org.mhtrigger.engine.record.LabResult;
import org.mhtrigger.engine.record.MedicationEvent;
import org.mhtrigger.engine.record.MedicationEventKind;
import org.mhtrigger.engine.record.Patient;
import org.mhtrigger.engine.record.RiskAssessmentRecord;
import org.mhtrigger.engine.record.Route;
import org.mhtrigger.engine.record.SourceRef;
import org.mhtrigger.engine.record.Stay;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.engine.screen.Finding;
import org.mhtrigger.engine.screen.TextHit;

/** Small synthetic records for the rule tests. Every value is made up. */
final class Fixtures {
    static final String STAY = "e-1";
    static final String PATIENT = "p-1";
    static final Instant ADMITTED = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant DISCHARGED = at(20);

    /** One evaluator with the shipped configuration, shared by the tests: it is thread-safe. */
    static final DroolsTriggerEvaluator RULES = new DroolsTriggerEvaluator(RulesConfig.defaults());

    private Fixtures() {}

    /** {@code days} (fractional) after admission. */
    static Instant at(double days) {
        return ADMITTED.plus(Duration.ofMinutes(Math.round(days * 24 * 60)));
    }

    static Patient patient() {
        return new Patient(PATIENT, "female", null, null);
    }

    /** A 20-day stay with a care plan and a risk assessment on day 0, so that MH-Q01/Q02 stay quiet. */
    static StayRecord.Builder stay() {
        return stay(patient(), DISCHARGED, DischargeDisposition.HOME);
    }

    static StayRecord.Builder stay(Patient patient, Instant discharged, DischargeDisposition disposition) {
        return bareStay(patient, discharged, disposition)
                .carePlan(new CarePlanRecord(new SourceRef("CarePlan", "cp-1"), at(0.5), "active"))
                .riskAssessment(new RiskAssessmentRecord(new SourceRef("RiskAssessment", "ra-1"), at(0.5), "final"));
    }

    /** A stay with nothing attached. */
    static StayRecord.Builder bareStay(Patient patient, Instant discharged, DischargeDisposition disposition) {
        return StayRecord.builder(patient, new Stay(STAY, PATIENT, ADMITTED, discharged, "Ward 1", disposition));
    }

    /** A lab result reported in its SI unit. */
    static LabResult lab(String id, String analyte, double value, String unit, Instant time) {
        return new LabResult(new SourceRef("Observation", id), analyte, value, unit, value, unit, time);
    }

    /** A lab result reported in another unit and converted by the adapter ({@code si} null: not convertible). */
    static LabResult lab(String id, String analyte, double value, String unit, Double si, String siUnit, Instant time) {
        return new LabResult(new SourceRef("Observation", id), analyte, value, unit, si, siUnit, time);
    }

    static MedicationEvent given(String id, String ingredient, Double mg, Route route, Instant time) {
        return administration(id, ingredient, mg, route, "completed", time, false, false);
    }

    static MedicationEvent administration(
            String id,
            String ingredient,
            Double mg,
            Route route,
            String status,
            Instant time,
            boolean prn,
            boolean depot) {
        return new MedicationEvent(
                new SourceRef("MedicationAdministration", id),
                MedicationEventKind.ADMINISTRATION,
                ingredient,
                mg,
                route,
                status,
                time,
                prn,
                depot,
                "");
    }

    static MedicationEvent order(String id, String ingredient, String status, Instant time) {
        return new MedicationEvent(
                new SourceRef("MedicationRequest", id),
                MedicationEventKind.ORDER,
                ingredient,
                null,
                Route.ORAL,
                status,
                time,
                false,
                false,
                "");
    }

    static List<Finding> evaluate(StayRecord.Builder record) {
        return RULES.evaluate(record.build(), List.of());
    }

    static List<Finding> evaluate(StayRecord.Builder record, List<TextHit> hits) {
        return RULES.evaluate(record.build(), hits);
    }

    /** The findings of one trigger. */
    static List<Finding> only(String trigger, List<Finding> findings) {
        return findings.stream().filter(f -> f.trigger().equals(trigger)).toList();
    }

    /** The ids of the sources of one trigger's findings. */
    static List<String> sources(String trigger, List<Finding> findings) {
        return only(trigger, findings).stream().map(f -> f.source().id()).toList();
    }
}
