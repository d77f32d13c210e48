package org.mhtrigger.engine.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * One note after analysis: which of a lexicon's terms and prefixes ({@link TermIndex}) it contains, for testing {@link
 * TermNeed}s, and its tokens, so that a note that needs the span queries is indexed without being analysed again. Not
 * thread-safe: one per note.
 */
final class NoteTerms {
    private final boolean[] present;
    private final String[] terms;
    private final int[] starts;
    private final int[] ends;
    private final int[] increments;
    private final int size;
    private final int finalOffset;

    private NoteTerms(
            boolean[] present, String[] terms, int[] starts, int[] ends, int[] increments, int size, int finalOffset) {
        this.present = present;
        this.terms = terms;
        this.starts = starts;
        this.ends = ends;
        this.increments = increments;
        this.size = size;
        this.finalOffset = finalOffset;
    }

    static NoteTerms of(Analyzer analyzer, String field, String text, TermIndex index) {
        boolean[] present = new boolean[index.size()];
        int capacity = Math.max(16, text.length() / 5);
        String[] terms = new String[capacity];
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        int[] increments = new int[capacity];
        int size = 0;
        int finalOffset;
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (size == terms.length) {
                    int grown = size * 2;
                    terms = Arrays.copyOf(terms, grown);
                    starts = Arrays.copyOf(starts, grown);
                    ends = Arrays.copyOf(ends, grown);
                    increments = Arrays.copyOf(increments, grown);
                }
                String value = term.toString();
                index.mark(value, present);
                terms[size] = value;
                starts[size] = offset.startOffset();
                ends[size] = offset.endOffset();
                increments[size] = increment.getPositionIncrement();
                size++;
            }
            stream.end();
            finalOffset = offset.endOffset();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text in memory failed", e);
        }
        return new NoteTerms(present, terms, starts, ends, increments, size, finalOffset);
    }

    boolean contains(int id) {
        return present[id];
    }

    /** The note's tokens again, as the analyser gave them: terms, offsets and position increments. */
    TokenStream tokens() {
        return new Replay();
    }

    private final class Replay extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private int next;

        @Override
        public boolean incrementToken() {
            if (next >= size) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(terms[next]);
            offset.setOffset(starts[next], ends[next]);
            increment.setPositionIncrement(increments[next]);
            next++;
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }

        @Override
        public void end() throws IOException {
            super.end();
            offset.setOffset(finalOffset, finalOffset);
        }
    }
}
