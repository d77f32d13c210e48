package org.mhtrigger.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.junit.jupiter.api.Test;

class AsciiWordsTest {
    /** {@link ClinicalAnalyzer}'s chain, through Lucene's token filters alone (not a ClinicalAnalyzer). */
    private static final Analyzer LUCENE = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer tokenizer = new StandardTokenizer();
            return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)));
        }
    };

    private static final ClinicalAnalyzer CLINICAL = new ClinicalAnalyzer();

    /** Pieces that meet every rule of the word splitter: classes of characters, their neighbours, clinical spellings. */
    private static final List<String> PIECES = List.of(
            "a",
            "Z",
            "pt",
            "Self",
            "harm",
            "3",
            "0",
            "3.5",
            "1,000",
            "2;3",
            "h/o",
            "patient's",
            "pts'",
            "e.g.",
            "a.b.c",
            "A&E",
            "co-amoxiclav",
            "10mg",
            "mg10",
            "x1.2",
            "1.x",
            "a:b",
            "1:2",
            "a,b",
            "_",
            "__",
            "_a",
            "a_",
            "1_",
            "_1",
            "'",
            ".",
            ",",
            ";",
            ":",
            " ",
            "  ",
            "\n",
            "\r\n",
            "\r",
            "\t",
            "\f",
            "\u000b",
            "-",
            "/",
            "(",
            ")",
            "\"",
            "#",
            "%",
            "+",
            "=",
            "*",
            "@",
            "[",
            "]",
            "{",
            "}",
            "<",
            ">",
            "|",
            "\\",
            "^",
            "`",
            "~",
            "!",
            "$",
            "\u0000",
            "\u007f",
            "\u0001",
            "O'Neil",
            "St.",
            "09:30",
            "12/03/2024",
            "1.6mmol/L",
            "x".repeat(255));

    private static String text(SplittableRandom random, int pieces) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        return text.toString();
    }

    /** Each token as term, start and end offset, through the splitter (or {@code null} if it refuses the text). */
    private static List<Token> split(String text) {
        AsciiWords.Spans spans = AsciiWords.of(CLINICAL, text);
        if (spans == null) {
            return null;
        }
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < spans.count; i++) {
            tokens.add(new Token(new String(spans.term, 0, spans.term(i)), spans.starts[i], spans.ends[i]));
        }
        return tokens;
    }

    @Test
    void onSeededRandomAsciiTexts_theWordsAreLucenesTermsAndOffsets() {
        SplittableRandom random = new SplittableRandom(20261207L);
        int split = 0;
        for (int i = 0; i < 100_000; i++) {
            String text = text(random, 1 + random.nextInt(16));
            List<Token> words = split(text);
            if (words == null) {
                continue;
            }
            split++;
            assertThat(words).as("words of %s", List.of(text)).isEqualTo(Tokens.of(LUCENE, text));
        }
        assertThat(split).as("texts the splitter read").isGreaterThan(90_000);
    }

    @Test
    void theMatcherSeesTheSameTermsAndPositionsEitherWay() {
        SplittableRandom random = new SplittableRandom(7L);
        for (int i = 0; i < 2_000; i++) {
            String text = text(random, 40);
            TermIndex index = new TermIndex();
            for (String term : List.of("pt", "self", "harm", "3.5", "a", "x1.2", "patient's", "e.g", "_a")) {
                index.term(term);
            }
            index.prefix("co");
            index.prefix("1");
            NoteTerms fast = NoteTerms.of(CLINICAL, Lexicon.FIELD, text, index);
            NoteTerms lucene = NoteTerms.of(LUCENE, Lexicon.FIELD, text, index);
            List<Token> words = Tokens.of(LUCENE, text);
            for (int token = 0; token < words.size(); token++) {
                assertThat(List.of(fast.position(token), fast.startOffset(token), fast.endOffset(token)))
                        .as("token %d of %s", token, List.of(text))
                        .isEqualTo(List.of(lucene.position(token), lucene.startOffset(token), lucene.endOffset(token)));
            }
            for (int id = 0; id < index.size(); id++) {
                assertThat(fast.firstOccurrence(id)).isEqualTo(lucene.firstOccurrence(id));
                assertThat(fast.contains(id)).isEqualTo(lucene.contains(id));
            }
        }
    }

    @Test
    void textsTheAnalyserMustRead_areRefused() {
        assertThat(split("seizure ?UTI")).isNull();
        assertThat(split("why?")).isNull();
        assertThat(split("café")).isNull();
        assertThat(split("pt \u00a0settled")).isNull();
        assertThat(split("x".repeat(256)))
                .as("longer than the tokenizer's longest word")
                .isNull();
        assertThat(split("x".repeat(255) + " ok")).hasSize(2);
        assertThat(split("")).isEmpty();
        assertThat(split(" ,.:_ ")).as("no letter or digit: no word").isEmpty();
    }

    @Test
    void aClinicalAnalyzersTokensAreTheSameThroughEitherPath() {
        String text = "Pt's BP 120/80 at 09:30; Li 1.6mmol/L, e.g. A&E x2_dose O'Neil";
        assertThat(Tokens.of(CLINICAL, text)).isEqualTo(Tokens.of(LUCENE, text));
        assertThat(Tokens.of(CLINICAL, text, 100)).isEqualTo(Tokens.of(LUCENE, text, 100));
        assertThat(Tokens.terms(CLINICAL, text))
                .containsExactly(
                        "pt's", "bp", "120", "80", "at", "09", "30", "li", "1.6mmol", "l", "e.g", "a", "e", "x2_dose",
                        "o'neil");
    }
}
