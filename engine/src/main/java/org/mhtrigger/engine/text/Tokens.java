package org.mhtrigger.engine.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/** Runs the analysis chain over a string. Stateless, thread-safe. */
public final class Tokens {
    private Tokens() {}

    public static List<Token> of(Analyzer analyzer, String text) {
        return of(analyzer, text, 0);
    }

    /** Tokens of {@code text}, with offsets shifted by {@code base}. */
    public static List<Token> of(Analyzer analyzer, String text, int base) {
        AsciiWords.Spans words = AsciiWords.of(analyzer, text);
        if (words != null) {
            List<Token> tokens = new ArrayList<>(words.count);
            for (int i = 0; i < words.count; i++) {
                String term = new String(words.term, 0, words.term(i));
                tokens.add(new Token(term, base + words.starts[i], base + words.ends[i]));
            }
            return tokens;
        }
        // about one token per six characters of clinical text: sized once instead of grown three or four times
        List<Token> tokens = new ArrayList<>(Math.max(10, text.length() / 5));
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), base + offset.startOffset(), base + offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text in memory failed", e);
        }
        return tokens;
    }

    public static List<String> terms(Analyzer analyzer, String text) {
        return of(analyzer, text).stream().map(Token::term).toList();
    }
}
