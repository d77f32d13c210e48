package org.mhtrigger.engine.evaluation;

import java.util.Objects;
import org.mhtrigger.engine.record.TextSpan;
import org.mhtrigger.engine.screen.Assertion;

/**
 * A trigger mention as annotated in gold labels, or as found by the matcher. Immutable, thread-safe.
 *
 * @param record the Encounter id
 * @param note the note's resource id
 * @param span offsets into the decoded note text
 * @param trigger the trigger code
 * @param assertion the mention's context
 */
public record GoldMention(String record, String note, TextSpan span, String trigger, Assertion assertion) {
    public GoldMention {
        Objects.requireNonNull(record, "record must not be null");
        Objects.requireNonNull(note, "note must not be null");
        Objects.requireNonNull(span, "span must not be null");
        Objects.requireNonNull(trigger, "trigger must not be null");
        Objects.requireNonNull(assertion, "assertion must not be null");
    }

    /** Same note, same trigger, overlapping offsets. */
    boolean sameMention(GoldMention other) {
        return note.equals(other.note) && trigger.equals(other.trigger) && span.overlaps(other.span);
    }
}
