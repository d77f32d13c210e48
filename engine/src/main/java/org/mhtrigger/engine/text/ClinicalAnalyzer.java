package org.mhtrigger.engine.text;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysis chain for clinical notes and for the lexicon and cue phrases matched against them: Unicode word
 * boundaries (so "h/o" is "h" "o" and "self-harm" is "self" "harm", both in notes and in lexicons), lower case, ASCII
 * folding. No stop words and no stemming: "no", "not" and "if" carry context, and inflections are spelled out in the
 * lexicon. A question mark written before a word ("?UTI", "?seizure") is read as the word "query", so that a cue can
 * mark such mentions as hypothetical; offsets still point into the original text. Thread-safe.
 */
public final class ClinicalAnalyzer extends Analyzer {
    static final Pattern QUERY_MARK = Pattern.compile("\\?(?=\\p{L})");
    static final String QUERY = "query ";
    /** The largest buffer a thread keeps between texts (chars); a longer note gets one of its own. */
    private static final int KEPT_BUFFER = 1 << 16;

    /**
     * Each thread's buffer for the text being read. Lucene gives a thread one token stream of an analyzer at a time
     * (a new one resets the last), so a thread never needs two. Reused rather than allocated per text: a fresh buffer
     * per sentence was the largest single cost of context classification, by a flight recording of evaluate-context.
     */
    private final ThreadLocal<char[][]> buffers = ThreadLocal.withInitial(() -> new char[][] {new char[1024]});

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new QueryMarkFilter(reader, buffers.get());
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /**
     * A {@link PatternReplaceCharFilter} of {@link #QUERY_MARK} by {@link #QUERY}, which reads the whole text first
     * anyway, that leaves a text without any question mark as it is: few notes have one, and the regular expression
     * over every character of every note cost more than the tokenizer. A text with one goes through the pattern filter,
     * characters and offsets alike.
     */
    private static final class QueryMarkFilter extends CharFilter {
        private final char[][] buffer;
        private char[] text;
        private int length;
        private int next;
        private CharFilter replaced;

        QueryMarkFilter(Reader input, char[][] buffer) {
            super(input);
            this.buffer = buffer;
        }

        @Override
        protected int correct(int offset) {
            return replaced == null ? offset : replaced.correctOffset(offset);
        }

        @Override
        public int read(char[] buffer, int offset, int count) throws IOException {
            if (text == null) {
                fill();
            }
            if (replaced != null) {
                return replaced.read(buffer, offset, count);
            }
            if (next >= length) {
                return -1;
            }
            int n = Math.min(count, length - next);
            System.arraycopy(text, next, buffer, offset, n);
            next += n;
            return n;
        }

        private void fill() throws IOException {
            char[] chars = buffer[0];
            int size = 0;
            for (int n = input.read(chars, 0, chars.length); n > 0; n = input.read(chars, size, chars.length - size)) {
                size += n;
                if (size == chars.length) {
                    chars = Arrays.copyOf(chars, size * 2);
                    if (chars.length <= KEPT_BUFFER) {
                        buffer[0] = chars;
                    }
                }
            }
            text = chars;
            length = size;
            for (int i = 0; i < size; i++) {
                if (chars[i] == '?') {
                    replaced = new PatternReplaceCharFilter(
                            QUERY_MARK, QUERY, new StringReader(new String(chars, 0, size)));
                    return;
                }
            }
        }
    }
}
