/**
 * Where a resource belongs, read from its JSON without HAPI ({@link org.mhtrigger.fhir.internal.spill.Route}: type, id,
 * patient and encounter references), and the split read of inputs too large to hold: {@link
 * org.mhtrigger.fhir.internal.spill.Spill} writes each resource's bytes ({@link
 * org.mhtrigger.fhir.internal.spill.Entry}) to its patient's group on disk and replays the groups one by one.
 *
 * <p>Start at {@link org.mhtrigger.fhir.internal.spill.Spill#route}.
 */
package org.mhtrigger.fhir.internal.spill;
