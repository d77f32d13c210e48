package org.mhtrigger.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.internal.CsvTable;
import org.mhtrigger.engine.record.TextSpan;

class SentenceSplitterTest {
    private static final SentenceSplitter SPLITTER = SentenceSplitter.pretrained();

    private static List<String> sentences(String text) {
        return SPLITTER.split(text).stream()
                .map(s -> text.substring(s.start(), s.end()))
                .toList();
    }

    @Test
    void theSentencesOfEachLineAlone_areTheSentencesOfTheWholeText() {
        String text = "Pt settled overnight. Obs. maintained, approx. 2 staff.\n\n  - ate lunch. Slept  \n"
                + "Dr. Smith reviewed. No concerns\r\n\nEnd.";
        List<TextSpan> byLine = new ArrayList<>();
        int lines = 0;
        for (int start = 0; start <= text.length(); start = text.indexOf('\n', start) + 1) {
            byLine.addAll(SPLITTER.splitLine(text, start));
            lines++;
            if (text.indexOf('\n', start) < 0) {
                break;
            }
        }

        assertThat(lines).isEqualTo(6);
        assertThat(byLine).hasSize(7).isEqualTo(SPLITTER.split(text));
    }

    @Test
    void prose_isSplitAtFullStops() {
        assertThat(sentences("Pt settled overnight. Slept well. Ate breakfast."))
                .containsExactly("Pt settled overnight.", "Slept well.", "Ate breakfast.");
    }

    @Test
    void everyLineIsAtLeastOneSentence() {
        assertThat(sentences("obs maintained\n\n  - ate lunch  \n- no concerns"))
                .containsExactly("obs maintained", "- ate lunch", "- no concerns");
    }

    @Test
    void spansAreTrimmedOffsetsIntoTheOriginalText() {
        String text = "  Calm.\nSettled. ";

        List<TextSpan> spans = SPLITTER.split(text);

        assertThat(spans).containsExactly(new TextSpan(2, 7), new TextSpan(8, 16));
    }

    @Test
    void wardAbbreviationsWithAFullStop_doNotEndASentence() {
        assertThat(sentences("Pt. settled on the ward. Obs. maintained at 14:30. Seen by Dr. Tan re meds."))
                .containsExactly("Pt. settled on the ward.", "Obs. maintained at 14:30.", "Seen by Dr. Tan re meds.");
        assertThat(sentences("Pt absconded at approx. 13:00 from the garden i.e. via the fence. Police informed."))
                .containsExactly(
                        "Pt absconded at approx. 13:00 from the garden i.e. via the fence.", "Police informed.");
    }

    @Test
    void everyAbbreviationInTheTable_staysInsideTheSentenceOfItsExample() {
        // the shipped list, as it was written in the code before it became a table
        assertThat(SentenceSplitter.clinicalAbbreviations())
                .containsExactlyInAnyOrder(
                        "pt", "pts", "obs", "approx", "dr", "mr", "mrs", "ms", "ie", "eg", "re", "hx", "dx", "tx", "vs",
                        "incl", "inc", "sr", "sn", "rmn", "hca", "cont", "max", "min", "mins", "hrs", "hr", "resp",
                        "temp", "wt", "ht", "ref");
        for (CsvTable.Row row : SentenceSplitter.abbreviationTable().rows()) {
            String example = row.get("example");
            String abbreviation = row.get("abbreviation");
            assertThat(example.replace(".", "").toLowerCase(Locale.ROOT))
                    .as("%s line %d: the example must use %s", row.file(), row.line(), abbreviation)
                    .containsPattern("\\b" + abbreviation + "\\b");
            assertThat(sentences(example))
                    .as("%s line %d: %s", row.file(), row.line(), abbreviation)
                    .containsExactly(example);
        }
    }

    @Test
    void withoutTheTable_theModelSplitsAfterAnAbbreviation() throws Exception {
        // the table is what keeps these together: the bare model ends a sentence after them
        try (var in = SentenceSplitter.class.getResourceAsStream(SentenceSplitter.PRETRAINED_MODEL)) {
            SentenceSplitter bare = new SentenceSplitter(new opennlp.tools.sentdetect.SentenceModel(in), Set.of());
            String text = "Obs. Stable throughout the shift.";
            assertThat(bare.split(text)).hasSize(2);
            assertThat(sentences(text)).containsExactly(text);
        }
    }

    @Test
    void theInitialOfAnOrganism_doesNotEndASentence() {
        assertThat(sentences(
                        "Diarrhoea since day 6, C. diff toxin positive. E. coli in urine. Temp 37.2 C. Pt settled."))
                .containsExactly(
                        "Diarrhoea since day 6, C. diff toxin positive.",
                        "E. coli in urine.",
                        "Temp 37.2 C.",
                        "Pt settled.");
    }

    @Test
    void shorthandWithoutCapitals_isStillSplitAtFullStops() {
        assertThat(sentences("c/o headache. paracetamol 1g given. no falls. no concerns."))
                .containsExactly("c/o headache.", "paracetamol 1g given.", "no falls.", "no concerns.");
    }

    @Test
    void blankText_hasNoSentences() {
        assertThat(SPLITTER.split(" \n \n")).isEmpty();
    }
}
