package org.mhtrigger.engine.text;

import java.util.List;

/**
 * The terms a note must contain for a lexicon pattern to be able to match it: a necessary condition derived from the
 * pattern's span query, tested against the note's terms before the query runs. Most notes mention no trigger at all,
 * and this test lets them skip the span queries, the sentence model and the context rules. A tree of "all of" and
 * "any of" over terms and prefixes numbered by a {@link TermIndex}; one final class with arrays, because it is tested
 * for every trigger on every note. Immutable.
 */
final class TermNeed {
    private static final byte TERM = 0;
    private static final byte ALL = 1;
    private static final byte ANY = 2;

    private final byte kind;
    private final int id;
    private final String text;
    private final TermNeed[] parts;

    private TermNeed(byte kind, int id, String text, TermNeed[] parts) {
        this.kind = kind;
        this.id = id;
        this.text = text;
        this.parts = parts;
    }

    /** The note contains {@code term}, numbered {@code id} by the lexicon's {@link TermIndex}. */
    static TermNeed term(String term, int id) {
        return new TermNeed(TERM, id, term, null);
    }

    /** The note contains a term starting with {@code prefix}, numbered {@code id} by the {@link TermIndex}. */
    static TermNeed prefix(String prefix, int id) {
        return new TermNeed(TERM, id, prefix + "*", null);
    }

    /** Every one of the parts is met. */
    static TermNeed all(List<TermNeed> parts) {
        return parts.size() == 1 ? parts.get(0) : new TermNeed(ALL, -1, null, parts.toArray(TermNeed[]::new));
    }

    /** At least one of the parts is met. */
    static TermNeed any(List<TermNeed> parts) {
        return parts.size() == 1 ? parts.get(0) : new TermNeed(ANY, -1, null, parts.toArray(TermNeed[]::new));
    }

    boolean metBy(NoteTerms terms) {
        switch (kind) {
            case TERM:
                return terms.contains(id);
            case ALL:
                for (TermNeed part : parts) {
                    if (!part.metBy(terms)) {
                        return false;
                    }
                }
                return true;
            default:
                for (TermNeed part : parts) {
                    if (part.metBy(terms)) {
                        return true;
                    }
                }
                return false;
        }
    }

    @Override
    public String toString() {
        if (kind == TERM) {
            return text;
        }
        StringBuilder out = new StringBuilder(kind == ALL ? "all(" : "any(");
        for (int i = 0; i < parts.length; i++) {
            out.append(i == 0 ? "" : ", ").append(parts[i]);
        }
        return out.append(')').toString();
    }
}
