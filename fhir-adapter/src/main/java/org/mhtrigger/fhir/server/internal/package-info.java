/**
 * Not API: HTTP with retries, NDJSON output with resume state, and FHIR JSON helpers behind {@link
 * org.mhtrigger.fhir.server.SearchPull} and {@link org.mhtrigger.fhir.server.BulkExport}.
 */
package org.mhtrigger.fhir.server.internal;
