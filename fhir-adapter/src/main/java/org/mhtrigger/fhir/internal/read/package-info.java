/**
 * One call of {@link org.mhtrigger.fhir.FhirRecordReader#read}: finds the files, checks each file, NDJSON line and
 * Bundle entry as JSON, words every rejection, and reads the resources in groups of patients, on one thread or
 * several with the same output.
 *
 * <p>Start at {@link org.mhtrigger.fhir.internal.read.ReadSession}. Small inputs are one group read in memory; larger
 * ones are routed to spill files first ({@link org.mhtrigger.fhir.internal.spill}). A {@code Group} parses each
 * resource (the fast path of {@link org.mhtrigger.fhir.internal.parse} when it can, else HAPI), drops duplicates and
 * hands it to {@link org.mhtrigger.fhir.internal.extract}.
 */
package org.mhtrigger.fhir.internal.read;
