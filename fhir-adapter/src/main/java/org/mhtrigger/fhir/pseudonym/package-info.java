/**
 * Keyed pseudonymisation of FHIR resources as they are pulled: logical ids and references replaced by HMAC-SHA-256
 * pseudonyms, and every date of a patient moved by the same number of days. Start with {@link
 * org.mhtrigger.fhir.pseudonym.Pseudonymiser}.
 */
package org.mhtrigger.fhir.pseudonym;
