package org.mhtrigger.corpus.internal;

import java.util.List;
import java.util.SortedMap;

/**
 * Everything generated for one stay: its FHIR resources (the patient's own resource excluded) and its gold labels.
 * Immutable.
 *
 * @param sources per gold trigger, whether text ({@code [0]}) and structured data ({@code [1]}) show it
 */
public record StayOutput(
        String record,
        List<Json> resources,
        SortedMap<String, boolean[]> sources,
        List<Mention> mentions,
        List<HardNegative> negatives) {

    /** A hard negative the generator placed: {@code kind} is an assertion label, "near-threshold" or "clarification". */
    public record HardNegative(String trigger, String kind, String resource) {}
}
