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
    /**
     * A necessary condition of this need met by one term: the note must have one of these terms (bits as in {@link
     * #mentionedWords}). For "all of", that of the part whose terms are longest, as long words are rarer in notes
     * than short ones ("to", "by", "on"); for "any of", every term it mentions.
     */
    private final long[] anchor;
    /** The length of the shortest term of {@link #anchor}: how rare it is likely to be. */
    private final int anchorLength;
    /** For "any of" with many {@link #composite} parts, those parts by their anchors; {@code null} otherwise. */
    private final AnchorIndex byAnchor;

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
        if (kind == TERM) {
            this.anchor = mentioned;
            this.anchorLength = text.endsWith("*") ? text.length() - 1 : text.length();
        } else if (kind == ALL) {
            TermNeed rarest = parts[0];
            for (TermNeed part : parts) {
                if (part.anchorLength > rarest.anchorLength) {
                    rarest = part;
                }
            }
            this.anchor = rarest.anchor;
            this.anchorLength = rarest.anchorLength;
        } else {
            this.anchor = mentioned;
            int shortest = Integer.MAX_VALUE;
            for (TermNeed part : parts) {
                shortest = Math.min(shortest, part.anchorLength);
            }
            this.anchorLength = shortest;
        }
        this.byAnchor = kind == ANY && composite.length >= INDEXED_PARTS ? new AnchorIndex(composite) : null;
    }

    /**
     * From this many composite parts on, "any of" finds the parts to test by their anchors instead of testing each:
     * the lexicon's largest triggers have hundreds, and most notes have the anchor terms of only a few.
     */
    private static final int INDEXED_PARTS = 8;

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
                if (byAnchor != null) {
                    return byAnchor.anyMet(composite, terms);
                }
                for (TermNeed part : composite) {
                    if (part.test(terms)) {
                        return true;
                    }
                }
                return false;
        }
    }

    /**
     * The composite parts of an "any of" by the terms of their anchors, so that a note is tested only against the parts
     * one of whose anchor terms it has. Immutable.
     */
    private static final class AnchorIndex {
        /** {@code parts[id - first]}: the indexes into the composite parts whose anchor has the term numbered {@code id}. */
        private final int[][] parts;

        private final int first;
        /** The words and bits of every anchor term, as in {@link TermNeed#mentionedWords}. */
        private final int[] words;

        private final long[] bits;

        AnchorIndex(TermNeed[] composite) {
            long[] union = new long[0];
            for (TermNeed part : composite) {
                union = or(union, words(part.anchor), bits(part.anchor));
            }
            int lowest = Integer.MAX_VALUE;
            int highest = -1;
            for (int n = 0; n < union.length * 64; n++) {
                if ((union[n >>> 6] & 1L << n) != 0) {
                    lowest = Math.min(lowest, n);
                    highest = n;
                }
            }
            List<List<Integer>> byId = new ArrayList<>();
            for (int n = lowest; n <= highest; n++) {
                byId.add(new ArrayList<>());
            }
            for (int c = 0; c < composite.length; c++) {
                long[] own = composite[c].anchor;
                for (int n = lowest; n <= highest && n < own.length * 64; n++) {
                    if ((own[n >>> 6] & 1L << n) != 0) {
                        byId.get(n - lowest).add(c);
                    }
                }
            }
            this.parts = byId.stream()
                    .map(list -> list.stream().mapToInt(Integer::intValue).toArray())
                    .toArray(int[][]::new);
            this.first = lowest;
            this.words = words(union);
            this.bits = bits(union);
        }

        /**
         * Whether one of {@code composite} (the parts this index was made from) is met, testing only those with an
         * anchor term in the note (a part may be tested more than once when the note has several of its anchor terms;
         * the answer is the same).
         */
        boolean anyMet(TermNeed[] composite, NoteTerms terms) {
            for (int i = 0; i < words.length; i++) {
                int word = words[i];
                long present = terms.word(word) & bits[i];
                while (present != 0) {
                    int id = word << 6 | Long.numberOfTrailingZeros(present);
                    present &= present - 1;
                    for (int c : parts[id - first]) {
                        if (composite[c].test(terms)) {
                            return true;
                        }
                    }
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
