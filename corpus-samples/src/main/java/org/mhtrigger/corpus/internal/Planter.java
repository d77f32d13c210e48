package org.mhtrigger.corpus.internal;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * Plants the triggers of one module of the trigger catalogue into a stay being generated: the structured resources
 * that make a trigger fire, and the structured near-misses that must not. Text phrases come from the module's phrase
 * bank ({@link Lexicon}); the planter writes only what is coded. Implementations are stateless and thread-safe: all
 * state is in the {@link StayBuild} they are handed.
 */
interface Planter {
    /** Writes the resources that show {@code code} at {@code at}; the caller records the structured gold. */
    default void structured(StayBuild s, String code, ZonedDateTime at) {
        throw new IllegalArgumentException("no structured form for " + code);
    }

    /**
     * Writes a value or resource just on the safe side of {@code code}'s threshold and returns its id, or {@code null}
     * when this stay cannot hold one. {@code at} is a time inside the review window and {@code first} a coin already
     * tossed, so that every module draws from the stay's random stream in the same order.
     */
    default String nearMiss(StayBuild s, String code, ZonedDateTime at, boolean first) {
        throw new IllegalArgumentException("no near-miss for " + code);
    }

    /** The codes {@link #nearMiss} can place. */
    default List<String> nearMissCodes() {
        return List.of();
    }

    /** Alert flags raised on admission (hard negatives of this module); called once per stay, module by module. */
    default void admissionFlags(StayBuild s) {}
}
