package org.mhtrigger.engine.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mhtrigger.engine.record.TextSpan;

/**
 * A lexicon pattern matched directly on a note's analysed tokens ({@link NoteTerms}), giving the same spans as the
 * pattern's Lucene span query over a one-document index of those tokens, without building the index: a term or prefix
 * (numbered by a {@link TermIndex}), "in order within a gap" (Lucene's ordered {@code SpanNearQuery}) and "any of"
 * ({@code SpanOrQuery}). The ordered match is Lucene's {@code NearSpansOrdered} step for step, which keeps only the
 * matches its greedy walk finds, so the spans are the same, not merely similar. Parts with a term the note lacks are
 * left out before the walk. Immutable, thread-safe; each call to {@link #spans} walks the note with iterators of its
 * own.
 */
abstract sealed class SpanPattern {
    /** Lucene's {@code Spans.NO_MORE_POSITIONS}. */
    static final int NO_MORE = Integer.MAX_VALUE;

    private SpanPattern() {}

    /** Every occurrence of the term or prefix numbered {@code id}. */
    static SpanPattern term(int id) {
        return new Term(id);
    }

    /** The parts in order, with at most {@code gap} positions between them in all (at least two parts). */
    static SpanPattern near(List<SpanPattern> parts, int gap) {
        return new Near(parts.toArray(SpanPattern[]::new), gap);
    }

    /** The spans of every part (at least two parts). */
    static SpanPattern or(List<SpanPattern> parts) {
        return new Or(parts.toArray(SpanPattern[]::new));
    }

    /**
     * The spans of this pattern in {@code terms}, from the start offset of their first token to the end offset of their
     * last, in Lucene's order (by start position); a span found twice is listed twice.
     */
    final List<TextSpan> spans(NoteTerms terms) {
        Spans spans = open(terms);
        List<TextSpan> found = new ArrayList<>();
        while (spans.next() != NO_MORE) {
            found.add(new TextSpan(terms.startOffset(spans.firstToken), terms.endOffset(spans.lastToken)));
        }
        return found;
    }

    abstract Spans open(NoteTerms terms);

    /**
     * Matches of a pattern in start order: positions {@code [start, end)}, and the tokens at the first and last
     * position, whose offsets bound the match (as Lucene's matches iterator takes the first and last collected term).
     */
    abstract static class Spans {
        int start = -1;
        int end = -1;
        int firstToken;
        int lastToken;

        /** Moves to the next match and returns its start position, or {@link #NO_MORE}. */
        abstract int next();
    }

    /**
     * No matches: what a term the note lacks opens to, and so a "near" with such a part, and an "or" with only such
     * parts (the others are left out of it). Shared: it is exhausted from the start and never changes.
     */
    private static final Spans NONE = new Spans() {
        {
            start = end = NO_MORE;
        }

        @Override
        int next() {
            return NO_MORE;
        }
    };

    private static final class Term extends SpanPattern {
        private final int id;

        Term(int id) {
            this.id = id;
        }

        @Override
        Spans open(NoteTerms terms) {
            return terms.contains(id) ? new TermSpans(terms, id) : NONE;
        }
    }

    private static final class TermSpans extends Spans {
        private final NoteTerms terms;
        private int at;
        private final int to;

        TermSpans(NoteTerms terms, int id) {
            this.terms = terms;
            this.at = terms.firstOccurrence(id);
            this.to = terms.endOfOccurrences(id, at);
        }

        @Override
        int next() {
            if (at >= to) {
                start = end = NO_MORE;
                return NO_MORE;
            }
            int token = terms.occurrenceToken(at++);
            firstToken = lastToken = token;
            start = terms.position(token);
            end = start + 1;
            return start;
        }
    }

    private static final class Near extends SpanPattern {
        private final SpanPattern[] parts;
        private final int gap;

        Near(SpanPattern[] parts, int gap) {
            if (parts.length < 2) {
                throw new IllegalArgumentException("a near pattern needs two parts at least");
            }
            this.parts = parts;
            this.gap = gap;
        }

        @Override
        Spans open(NoteTerms terms) {
            Spans[] spans = new Spans[parts.length];
            for (int i = 0; i < parts.length; i++) {
                spans[i] = parts[i].open(terms);
                if (spans[i] == NONE) {
                    return NONE;
                }
            }
            return new NearSpans(spans, gap);
        }
    }

    /** Lucene's {@code NearSpansOrdered}: parts after the first only ever move forward. */
    private static final class NearSpans extends Spans {
        private final Spans[] parts;
        private final int gap;
        private boolean exhausted;

        NearSpans(Spans[] parts, int gap) {
            this.parts = parts;
            this.gap = gap;
        }

        @Override
        int next() {
            while (!exhausted && parts[0].next() != NO_MORE) {
                int width = stretchToOrder();
                if (width >= 0 && width <= gap) {
                    return start;
                }
            }
            exhausted = true;
            start = end = NO_MORE;
            return NO_MORE;
        }

        /** Moves each later part to the first match not overlapping the one before; the positions skipped, or -1. */
        private int stretchToOrder() {
            Spans previous = parts[0];
            int width = 0;
            for (int i = 1; i < parts.length; i++) {
                Spans part = parts[i];
                while (part.start < previous.end) {
                    part.next();
                }
                if (part.start == NO_MORE) {
                    exhausted = true;
                    return -1;
                }
                width += part.start - previous.end;
                previous = part;
            }
            start = parts[0].start;
            end = previous.end;
            firstToken = parts[0].firstToken;
            lastToken = previous.lastToken;
            return width;
        }
    }

    private static final class Or extends SpanPattern {
        private final SpanPattern[] parts;

        Or(SpanPattern[] parts) {
            if (parts.length < 2) {
                throw new IllegalArgumentException("an or pattern needs two parts at least");
            }
            this.parts = parts;
        }

        @Override
        Spans open(NoteTerms terms) {
            Spans[] spans = null;
            int count = 0;
            for (SpanPattern part : parts) {
                Spans opened = part.open(terms);
                if (opened == NONE) {
                    continue;
                }
                if (spans == null) {
                    spans = new Spans[parts.length];
                }
                spans[count++] = opened;
            }
            if (count == 0) {
                return NONE;
            }
            return count == 1 ? spans[0] : new OrSpans(Arrays.copyOf(spans, count));
        }
    }

    /** Lucene's disjunction of spans: every part's matches, merged by start and then end position. */
    private static final class OrSpans extends Spans {
        private final Spans[] parts;
        private Spans top;

        OrSpans(Spans[] parts) {
            this.parts = parts;
        }

        @Override
        int next() {
            if (top == null) {
                for (Spans part : parts) {
                    part.next();
                }
            } else if (top.start != NO_MORE) {
                top.next();
            }
            top = parts[0];
            for (int i = 1; i < parts.length; i++) {
                Spans part = parts[i];
                if (part.start < top.start || (part.start == top.start && part.end < top.end)) {
                    top = part;
                }
            }
            start = top.start;
            end = top.end;
            firstToken = top.firstToken;
            lastToken = top.lastToken;
            return start;
        }
    }
}
