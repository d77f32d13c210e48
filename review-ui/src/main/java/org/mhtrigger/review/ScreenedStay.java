package org.mhtrigger.review;

import java.util.List;
import java.util.Objects;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.engine.screen.Finding;

/**
 * One screened record as the review UI imports it: the stay with its notes, labs, medications and procedures, and
 * the engine's findings for it. Immutable, thread-safe.
 */
public record ScreenedStay(StayRecord record, List<Finding> findings, String ruleset) {
    public ScreenedStay {
        Objects.requireNonNull(record, "record must not be null");
        findings = List.copyOf(findings);
        Objects.requireNonNull(ruleset, "ruleset must not be null");
    }
}
