package org.mhtrigger.fhir.export;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.mhtrigger.engine.measure.Completeness;
import org.mhtrigger.engine.measure.EventSummary;
import org.mhtrigger.engine.measure.HarmCategory;
import org.mhtrigger.engine.measure.Measure;
import org.mhtrigger.engine.measure.PeriodMeasures;
import org.mhtrigger.engine.measure.Rate;
import org.mhtrigger.engine.sampling.ReviewPeriod;
import org.mhtrigger.fhir.internal.FhirContexts;

/**
 * Writes harm measures and authenticated events as FHIR R4 JSON. Thread-safe; one per application.
 *
 * <ul>
 *   <li>{@code MeasureReport}: status {@code complete} when every sampled record of the period is signed and {@code
 *       pending} while any is not (its figures are then provisional), with the counts in the extension {@link
 *       #REVIEW_COMPLETENESS_EXTENSION} ({@code sampled}, {@code signed}); type summary, the review period,
 *       improvement notation "decrease",
 *       one group per {@link Measure} (code {@link #MEASURE_SYSTEM}) with numerator and denominator populations and
 *       the score. FHIR population counts are integers: patient-days and bed-days are rounded there, and the exact
 *       decimal is kept in the extension {@link #EXACT_COUNT_EXTENSION}.
 *   <li>{@code AdverseEvent}: actuality actual; category = outcome class ({@link #OUTCOME_CLASS_SYSTEM}); event = the
 *       trigger ({@link #TRIGGER_SYSTEM}); seriousness = the harm category ({@link #HARM_CATEGORY_SYSTEM}); dated by
 *       the review period's first day; the subject is an anonymous reference with no identifier. No free text leaves.
 * </ul>
 */
public final class FhirMeasureExport {
    public static final String BASE = "http://mhtrigger.org/fhir/";
    public static final String MEASURE_CANONICAL = BASE + "Measure/harm-rates";
    public static final String MEASURE_SYSTEM = BASE + "CodeSystem/measure";
    public static final String HARM_CATEGORY_SYSTEM = BASE + "CodeSystem/harm-category";
    public static final String OUTCOME_CLASS_SYSTEM = BASE + "CodeSystem/outcome-class";
    public static final String TRIGGER_SYSTEM = BASE + "CodeSystem/trigger";
    public static final String EVENT_IDENTIFIER_SYSTEM = BASE + "NamingSystem/adverse-event";
    public static final String EXACT_COUNT_EXTENSION = BASE + "StructureDefinition/exact-count";
    public static final String REVIEW_COMPLETENESS_EXTENSION = BASE + "StructureDefinition/review-completeness";
    static final String POPULATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/measure-population";
    static final String IMPROVEMENT_SYSTEM = "http://terminology.hl7.org/CodeSystem/measure-improvement-notation";

    private final FhirContext fhir = FhirContexts.r4();

    /** One period's measures as a {@code MeasureReport} in JSON. */
    public String measureReportJson(PeriodMeasures measures, Completeness completeness, Instant generated) {
        return json(measureReport(measures, completeness, generated));
    }

    /** One authenticated event as an {@code AdverseEvent} in JSON. */
    public String adverseEventJson(EventSummary event) {
        return json(adverseEvent(event));
    }

    /**
     * A collection {@code Bundle}: one {@code MeasureReport} per period (with its completeness, same order), then one
     * {@code AdverseEvent} per event.
     */
    public String bundleJson(
            List<PeriodMeasures> periods,
            List<Completeness> completeness,
            List<EventSummary> events,
            Instant generated) {
        if (periods.size() != completeness.size()) {
            throw new IllegalArgumentException("periods (" + periods.size() + ") and completeness ("
                    + completeness.size() + ") must have the same length");
        }
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(Date.from(generated));
        for (int i = 0; i < periods.size(); i++) {
            PeriodMeasures period = periods.get(i);
            add(
                    bundle,
                    measureReport(period, completeness.get(i), generated),
                    "MeasureReport/" + period.period().label());
        }
        for (EventSummary event : events) {
            add(bundle, adverseEvent(event), "AdverseEvent/" + event.eventId());
        }
        return json(bundle);
    }

