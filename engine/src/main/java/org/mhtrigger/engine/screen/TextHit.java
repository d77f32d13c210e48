package org.mhtrigger.engine.screen;

import java.time.Instant;
import java.util.Objects;
import org.mhtrigger.engine.record.SourceRef;
import org.mhtrigger.engine.record.TextSpan;

/**
 * A trigger mention found in a note, with its context. Immutable, thread-safe. A fact for the rules: text-only
 * triggers become findings when affirmed; S+T triggers may combine hits with structured data.
 *
 * @param trigger trigger code, e.g. {@code MH-B01}
 * @param source the note's resource
 * @param span the mention's offsets into the decoded note text
 * @param sentence the sentence holding the mention (evidence)
 * @param assertion the mention's context
 * @param time the note's time
 * @param reason in words, the cue or rule that decided a suppressed mention's assertion ("negated by 'not
 *     required'", "historical by date '2019'", "historical by section 'Past history'"); empty when affirmed
 */
public record TextHit(
        String trigger,
        SourceRef source,
        TextSpan span,
        String sentence,
        Assertion assertion,
        Instant time,
        String reason) {
    /** A mention whose reason is not known (built by hand, or affirmed). */
    public TextHit(
            String trigger, SourceRef source, TextSpan span, String sentence, Assertion assertion, Instant time) {
        this(trigger, source, span, sentence, assertion, time, "");
    }

    public TextHit {
        Objects.requireNonNull(reason, "reason must not be null");
        Objects.requireNonNull(trigger, "trigger must not be null");
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(span, "span must not be null");
        Objects.requireNonNull(sentence, "sentence must not be null");
        Objects.requireNonNull(assertion, "assertion must not be null");
        Objects.requireNonNull(time, "time must not be null");
    }

    public boolean affirmed() {
        return assertion == Assertion.AFFIRMED;
    }

    @Override
    public String toString() {
        return "TextHit[" + trigger + ", " + source + ", " + span + ", " + assertion + "]";
    }
}
