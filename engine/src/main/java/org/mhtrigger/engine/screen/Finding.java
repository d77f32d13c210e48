package org.mhtrigger.engine.screen;

import java.time.Instant;
import java.util.Objects;
import org.mhtrigger.engine.record.SourceRef;
import org.mhtrigger.engine.record.TextSpan;

/**
 * One trigger hit on one record: a clue that sends a reviewer to look, never a verdict. Immutable, thread-safe.
 *
 * @param record the Encounter's logical id
 * @param patient the Patient's logical id
 * @param trigger trigger code, e.g. {@code MH-L01}
 * @param name trigger name, e.g. "Lithium high"
 * @param source the resource that shows it
 * @param span offsets into the note text for text findings, {@code null} for structured ones
 * @param evidence what a reviewer reads first: the value against its threshold, or the sentence with the hit
 * @param at when it happened
 * @param ruleset the ruleset version that produced it
 */
public record Finding(
        String record,
        String patient,
        String trigger,
        String name,
        SourceRef source,
        TextSpan span,
        String evidence,
        Instant at,
        String ruleset) {
    public Finding {
        Objects.requireNonNull(record, "record must not be null");
        Objects.requireNonNull(patient, "patient must not be null");
        Objects.requireNonNull(trigger, "trigger must not be null");
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(evidence, "evidence must not be null");
        Objects.requireNonNull(at, "at must not be null");
        Objects.requireNonNull(ruleset, "ruleset must not be null");
    }

    /**
     * The key under which text mentions count as one finding: the same trigger, written at the same time, in the same
     * sentence (white space and case aside), as when a note is stored twice or names the trigger twice in a sentence.
     */
    public static String textKey(String trigger, Instant at, String sentence) {
        return trigger + "|" + at + "|"
                + sentence.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the finding comes from note text (it then has a span). */
    public boolean fromText() {
        return span != null;
    }

    @Override
    public String toString() {
        // evidence may quote a note: keep it out of logs
        return "Finding[" + record + ", " + trigger + ", " + source + ", " + at + "]";
    }
}
