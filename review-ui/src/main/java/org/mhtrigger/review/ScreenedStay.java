package org.mhtrigger.review;

import java.util.List;
import java.util.Objects;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.engine.screen.Finding;
import org.mhtrigger.engine.screen.TextHit;

/**
 * One screened record as the review UI imports it: the stay with its notes, labs, medications and procedures, the
 * engine's findings for it, and the trigger mentions context set aside, each with its reason (shown on the record
 * page so a reviewer sees why a mention did not count). Immutable, thread-safe.
 */
public record ScreenedStay(StayRecord record, List<Finding> findings, List<TextHit> suppressed, String ruleset) {
    public ScreenedStay {
        Objects.requireNonNull(record, "record must not be null");
        findings = List.copyOf(findings);
        suppressed = List.copyOf(suppressed);
        for (TextHit mention : suppressed) {
            if (mention.affirmed()) {
                throw new IllegalArgumentException(
                        "mention of " + mention.trigger() + " is affirmed: only suppressed mentions belong here");
            }
        }
        Objects.requireNonNull(ruleset, "ruleset must not be null");
    }

    /** A screened record without suppressed mentions (hand-built records, tests). */
    public ScreenedStay(StayRecord record, List<Finding> findings, String ruleset) {
        this(record, findings, List.of(), ruleset);
    }
}
