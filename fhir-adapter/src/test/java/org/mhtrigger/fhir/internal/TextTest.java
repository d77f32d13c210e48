package org.mhtrigger.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextTest {
    /** The definition {@link Text#normalise} keeps to: lower case, µ as u, runs of other than [a-z0-9] as a space. */
    private static String byDefinition(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('µ', 'u').replace('μ', 'u');
        return Pattern.compile("[^a-z0-9]+").matcher(lower).replaceAll(" ").trim();
    }

    @Test
    void normalise_isLowerCaseWordsAndDigitsSeparatedBySingleSpaces() {
        assertThat(Text.normalise("  Priadel 400 mg MR-tablets (Lithium) "))
                .isEqualTo("priadel 400 mg mr tablets lithium");
        assertThat(Text.normalise("5 µg/Μl")).isEqualTo("5 ug ul");
        assertThat(Text.normalise("Café—crème")).isEqualTo("caf cr me");
        assertThat(Text.normalise("...")).isEmpty();
        assertThat(Text.normalise(null)).isEmpty();
    }

    @Test
    void normalise_agreesWithItsDefinition_onSeededRandomText() {
        Random random = new Random(11L);
        String alphabet = "aZz09 \t\n-/.,()[]µμΜéÉİßﬁ\u00A0\u2003_'\"";
        for (int round = 0; round < 5_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(25);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }

            assertThat(Text.normalise(text.toString())).as(text.toString()).isEqualTo(byDefinition(text.toString()));
        }
    }
}
