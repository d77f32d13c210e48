/**
 * FHIR R4 out: harm measures as {@code MeasureReport} and authenticated events as {@code AdverseEvent} (docs/spec/method.md
 * §5).
 *
 * <p>Start with {@link org.mhtrigger.fhir.export.FhirMeasureExport}: it takes engine values ({@link
 * org.mhtrigger.engine.measure.PeriodMeasures}, {@link org.mhtrigger.engine.measure.EventSummary}) and returns FHIR
 * JSON text, so HAPI types stay inside this module. Codes of our own live under {@code http://mhtrigger.org/fhir/}.
 */
package org.mhtrigger.fhir.export;
