package org.mhtrigger.engine.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The terms a note must contain for a lexicon pattern to be able to match it: a necessary condition derived from the
 * pattern, tested against the note's terms before the pattern is matched. Most notes mention no trigger at all, and
 * this test lets them skip the matching, the sentence model and the context rules. A tree of "all of" and
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
    /**
     * The words (of 64 numbers) that hold a bit of some term in the need, and those bits: a need is never met by a note
     * with none of them, which rules out a note with a few word operations before the tree is walked.
     */
    private final int[] mentionedWords;

    private final long[] mentionedBits;
    /** For "any of": the words and bits of the parts that are single terms, tested at once; then the other parts. */
    private final int[] termWords;

    private final long[] termBits;
    private final TermNeed[] composite;

    private TermNeed(byte kind, int id, String text, TermNeed[] parts) {
        this.kind = kind;
        this.id = id;
        this.text = text;
        this.parts = parts;
        long[] mentioned = new long[0];
        long[] terms = new long[0];
        List<TermNeed> others = new ArrayList<>();
        if (kind == TERM) {
            mentioned = set(mentioned, id);
        } else {
            for (TermNeed part : parts) {
                mentioned = or(mentioned, part.mentionedWords, part.mentionedBits);
                if (part.kind == TERM) {
                    terms = set(terms, part.id);
                } else {
                    others.add(part);
                }
            }
        }
        this.mentionedWords = words(mentioned);
        this.mentionedBits = bits(mentioned);
        this.termWords = words(terms);
        this.termBits = bits(terms);
        this.composite = others.toArray(TermNeed[]::new);
    }

    private static long[] set(long[] dense, int id) {
        long[] grown = dense.length > id >>> 6 ? dense : Arrays.copyOf(dense, (id >>> 6) + 1);
        grown[id >>> 6] |= 1L << id;
        return grown;
    }

    private static long[] or(long[] dense, int[] words, long[] bits) {
        long[] grown = dense;
        for (int i = 0; i < words.length; i++) {
            if (grown.length <= words[i]) {
                grown = Arrays.copyOf(grown, words[i] + 1);
            }
            grown[words[i]] |= bits[i];
        }
        return grown;
    }

    private static int[] words(long[] dense) {
        return IntStream.range(0, dense.length).filter(w -> dense[w] != 0).toArray();
    }

    private static long[] bits(long[] dense) {
        return Arrays.stream(dense).filter(b -> b != 0).toArray();
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
        return terms.containsAny(mentionedWords, mentionedBits) && test(terms);
    }

    private boolean test(NoteTerms terms) {
        switch (kind) {
            case TERM:
                return terms.contains(id);
            case ALL:
                for (TermNeed part : parts) {
                    if (!part.test(terms)) {
                        return false;
                    }
                }
                return true;
            default:
                if (terms.containsAny(termWords, termBits)) {
                    return true;
                }
                for (TermNeed part : composite) {
                    if (part.test(terms)) {
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
