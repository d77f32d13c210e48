package org.mhtrigger.engine.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.record.TextSpan;

class SentenceSplitterTest {
    /** A few ward abbreviations: the product's list is the rule configuration's table, which rules' tests check. */
    private static final Set<String> ABBREVIATIONS = Set.of("pt", "obs", "approx", "dr", "ie", "re");

    private static final SentenceSplitter SPLITTER = SentenceSplitter.pretrained(ABBREVIATIONS);

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
    void anAbbreviationWithDotsOrCapitals_isRefusedByName() {
        assertThatThrownBy(() -> SentenceSplitter.pretrained(Set.of("obs", "i.e.")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("abbreviation 'i.e.' must be lower-case letters without dots");
        assertThatThrownBy(() -> SentenceSplitter.pretrained(Set.of("Obs")))
                .hasMessage("abbreviation 'Obs' must be lower-case letters without dots");
    }

    @Test
    void withoutTheAbbreviations_theModelSplitsAfterAnAbbreviation() {
        // the abbreviations are what keep these together: the bare model ends a sentence after them
        SentenceSplitter bare = SentenceSplitter.pretrained(Set.of());
        String text = "Obs. Stable throughout the shift.";
        assertThat(bare.split(text)).hasSize(2);
        assertThat(sentences(text)).containsExactly(text);
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
