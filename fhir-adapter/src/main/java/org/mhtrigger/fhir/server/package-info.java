/**
 * Pulling records from a live FHIR R4 server into NDJSON files that {@link org.mhtrigger.fhir.FhirRecordReader} reads.
 *
 * <p>Two ways in: {@link org.mhtrigger.fhir.server.SearchPull} finds finished inpatient Encounters discharged in a
 * date range with paged searches and fetches each stay's resources type by type (never {@code Patient/$everything},
 * which is unreliable on HAPI servers); {@link org.mhtrigger.fhir.server.BulkExport} runs a FHIR Bulk Data {@code
 * $export} (system or Group level) and streams its NDJSON to disk. Both take {@link
 * org.mhtrigger.fhir.server.ServerOptions} (base URL, bearer token, timeouts, retry policy), retry 429, 5xx, timeouts
 * and dropped connections with exponential backoff and seeded jitter honouring {@code Retry-After}, report progress to
 * a {@link org.mhtrigger.fhir.server.PullListener}, and resume after an interruption from a small state file in the
 * output folder with no duplicates and no gaps. HTTP is plain {@code java.net.http}; HAPI types do not appear here.
 */
package org.mhtrigger.fhir.server;
