package org.mhtrigger.engine.screen;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of screening one record: its findings and every trigger mention found in its notes, affirmed or not.
 * Immutable, thread-safe.
 */
public record Screening(String record, List<Finding> findings, List<TextHit> mentions) {
    public Screening {
        Objects.requireNonNull(record, "record must not be null");
        findings = List.copyOf(findings);
        mentions = List.copyOf(mentions);
    }

    /** The mentions that context suppressed (negated, historical, hypothetical, other person, policy). */
    public List<TextHit> suppressed() {
        return mentions.stream().filter(h -> !h.affirmed()).toList();
    }
}
