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
 * TermNeed}s, and where (token, position and offsets), for matching {@link SpanPattern}s without analysing the note
 * again. Not thread-safe: one per note.
 */
final class NoteTerms {
    /** A bit per term or prefix number: whether the note has it. */
    private final long[] bits;
    /** Occurrences of numbered terms and prefixes: number in the high half, token in the low half; sorted on use. */
    private final long[] occurrences;

    private final int occurrenceCount;
    private boolean sorted;
    private final int[] positions;
    private final int[] starts;
    private final int[] ends;

    private NoteTerms(Hits hits, int[] positions, int[] starts, int[] ends) {
        this.bits = hits.bits;
        this.occurrences = hits.occurrences;
        this.occurrenceCount = hits.count;
        this.positions = positions;
        this.starts = starts;
        this.ends = ends;
    }

    static NoteTerms of(Analyzer analyzer, String field, String text, TermIndex index) {
        Hits hits = new Hits(index.size());
        AsciiWords.Spans words = AsciiWords.of(analyzer, text);
        if (words != null) {
            int count = words.count;
            int[] positions = new int[count];
            for (int i = 0; i < count; i++) {
                index.mark(words.term, words.term(i), i, hits);
                positions[i] = i;
            }
            return new NoteTerms(hits, positions, Arrays.copyOf(words.starts, count), Arrays.copyOf(words.ends, count));
        }
        int capacity = Math.max(16, text.length() / 5);
        int[] positions = new int[capacity];
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        int size = 0;
        int position = -1;
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (size == positions.length) {
                    int grown = size * 2;
                    positions = Arrays.copyOf(positions, grown);
                    starts = Arrays.copyOf(starts, grown);
                    ends = Arrays.copyOf(ends, grown);
                }
                index.mark(term.buffer(), term.length(), size, hits);
                position += increment.getPositionIncrement(); // as an index numbers positions: the first is 0
                positions[size] = position;
                starts[size] = offset.startOffset();
                ends[size] = offset.endOffset();
                size++;
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text in memory failed", e);
        }
        return new NoteTerms(hits, positions, starts, ends);
    }

    /** The bits of numbers {@code 64 * word} to {@code 64 * word + 63}: which of them the note has. */
    long word(int word) {
        return word < bits.length ? bits[word] : 0;
    }

    boolean contains(int id) {
        return (bits[id >>> 6] & 1L << id) != 0;
    }

    /**
     * Whether the note contains any of the terms and prefixes whose bits are set in {@code bits}, each the bits of the
     * word (of 64 numbers) at the same index of {@code words}.
     */
    boolean containsAny(int[] words, long[] bits) {
        for (int i = 0; i < words.length; i++) {
            if ((this.bits[words[i]] & bits[i]) != 0) {
                return true;
            }
        }
        return false;
    }

    /** The index of the first occurrence of term or prefix {@code id}, in occurrence order (term, then token). */
    int firstOccurrence(int id) {
        if (!contains(id)) {
            return occurrenceCount;
        }
        if (!sorted) {
            Arrays.sort(occurrences, 0, occurrenceCount);
            sorted = true;
        }
        long key = (long) id << 32;
        int low = 0;
        int high = occurrenceCount;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (occurrences[middle] < key) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The index after the last occurrence of {@code id}, searching from its first at {@code from}. */
    int endOfOccurrences(int id, int from) {
        int i = from;
        while (i < occurrenceCount && (int) (occurrences[i] >>> 32) == id) {
            i++;
        }
        return i;
    }

    /** The token of occurrence {@code i}. */
    int occurrenceToken(int i) {
        return (int) occurrences[i];
    }

    int position(int token) {
        return positions[token];
    }

    int startOffset(int token) {
        return starts[token];
    }

    int endOffset(int token) {
        return ends[token];
    }

    /** What a {@link TermIndex} finds in one note's tokens, recorded while the note is analysed. */
    static final class Hits {
        private final long[] bits;
        private long[] occurrences = new long[16];
        private int count;

        Hits(int size) {
            this.bits = new long[(size + 63) >>> 6];
        }

        boolean present(int id) {
            return (bits[id >>> 6] & 1L << id) != 0;
        }

        void add(int id, int token) {
            bits[id >>> 6] |= 1L << id;
            if (count == occurrences.length) {
                occurrences = Arrays.copyOf(occurrences, count * 2);
            }
            occurrences[count++] = (long) id << 32 | token;
        }
    }
}
