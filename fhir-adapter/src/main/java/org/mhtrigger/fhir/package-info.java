/**
 * Reads FHIR R4 input (JSON resources, Bundles, Bulk Data NDJSON) into engine {@link
 * org.mhtrigger.engine.record.StayRecord}s: one record per finished psychiatric inpatient Encounter, with everything
 * attached to it by reference or dated inside it.
 *
 * <p>Start with {@link org.mhtrigger.fhir.FhirRecordReader}: give it files and folders and a {@link
 * org.mhtrigger.fhir.RecordListener}; it reports each record, each input it could not use and each warning, and
 * returns a {@link org.mhtrigger.fhir.ReadSummary}. {@link org.mhtrigger.fhir.ReaderOptions} chooses whether records
 * that carry direct identifiers are refused (the default) or have them stripped, and where edited mapping tables live.
 *
 * <p>Codes, units, brand names, routes and kinds are normalised through CSV mapping tables under {@code
 * org/mhtrigger/fhir/mapping/} on the classpath; a file of the same name in the mapping directory replaces the
 * default. HAPI FHIR types never appear in this package's API; the code that uses them is in {@code internal}.
 */
package org.mhtrigger.fhir;
