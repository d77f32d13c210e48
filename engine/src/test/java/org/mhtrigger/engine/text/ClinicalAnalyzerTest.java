package org.mhtrigger.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class ClinicalAnalyzerTest {
    /** The chain with the pattern filter over every text, as the analyser was before it skipped texts without '?'. */
    private static final Analyzer REFERENCE = new Analyzer() {
        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new PatternReplaceCharFilter(ClinicalAnalyzer.QUERY_MARK, ClinicalAnalyzer.QUERY, reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer tokenizer = new StandardTokenizer();
            return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)));
        }
    };

    private static final List<String> PIECES = List.of(
            "?UTI",
            "?",
            "??",
            "? ",
            "?seizure",
            "?3",
            "?é",
            "pt",
            "Self-harm",
            "café",
            "A&E",
            " ",
            "\n",
            ".",
            "1.6",
            "h/o",
            "?h/o",
            "x".repeat(300),
            "Ω",
            "\uD835\uDC00");

    /** Each token as term, start and end offset, position increment, and the final offset. */
    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term + " " + offset.startOffset() + "-" + offset.endOffset() + " +"
                        + increment.getPositionIncrement());
            }
            stream.end();
            tokens.add("end " + offset.endOffset());
        }
        return tokens;
    }

    @Test
    void aQueryMarkBeforeAWordIsTheWordQuery_withOffsetsIntoTheOriginalText() throws IOException {
        // the pattern filter maps the inserted word to an empty span where the mark was
        assertThat(tokens(new ClinicalAnalyzer(), "?UTI, ? later"))
                .containsExactly("query 0-0 +1", "uti 1-4 +1", "later 8-13 +1", "end 13");
    }

    @Test
    void onRandomTexts_withAndWithoutQueryMarks_theTokensAndOffsetsAreThoseOfThePatternFilter() throws IOException {
        ClinicalAnalyzer analyzer = new ClinicalAnalyzer();
        SplittableRandom random = new SplittableRandom(20261124L);
        int withMark = 0;
        for (int i = 0; i < 3_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int k = 0; k < length; k++) {
                text.append(PIECES.get(random.nextInt(PIECES.size()))).append(random.nextBoolean() ? " " : "");
            }
            withMark += text.indexOf("?") >= 0 ? 1 : 0;
            assertThat(tokens(analyzer, text.toString()))
                    .as("tokens of '%s'", text)
                    .isEqualTo(tokens(REFERENCE, text.toString()));
        }
        assertThat(withMark).as("texts with a question mark").isBetween(500, 2_900);
    }

    @Test
    void aLongTextIsReadWhole() throws IOException {
        String text = "fell ".repeat(2_000) + "?fall";

        List<String> tokens = tokens(new ClinicalAnalyzer(), text);

        assertThat(tokens).hasSize(2_003).endsWith("query 10000-10000 +1", "fall 10001-10005 +1", "end 10005");
    }
}
