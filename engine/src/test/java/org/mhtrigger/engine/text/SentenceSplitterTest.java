package org.mhtrigger.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
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
