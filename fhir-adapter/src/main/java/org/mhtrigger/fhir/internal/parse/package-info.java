/**
 * The fast path past HAPI's parser: {@link org.mhtrigger.fhir.internal.parse.PlainResources#read} builds the HAPI
 * model of a plainly written resource straight from Jackson's tokens, or answers {@code null} and HAPI parses it. It
 * never reads the elements the anonymisation guard ({@link org.mhtrigger.fhir.internal.guard}) looks for.
 */
package org.mhtrigger.fhir.internal.parse;
