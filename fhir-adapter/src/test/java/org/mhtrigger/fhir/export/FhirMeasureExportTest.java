package org.mhtrigger.fhir.export;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.measure.Completeness;
import org.mhtrigger.engine.measure.ConfirmedEvent;
import org.mhtrigger.engine.measure.EventSummary;
import org.mhtrigger.engine.measure.HarmCategory;
import org.mhtrigger.engine.measure.Measure;
import org.mhtrigger.engine.measure.Measures;
import org.mhtrigger.engine.measure.OutcomeClass;
import org.mhtrigger.engine.measure.PeriodInput;
import org.mhtrigger.engine.measure.PeriodMeasures;
import org.mhtrigger.engine.measure.ReviewedStay;
import org.mhtrigger.engine.sampling.ReviewPeriod;
import org.mhtrigger.fhir.internal.FhirContexts;

class FhirMeasureExportTest {
    private static final Instant GENERATED = Instant.parse("2026-04-02T09:00:00Z");
    private static final Completeness SIGNED = new Completeness(20, 20);
    private static final ReviewPeriod MARCH = ReviewPeriod.month(YearMonth.of(2026, 3));
    private static FhirValidator validator;
    private final FhirMeasureExport export = new FhirMeasureExport();
    private final FhirContext fhir = FhirContexts.r4();

    @BeforeAll
    static void validator() {
        FhirContext fhir = FhirContexts.r4();
        ValidationSupportChain support = new ValidationSupportChain(
                fhir.getValidationSupport(),
                new InMemoryTerminologyServerValidationSupport(fhir),
                new CommonCodeSystemsTerminologyService(fhir),
                new SnapshotGeneratingValidationSupport(fhir));
        validator = fhir.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
    }

