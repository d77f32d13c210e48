package org.mhtrigger.engine.measure;

import java.time.Instant;
import java.util.Objects;

/**
 * One restraint, seclusion or rapid-tranquillisation episode found by screening. Immutable, thread-safe.
 *
 * @param stayId the stay it happened in
 * @param practice which practice
 * @param at when it happened
 */
public record RestrictiveEpisode(String stayId, RestrictivePractice practice, Instant at) {
    public RestrictiveEpisode {
        Objects.requireNonNull(stayId, "stay id must not be null");
        Objects.requireNonNull(practice, "practice must not be null");
        Objects.requireNonNull(at, "time must not be null");
    }
}
