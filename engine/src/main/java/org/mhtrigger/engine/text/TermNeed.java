package org.mhtrigger.engine.text;

import java.util.List;

/**
 * The terms a note must contain for a lexicon pattern to be able to match it: a necessary condition derived from the
 * pattern's span query, tested against the note's terms before the query runs. Most notes mention no trigger at all,
 * and this test lets them skip the span queries, the sentence model and the context rules. Immutable.
 */
sealed interface TermNeed {
    boolean metBy(NoteTerms terms);

    /** The note contains this term ({@code id} is its number in the lexicon's {@link TermIndex}). */
    record Exactly(String term, int id) implements TermNeed {
        @Override
        public boolean metBy(NoteTerms terms) {
            return terms.contains(id);
        }
    }

    /** The note contains a term starting with this prefix ({@code id}: its number in the {@link TermIndex}). */
    record Prefix(String prefix, int id) implements TermNeed {
        @Override
        public boolean metBy(NoteTerms terms) {
            return terms.contains(id);
        }
    }

    /** Every one of the parts is met. */
    record All(List<TermNeed> parts) implements TermNeed {
        @Override
        public boolean metBy(NoteTerms terms) {
            for (TermNeed part : parts) {
                if (!part.metBy(terms)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** At least one of the parts is met. */
    record Any(List<TermNeed> parts) implements TermNeed {
        @Override
        public boolean metBy(NoteTerms terms) {
            for (TermNeed part : parts) {
                if (part.metBy(terms)) {
                    return true;
                }
            }
            return false;
        }
    }

    static TermNeed all(List<TermNeed> parts) {
        return parts.size() == 1 ? parts.get(0) : new All(List.copyOf(parts));
    }

    static TermNeed any(List<TermNeed> parts) {
        return parts.size() == 1 ? parts.get(0) : new Any(List.copyOf(parts));
    }
}
