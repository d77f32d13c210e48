package org.mhtrigger.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.record.TextSpan;

class SpanPatternTest {
    private static final ClinicalAnalyzer ANALYZER = new ClinicalAnalyzer();

    private static final List<String> PATTERNS = List.of(
            "a ... b",
            "a ...1 b ...0 c",
            "(a|a b) a",
            "(a|a b|b c) ...2 (c|b c d)",
            "a ...3 (b|c) ...1 a*",
            "(a b|a) ...1 (c|b) d",
            "found ...2 on the floor",
            "(tied|tying) ... (ligature|ligture)",
            "self-harm*",
            "?seizure",
            "(slipped|tripped) and (fell|fallen)",
            "d* ... d*");

    private static final List<String> WORDS = List.of(
            "a",
            "b",
            "c",
            "d",
            "dd",
            "ab",
            "found",
            "on",
            "the",
            "floor",
            "tied",
            "ligature",
            "self-harm",
            "harming",
            "?seizure",
            "seizure",
            "query",
            "slipped",
            "and",
            "fell",
            ".",
            "\n",
            "x");

    private static String text(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(14);
        for (int i = 0; i < length; i++) {
            text.append(WORDS.get(random.nextInt(WORDS.size()))).append(random.nextInt(5) == 0 ? "  " : " ");
        }
        return text.toString();
    }

    /** Lucene's spans for the entry's span query over the text in a one-document index. */
    private static List<TextSpan> lucene(LexiconEntry entry, String text) throws IOException {
        SpanQuery query = LuceneSpanQueries.of(entry, ANALYZER);
        MemoryIndex index = new MemoryIndex(true, false);
        index.addField(Lexicon.FIELD, text, ANALYZER);
        IndexSearcher searcher = index.createSearcher();
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        Matches matches = weight.matches(searcher.getIndexReader().leaves().get(0), 0);
        List<TextSpan> spans = new ArrayList<>();
        MatchesIterator it = matches == null ? null : matches.getMatches(Lexicon.FIELD);
        while (it != null && it.next()) {
            spans.add(new TextSpan(it.startOffset(), it.endOffset()));
        }
        return spans;
    }

    private static List<TextSpan> pattern(LexiconEntry entry, String text) {
        TermIndex index = new TermIndex();
        SpanPattern pattern = Lexicon.pattern(entry, ANALYZER, index);
        return pattern.spans(NoteTerms.of(ANALYZER, Lexicon.FIELD, text, index));
    }

    @Test
    void onRandomTexts_aPatternFindsTheSameSpansAsItsLuceneSpanQuery_inTheSameOrder() throws IOException {
        SplittableRandom random = new SplittableRandom(20261125L);
        int withSpans = 0;
        int withSeveral = 0;
        for (int i = 0; i < 5_000; i++) {
            String text = text(random);
            for (String written : PATTERNS) {
                LexiconEntry entry = new LexiconEntry("MH-T01", written, 3, false, "");
                List<TextSpan> expected = lucene(entry, text);
                assertThat(pattern(entry, text))
                        .as("pattern '%s' on '%s'", written, text)
                        .isEqualTo(expected);
                withSpans += expected.isEmpty() ? 0 : 1;
                withSeveral += expected.size() > 1 ? 1 : 0;
            }
        }
        assertThat(withSpans).as("pattern and text pairs with spans").isGreaterThan(3_000);
        assertThat(withSeveral).as("pattern and text pairs with several spans").isGreaterThan(400);
    }

    @Test
    void anOrderedMatchMovesLaterPartsOnlyForward_asLuceneDoes() throws IOException {
        // "a b d c d": the first part's spans are "a b d" then "b"; "a b d" moves the last part to the second "d", too
        // far from "a b d", and it never moves back, so "b d" is not found (a search of every pairing would find it)
        LexiconEntry entry = new LexiconEntry("MH-T01", "(a b d|b) d", 0, false, "");

        assertThat(pattern(entry, "a b d c d")).isEmpty();
        assertThat(lucene(entry, "a b d c d")).isEmpty();
        assertThat(pattern(entry, "b d c d")).containsExactly(new TextSpan(0, 3));
    }

    @Test
    void aMatchRunsFromItsFirstTokenToItsLastAcrossTheGap() {
        LexiconEntry entry = new LexiconEntry("MH-C01", "found ... (floor|ground)", 4, false, "");

        assertThat(pattern(entry, "Pt was found by staff on the floor; floor wet"))
                .containsExactly(new TextSpan(7, 34));
        assertThat(pattern(entry, "found keys, the table and then the floor")).isEmpty();
    }

    @Test
    void aPrefixMatchesEveryTermStartingWithIt_andAQueryMarkIsTheWordQuery() {
        assertThat(pattern(new LexiconEntry("MH-T01", "self-harm*", 0, false, ""), "self harming, Self-Harmed"))
                .containsExactly(new TextSpan(0, 12), new TextSpan(14, 25));
        assertThat(pattern(new LexiconEntry("MH-T01", "query seizure", 0, false, ""), "?seizure at 3am"))
                .hasSize(1);
    }
}
