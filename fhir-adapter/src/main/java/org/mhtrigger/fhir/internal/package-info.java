/**
 * The machinery behind {@link org.mhtrigger.fhir.FhirRecordReader}; not API, may change without notice.
 *
 * <p>Start at {@link org.mhtrigger.fhir.internal.ReadSession}: it reads files one Bundle entry or NDJSON line at a time
 * (so one bad entry does not sink its file). Inputs larger than {@link org.mhtrigger.fhir.ReaderOptions#IN_MEMORY_BYTES}
 * are first routed by patient ({@link org.mhtrigger.fhir.internal.Route}; NDJSON lines are split as bytes by {@link
 * org.mhtrigger.fhir.internal.ByteLines} and the usual line is read by {@link org.mhtrigger.fhir.internal.RouteSkim})
 * into spill files ({@link org.mhtrigger.fhir.internal.Spill}) and read back one group of patients at a time. A {@link
 * org.mhtrigger.fhir.internal.Group} parses each resource, on the {@link org.mhtrigger.fhir.internal.PlainResources}
 * fast path when it is written in a plain shape, else with HAPI; {@link
 * org.mhtrigger.fhir.internal.ResourceExtractor} turns it into small HAPI-free facts held by {@link
 * org.mhtrigger.fhir.internal.Collected}, and {@link org.mhtrigger.fhir.internal.StayAssembler} joins facts to stays.
 * {@link org.mhtrigger.fhir.internal.MappingTables} loads the CSV tables; {@link
 * org.mhtrigger.fhir.internal.IdentifierScan} is the anonymisation guard.
 */
package org.mhtrigger.fhir.internal;
