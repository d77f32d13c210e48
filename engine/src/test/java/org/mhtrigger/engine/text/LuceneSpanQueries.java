package org.mhtrigger.engine.text;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.PrefixQuery;

/**
 * Builds a lexicon pattern, as {@link Lexicon} parses it, into the Lucene span query it stands for, so that a test can
 * check the token patterns against Lucene itself. Test code only: the product matches patterns on tokens and never
 * builds a query. Thread-safe.
 */
final class LuceneSpanQueries implements Lexicon.PatternBuilder<SpanQuery> {
    private static final LuceneSpanQueries INSTANCE = new LuceneSpanQueries();

    private LuceneSpanQueries() {}

    /** One entry's pattern as a Lucene span query on the field {@link Lexicon#FIELD}. */
    static SpanQuery of(LexiconEntry entry, Analyzer analyzer) {
        return Lexicon.build(entry, analyzer, INSTANCE);
    }

    @Override
    public SpanQuery term(String term) {
        return new SpanTermQuery(new Term(Lexicon.FIELD, term));
    }

    @Override
    public SpanQuery prefix(String prefix) {
        return new SpanMultiTermQueryWrapper<>(new PrefixQuery(new Term(Lexicon.FIELD, prefix)));
    }

    @Override
    public SpanQuery near(List<SpanQuery> parts, int gap) {
        return new SpanNearQuery(parts.toArray(SpanQuery[]::new), gap, true);
    }

    @Override
    public SpanQuery or(List<SpanQuery> parts) {
        return new SpanOrQuery(parts.toArray(SpanQuery[]::new));
    }
}