    MeasureReport measureReport(PeriodMeasures measures, Completeness completeness, Instant generated) {
        Objects.requireNonNull(measures, "measures must not be null");
        MeasureReport report = new MeasureReport()
                .setStatus(
                        completeness.complete()
                                ? MeasureReport.MeasureReportStatus.COMPLETE
                                : MeasureReport.MeasureReportStatus.PENDING)
                .setType(MeasureReport.MeasureReportType.SUMMARY)
                .setMeasure(MEASURE_CANONICAL)
                .setDate(Date.from(generated))
                .setPeriod(period(measures.period()))
                .setImprovementNotation(new CodeableConcept(
                        new Coding(IMPROVEMENT_SYSTEM, "decrease", "Decreased score" + " indicates improvement")));
        Extension counts = new Extension(REVIEW_COMPLETENESS_EXTENSION);
        counts.addExtension("sampled", new IntegerType(completeness.sampled()));
        counts.addExtension("signed", new IntegerType(completeness.signed()));
        report.addExtension(counts);
        for (Measure measure : Measure.values()) {
            Rate rate = measures.rate(measure);
            MeasureReport.MeasureReportGroupComponent group = report.addGroup();
            group.setCode(new CodeableConcept(new Coding(MEASURE_SYSTEM, measure.code(), measure.title()))
                    .setText(measure.title()));
            population(group, "numerator", "Numerator", measure.numeratorLabel(), rate.numerator());
            population(group, "denominator", "Denominator", measure.denominatorLabel(), rate.denominator());
            if (rate.defined()) {
                group.getMeasureScore().setValue(rate.value()).setUnit(unit(measure));
            }
        }
        return report;
    }

    AdverseEvent adverseEvent(EventSummary event) {
        Objects.requireNonNull(event, "event must not be null");
        AdverseEvent resource = new AdverseEvent()
                .setActuality(AdverseEvent.AdverseEventActuality.ACTUAL)
                .setSubject(new Reference().setDisplay("anonymised patient"))
                .setIdentifier(
                        new Identifier().setSystem(EVENT_IDENTIFIER_SYSTEM).setValue(event.eventId()));
        resource.addCategory(new CodeableConcept(new Coding(
                        OUTCOME_CLASS_SYSTEM,
                        event.outcomeClass()
                                .name()
                                .toLowerCase(java.util.Locale.ROOT)
                                .replace('_', '-'),
                        event.outcomeClass().label()))
                .setText(event.outcomeClass().label()));
        if (event.trigger() != null) {
            resource.setEvent(new CodeableConcept(new Coding(TRIGGER_SYSTEM, event.trigger(), event.triggerName())));
        }
        if (event.harm() != null) {
            HarmCategory harm = event.harm();
            resource.setSeriousness(
                    new CodeableConcept(new Coding(HARM_CATEGORY_SYSTEM, harm.name(), harm.definition()))
                            .setText("harm " + harm.name()));
        }
        resource.setDateElement(new DateTimeType(event.period().start().toString()));
        return resource;
    }

    private static void population(
            MeasureReport.MeasureReportGroupComponent group, String code, String display, String text, double count) {
        MeasureReport.MeasureReportGroupPopulationComponent population = group.addPopulation()
                .setCode(new CodeableConcept(new Coding(POPULATION_SYSTEM, code, display)).setText(text))
                .setCount((int) Math.round(count));
        if (count != Math.rint(count)) {
            population.addExtension(new Extension(EXACT_COUNT_EXTENSION, new DecimalType(count)));
        }
    }

    private static String unit(Measure measure) {
        return switch (measure) {
            case AE_PER_1000_PATIENT_DAYS, MH_INCIDENTS_PER_1000_PATIENT_DAYS -> "per 1000 patient-days";
            case AE_PER_100_ADMISSIONS -> "per 100 admissions";
            case PERCENT_ADMISSIONS_WITH_AE -> "%";
            case RESTRICTIVE_PER_1000_BED_DAYS -> "per 1000 occupied bed-days";
        };
    }

    private static Period period(ReviewPeriod period) {
        return new Period()
                .setStartElement(new DateTimeType(period.start().toString()))
                .setEndElement(new DateTimeType(period.last().toString()));
    }

    private static void add(Bundle bundle, Resource resource, String key) {
        String uuid =
                UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
        bundle.addEntry().setFullUrl("urn:uuid:" + uuid).setResource(resource);
    }

    private String json(org.hl7.fhir.instance.model.api.IBaseResource resource) {
        return fhir.newJsonParser().setPrettyPrint(true).encodeResourceToString(resource);
    }
}
