/**
 * The CSV mapping tables (analytes, units, ingredients, brand names, routes, kinds) that normalise codes and names to
 * the engine's terms, bundled under {@code org/mhtrigger/fhir/mapping/} and replaceable file by file.
 *
 * <p>Start at {@link org.mhtrigger.fhir.internal.mapping.MappingTables#load}.
 */
package org.mhtrigger.fhir.internal.mapping;
