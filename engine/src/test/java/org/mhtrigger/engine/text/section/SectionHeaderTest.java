package org.mhtrigger.engine.text.section;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.screen.Assertion;

class SectionHeaderTest {
    private static final Pattern HEADER = NoteSections.headerPattern(List.of(
            new SectionRule("Family history", Assertion.OTHER_EXPERIENCER),
            new SectionRule("Plan", Assertion.HYPOTHETICAL),
            new SectionRule("PMH", Assertion.HISTORICAL)));

    private static final List<String> PIECES = List.of(
            "Family history",
            "family HISTORY",
            "Plan",
            "plan",
            "PMH",
            ":",
            " - ",
            "\u2013",
            "-",
            "*",
            "\u2022",
            " ",
            "\t",
            "\n",
            "\r",
            "\r\n",
            "\n\n",
            "\u0085",
            "\u2028",
            "\u2029",
            "pt settled",
            "fell");

    private static List<String> described(List<MatchResult> matches) {
        return matches.stream()
                .map(m -> m.start() + "-" + m.end() + " " + m.group(1))
                .toList();
    }

    @Test
    void onRandomTexts_headersAtLineStartsAreTheMatchesThatFindGives() {
        SplittableRandom random = new SplittableRandom(20261124L);
        int withHeaders = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(16);
            for (int k = 0; k < length; k++) {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            List<String> expected = described(HEADER.matcher(text).results().toList());
            assertThat(described(NoteSections.atLineStarts(HEADER, text.toString())))
                    .as("headers in '%s'", text)
                    .isEqualTo(expected);
            withHeaders += expected.isEmpty() ? 0 : 1;
        }
        assertThat(withHeaders).as("texts with a header").isGreaterThan(2_000);
    }

    @Test
    void aHeaderCountsAtTheStartOfALine_notInsideOne() {
        String text = "Plan: obs\r\n - PMH: asthma\rpt plan: none\u2028Family history: none";

        assertThat(described(NoteSections.atLineStarts(HEADER, text)))
                .containsExactly("0-5 Plan", "11-18 PMH", "40-55 Family history");
    }
}
