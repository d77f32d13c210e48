package org.mhtrigger.engine.text;

import java.util.Objects;

/**
 * One lexicon entry: a pattern that names a trigger mention, or (with {@code exclude}) one that cancels mentions it
 * overlaps ("fell asleep" is not a fall). Immutable, thread-safe.
 *
 * <p>Pattern syntax, made for clinicians: words are matched whole and case-insensitively; {@code word*} matches any
 * word starting with {@code word}; {@code (a|b|c)} matches any one of the alternatives; words next to each other must
 * be next to each other in the note; {@code ...} allows up to {@code window} other words in between, in order. Words
 * with inner punctuation ({@code h/o}, {@code self-harm}) match the same words in notes. Examples: {@code tied ...
 * ligature}, {@code (found|discovered) ... on the floor}, {@code IM (lorazepam|haloperidol)}, {@code absconded}.
 *
 * @param trigger the trigger code this entry points to
 * @param pattern the pattern
 * @param window how many other words {@code ...} may skip
 * @param exclude whether this entry cancels overlapping mentions instead of naming one
 * @param example a sentence the pattern must match, checked by tests ({@code ""} if none)
 */
public record LexiconEntry(String trigger, String pattern, int window, boolean exclude, String example) {
    public LexiconEntry {
        Objects.requireNonNull(trigger, "trigger must not be null");
        Objects.requireNonNull(pattern, "pattern must not be null");
        if (pattern.isBlank()) {
            throw new IllegalArgumentException("lexicon pattern for " + trigger + " must not be blank");
        }
        if (window < 0 || window > 50) {
            throw new IllegalArgumentException(
                    "lexicon window " + window + " for '" + pattern + "' must be between 0 and 50");
        }
        example = example == null ? "" : example;
    }
}
