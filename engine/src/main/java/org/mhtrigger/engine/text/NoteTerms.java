package org.mhtrigger.engine.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** The distinct terms of one note after analysis, for testing {@link TermNeed}s. Not thread-safe: one per note. */
final class NoteTerms {
    private final Set<String> terms;
    private String[] sorted;

    private NoteTerms(Set<String> terms) {
        this.terms = terms;
    }

    static NoteTerms of(Analyzer analyzer, String field, String text) {
        Set<String> terms = new HashSet<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text in memory failed", e);
        }
        return new NoteTerms(terms);
    }

    boolean contains(String term) {
        return terms.contains(term);
    }

    boolean hasPrefix(String prefix) {
        if (sorted == null) {
            sorted = terms.toArray(String[]::new);
            Arrays.sort(sorted);
        }
        int at = Arrays.binarySearch(sorted, prefix);
        int index = at >= 0 ? at : -at - 1;
        return index < sorted.length && sorted[index].startsWith(prefix);
    }
}
