package org.mhtrigger.engine.text;

import java.io.Reader;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
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
    private static final Pattern QUERY_MARK = Pattern.compile("\\?(?=\\p{L})");

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new PatternReplaceCharFilter(QUERY_MARK, "query ", reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
