package org.mhtrigger.engine.text.context;

import java.util.Objects;
import java.util.Set;

/**
 * A context cue: a phrase that changes the assertion of trigger mentions within {@code window} words on its
 * {@code direction} side in the same sentence, unless a termination cue stands between. Immutable, thread-safe.
 *
 * @param phrase words matched whole and case-insensitively; a final {@code *} matches any word starting so
 * @param category what the cue does
 * @param direction where its scope lies
 * @param window how many words its scope reaches
 * @param appliesTo the trigger codes it applies to; empty for all; codes written {@code !MH-B03} are the ones it does
 *     not apply to ("staff" names another experiencer of an assault, but not of a restraint)
 * @param example a sentence in which the cue decides, the mention written in [brackets]; empty if none
 */
public record ContextCue(
        String phrase,
        CueCategory category,
        CueDirection direction,
        int window,
        Set<String> appliesTo,
        String example) {
    /** A cue that applies to every trigger. */
    public ContextCue(String phrase, CueCategory category, CueDirection direction, int window) {
        this(phrase, category, direction, window, Set.of(), "");
    }

    /** A cue without an example. */
    public ContextCue(String phrase, CueCategory category, CueDirection direction, int window, Set<String> appliesTo) {
        this(phrase, category, direction, window, appliesTo, "");
    }

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
        appliesTo = Set.copyOf(appliesTo);
        example = example == null ? "" : example.strip();
        boolean excluding = appliesTo.stream().anyMatch(t -> t.startsWith("!"));
        boolean including = appliesTo.stream().anyMatch(t -> !t.startsWith("!"));
        if (excluding && including) {
            throw new IllegalArgumentException("cue '" + phrase + "' must either list the triggers it applies to or "
                    + "the ones it does not (!MH-…), not both: " + appliesTo);
        }
    }

    /** Whether this cue counts for mentions of {@code trigger}. */
    public boolean appliesTo(String trigger) {
        if (appliesTo.isEmpty()) {
            return true;
        }
        if (appliesTo.contains("!" + trigger)) {
            return false;
        }
        return appliesTo.contains(trigger) || appliesTo.stream().allMatch(t -> t.startsWith("!"));
    }
}
