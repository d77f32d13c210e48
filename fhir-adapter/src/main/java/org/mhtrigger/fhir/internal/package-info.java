/**
 * The machinery behind {@link org.mhtrigger.fhir.FhirRecordReader}; not API, may change without notice.
 *
 * <p>{@link org.mhtrigger.fhir.internal.InputReader} turns files into HAPI resources (one Bundle entry or NDJSON line
 * at a time, so one bad entry does not sink its file), {@link org.mhtrigger.fhir.internal.ResourceExtractor} turns each
 * resource into small HAPI-free facts held by {@link org.mhtrigger.fhir.internal.Collected}, and {@link
 * org.mhtrigger.fhir.internal.StayAssembler} joins facts to stays once all input is read. {@link
 * org.mhtrigger.fhir.internal.MappingTables} loads the CSV tables; {@link
 * org.mhtrigger.fhir.internal.IdentifierScan} is the anonymisation guard.
 */
package org.mhtrigger.fhir.internal;
