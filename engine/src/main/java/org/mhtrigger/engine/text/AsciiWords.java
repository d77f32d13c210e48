package org.mhtrigger.engine.text;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;

/**
 * The words of a text that is plain ASCII without a question mark, exactly as {@link ClinicalAnalyzer} gives them
 * (Lucene's {@code StandardTokenizer}, lower case, ASCII folding) but without its chain of token filters: for such a
 * text the Unicode word-break rules (UAX #29) come down to a few character classes, lower case is one subtraction and
 * folding changes nothing. Every note is analysed once and every mention's sentence again, so this is the largest
 * single cost of screening: note matching alone on 22.8 MB of the 10,000-stay export's notes (one JVM per run, best of
 * rounds 3 to 6, runs alternating with the Lucene chain's) took 0.72 of the time on the quick compiler (medians of 3
 * runs, 0.85 s against 1.17 s) and 0.79 with both compilers (0.53 s against 0.67 s). It reads the text as bytes: a
 * string of such characters is copied as it is held, and scanning an array costs the quick compiler less than {@code
 * charAt} (0.95 of the time against reading characters).
 *
 * <p>Any other text (a character outside ASCII, a {@code ?}, which the analyser reads as the word "query" before a
 * letter, or a word longer than the tokenizer's 255 characters) is left to the analyser: {@link #split} answers
 * {@code false}. {@code AsciiWordsTest} holds the two to the same tokens and offsets on 100,000 seeded random texts
 * made of every character class and the spellings around them.
 */
final class AsciiWords {
    private static final byte OTHER = 0;
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    /** {@code _}: joins letters and digits on either side (WB13a, WB13b). */
    private static final byte EXTEND = 3;
    /** {@code :}: between two letters (WB6, WB7). */
    private static final byte MID_LETTER = 4;
    /** {@code ,} and {@code ;}: between two digits (WB11, WB12). */
    private static final byte MID_NUMBER = 5;
    /** {@code .} and {@code '}: between two letters or two digits. */
    private static final byte MID_EITHER = 6;
    /** {@code ?} and every character above ASCII: not read here. */
    private static final byte REFUSED = 7;

    /** The longest word {@code StandardTokenizer} gives whole by default. */
    private static final int MAX_WORD = 255;

    private static final byte[] CLASSES = new byte[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            CLASSES[c] = LETTER;
            CLASSES[c - 'a' + 'A'] = LETTER;
        }
        for (char c = '0'; c <= '9'; c++) {
            CLASSES[c] = DIGIT;
        }
        CLASSES['_'] = EXTEND;
        CLASSES[':'] = MID_LETTER;
        CLASSES[','] = MID_NUMBER;
        CLASSES[';'] = MID_NUMBER;
        CLASSES['.'] = MID_EITHER;
        CLASSES['\''] = MID_EITHER;
        CLASSES['?'] = REFUSED;
    }

    /** The words found: {@code starts[i]} to {@code ends[i]} for {@code i < count}. Reused, one per thread. */
    static final class Spans {
        int[] starts = new int[256];
        int[] ends = new int[256];
        int count;
        /** Room for one word's term. */
        final char[] term = new char[MAX_WORD];
        /**
         * The text's characters as bytes: ISO-8859-1, which copies a string of such characters as it is held and
         * writes any other character as {@code ?}, which is refused.
         */
        byte[] text;

        /** Writes the analysed term of word {@code i}, lower case, into {@link #term}; answers its length. */
        int term(int i) {
            int start = starts[i];
            int length = ends[i] - start;
            for (int k = 0; k < length; k++) {
                int c = text[start + k];
                term[k] = (char) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
            }
            return length;
        }

        private void add(int start, int end) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = start;
            ends[count] = end;
            count++;
        }
    }

    private static final ThreadLocal<Spans> SPANS = ThreadLocal.withInitial(Spans::new);

    private AsciiWords() {}

    /**
     * The words of {@code text} as {@code analyzer} gives them, in this thread's spans (valid until the next call on
     * the thread), or {@code null} when the analyser must read the text itself: it is not a {@link ClinicalAnalyzer},
     * or {@link #split} refuses the text.
     */
    static Spans of(Analyzer analyzer, String text) {
        Spans spans = SPANS.get();
        return analyzer instanceof ClinicalAnalyzer && split(text, spans) ? spans : null;
    }

    /**
     * Splits {@code text} into {@code into}, answering whether it could: {@code false} for a text the analyser must
     * read (then {@code into} holds nothing useful).
     */
    static boolean split(String string, Spans into) {
        into.count = 0;
        byte[] text = string.getBytes(StandardCharsets.ISO_8859_1);
        into.text = text;
        int length = text.length;
        int i = 0;
        while (i < length) {
            int type = type(text[i]);
            if (type == REFUSED) {
                return false;
            }
            if (type != LETTER && type != DIGIT && type != EXTEND) {
                i++;
                continue;
            }
            int start = i;
            boolean word = type != EXTEND; // underscores alone are no word
            int previous = type;
            for (i++; i < length; i++) {
                int next = type(text[i]);
                if (next == LETTER || next == DIGIT || next == EXTEND) {
                    word |= next != EXTEND;
                    previous = next;
                    continue;
                }
                if (next == MID_LETTER || next == MID_NUMBER || next == MID_EITHER) {
                    int after = i + 1 < length ? type(text[i + 1]) : OTHER;
                    boolean letters = previous == LETTER && after == LETTER && next != MID_NUMBER;
                    boolean digits = previous == DIGIT && after == DIGIT && next != MID_LETTER;
                    if (letters || digits) {
                        i++; // the mark and the character after it belong to the word
                        continue;
                    }
                }
                if (next == REFUSED) {
                    return false;
                }
                break;
            }
            if (word) {
                if (i - start > MAX_WORD) {
                    return false;
                }
                into.add(start, i);
            }
        }
        return true;
    }

    private static int type(byte c) {
        return c >= 0 ? CLASSES[c] : REFUSED;
    }
}
