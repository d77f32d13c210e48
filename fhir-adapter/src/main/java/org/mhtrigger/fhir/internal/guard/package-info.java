/**
 * The anonymisation guard: {@link org.mhtrigger.fhir.internal.guard.IdentifierScan} finds (and, when asked, strips)
 * names, addresses, telecoms, photos, national identifiers and displays that name a patient.
 *
 * <p>Start at {@link org.mhtrigger.fhir.internal.guard.IdentifierScan#scan}.
 */
package org.mhtrigger.fhir.internal.guard;
