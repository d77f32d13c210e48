/**
 * From HAPI resources to engine records: {@link org.mhtrigger.fhir.internal.extract.ResourceExtractor} turns each
 * resource into small HAPI-free facts held by {@link org.mhtrigger.fhir.internal.extract.Collected} (checking it with
 * the anonymisation guard), and {@link org.mhtrigger.fhir.internal.extract.StayAssembler} joins the facts to stays.
 *
 * <p>Start at {@link org.mhtrigger.fhir.internal.extract.ResourceExtractor#extract(org.hl7.fhir.r4.model.Resource,
 * String)}.
 */
package org.mhtrigger.fhir.internal.extract;
