package org.mhtrigger.engine.screen;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of screening one record: its findings and the mentions that were suppressed by context. Immutable,
 * thread-safe.
 */
public record Screening(String record, List<Finding> findings, List<TextHit> suppressed) {
    public Screening {
        Objects.requireNonNull(record, "record must not be null");
        findings = List.copyOf(findings);
        suppressed = List.copyOf(suppressed);
    }
}
