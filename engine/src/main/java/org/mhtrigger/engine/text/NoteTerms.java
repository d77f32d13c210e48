package org.mhtrigger.engine.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Which of a lexicon's terms and prefixes ({@link TermIndex}) one note contains, after analysis; for testing {@link
 * TermNeed}s. Not thread-safe: one per note.
 */
final class NoteTerms {
    private final boolean[] present;

    private NoteTerms(boolean[] present) {
        this.present = present;
    }

    static NoteTerms of(Analyzer analyzer, String field, String text, TermIndex index) {
        boolean[] present = new boolean[index.size()];
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                index.mark(term.toString(), present);
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text in memory failed", e);
        }
        return new NoteTerms(present);
    }

    boolean contains(int id) {
        return present[id];
    }
}
