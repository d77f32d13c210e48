package org.mhtrigger.engine.text;

import java.util.Objects;

/**
 * A context cue: a phrase that changes the assertion of trigger mentions within {@code window} words on its
 * {@code direction} side in the same sentence, unless a termination cue stands between. Immutable, thread-safe.
 *
 * @param phrase words matched whole and case-insensitively; a final {@code *} matches any word starting so
 * @param category what the cue does
 * @param direction where its scope lies
 * @param window how many words its scope reaches
 */
public record ContextCue(String phrase, CueCategory category, CueDirection direction, int window) {
    public ContextCue {
        Objects.requireNonNull(phrase, "phrase must not be null");
        if (phrase.isBlank()) {
            throw new IllegalArgumentException("cue phrase must not be blank");
        }
        Objects.requireNonNull(category, "category must not be null");
        Objects.requireNonNull(direction, "direction must not be null");
        if (window < 0 || window > 100) {
            throw new IllegalArgumentException("cue window " + window + " for '" + phrase + "' must be 0..100");
        }
    }
}