    /** The worked example of docs/spec/method.md §3 with 640.5 patient-days, so one count is not a whole number. */
    private static PeriodMeasures march() {
        List<ReviewedStay> stays = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            stays.add(new ReviewedStay("s" + i, "Ward A", i == 0 ? 32.5 : 32.0, Set.of("MH-C01")));
        }
        List<ConfirmedEvent> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.add(
                    new ConfirmedEvent("e" + i, "s" + (i % 4), "MH-C01", OutcomeClass.ADVERSE_EVENT, HarmCategory.E));
        }
        return Measures.compute(new PeriodInput(MARCH, "1.0", stays, events, List.of(), List.of()));
    }

    private static EventSummary lithiumEvent() {
        return new EventSummary(
                "42",
                MARCH,
                "Ward A",
                OutcomeClass.ADVERSE_DRUG_EVENT,
                HarmCategory.F,
                "MH-L01",
                "Lithium high",
                false,
                "yes");
    }

    @Test
    void periodWithUnsignedRecords_isPendingWithItsCounts() {
        MeasureReport report = fhir.newJsonParser()
                .parseResource(
                        MeasureReport.class, export.measureReportJson(march(), new Completeness(13, 1), GENERATED));

        assertThat(report.getStatus()).isEqualTo(MeasureReport.MeasureReportStatus.PENDING);
        org.hl7.fhir.r4.model.Extension counts =
                report.getExtensionByUrl(FhirMeasureExport.REVIEW_COMPLETENESS_EXTENSION);
        assertThat(counts.getExtensionByUrl("sampled").getValue().primitiveValue())
                .isEqualTo("13");
        assertThat(counts.getExtensionByUrl("signed").getValue().primitiveValue())
                .isEqualTo("1");
    }

    @Test
    void measureReport_roundTripsThroughHapiWithOneGroupPerMeasure() {
        MeasureReport report = fhir.newJsonParser()
                .parseResource(MeasureReport.class, export.measureReportJson(march(), SIGNED, GENERATED));

        assertThat(report.getStatus()).isEqualTo(MeasureReport.MeasureReportStatus.COMPLETE);
        assertThat(report.getType()).isEqualTo(MeasureReport.MeasureReportType.SUMMARY);
        assertThat(report.getImprovementNotation().getCodingFirstRep().getCode())
                .isEqualTo("decrease");
        assertThat(report.getPeriod().getStartElement().getValueAsString()).isEqualTo("2026-03-01");
        assertThat(report.getPeriod().getEndElement().getValueAsString()).isEqualTo("2026-03-31");
        assertThat(report.getGroup()).hasSize(Measure.values().length);
        MeasureReport.MeasureReportGroupComponent perAdmissions =
                report.getGroup().get(1);
        assertThat(perAdmissions.getCode().getCodingFirstRep().getCode()).isEqualTo("ae-per-100-admissions");
        assertThat(perAdmissions.getPopulation())
                .extracting(p -> p.getCode().getCodingFirstRep().getCode(), p -> p.getCount())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("numerator", 6),
                        org.assertj.core.groups.Tuple.tuple("denominator", 20));
        assertThat(perAdmissions.getMeasureScore().getValue().doubleValue()).isEqualTo(30.0);
    }

    @Test
    void fractionalPatientDays_keepTheirExactValueInAnExtension() {
        MeasureReport report = fhir.newJsonParser()
                .parseResource(MeasureReport.class, export.measureReportJson(march(), SIGNED, GENERATED));

        MeasureReport.MeasureReportGroupPopulationComponent days =
                report.getGroup().get(0).getPopulation().get(1);
        assertThat(days.getCount()).isEqualTo(641);
        assertThat(days.getExtensionByUrl(FhirMeasureExport.EXACT_COUNT_EXTENSION)
                        .getValueAsPrimitive()
                        .getValueAsString())
                .isEqualTo("640.5");
    }

    @Test
    void measureReport_passesTheR4InstanceValidator() {
        ValidationResult result = validator.validateWithResult(export.measureReportJson(march(), SIGNED, GENERATED));

        assertThat(errors(result)).isEmpty();
    }

    @Test
    void adverseEvent_carriesTheHarmCategoryAsACodingAndNoIdentifyingData() {
        String json = export.adverseEventJson(lithiumEvent());
        AdverseEvent event = fhir.newJsonParser().parseResource(AdverseEvent.class, json);

        assertThat(event.getSeriousness().getCodingFirstRep().getSystem())
                .isEqualTo("http://mhtrigger.org/fhir/CodeSystem/harm-category");
        assertThat(event.getSeriousness().getCodingFirstRep().getCode()).isEqualTo("F");
        assertThat(event.getEvent().getCodingFirstRep().getCode()).isEqualTo("MH-L01");
        assertThat(event.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("adverse-drug-event");
        assertThat(event.getActuality()).isEqualTo(AdverseEvent.AdverseEventActuality.ACTUAL);
        assertThat(event.getSubject().hasReference()).isFalse();
        assertThat(event.getSubject().hasIdentifier()).isFalse();
        assertThat(event.getDateElement().getValueAsString()).isEqualTo("2026-03-01");
    }

    @Test
    void adverseEvent_passesTheR4InstanceValidator() {
        ValidationResult result = validator.validateWithResult(export.adverseEventJson(lithiumEvent()));

        assertThat(errors(result)).isEmpty();
    }

    @Test
    void bundle_holdsAReportPerPeriodThenTheEventsAndValidates() {
        String json = export.bundleJson(List.of(march()), List.of(SIGNED), List.of(lithiumEvent()), GENERATED);
        Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, json);

        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(bundle.getEntry())
                .extracting(e -> ((Resource) e.getResource()).getResourceType().name())
                .containsExactly("MeasureReport", "AdverseEvent");
        assertThat(errors(validator.validateWithResult(json))).isEmpty();
    }

    @Test
    void theValidator_rejectsAReportWithoutItsRequiredElements() {
        MeasureReport broken = export.measureReport(march(), SIGNED, GENERATED);
        broken.setStatus(null);
        broken.setMeasure(null);

        assertThat(errors(validator.validateWithResult(broken)))
                .anyMatch(m -> m.contains("MeasureReport.status"))
                .anyMatch(m -> m.contains("MeasureReport.measure"));
    }

    private static List<String> errors(ValidationResult result) {
        return result.getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(SingleValidationMessage::toString)
                .toList();
    }
}
