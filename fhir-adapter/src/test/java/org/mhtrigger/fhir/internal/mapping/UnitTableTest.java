package org.mhtrigger.fhir.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnitTableTest {
    @Test
    void units_compareWithoutCaseSpacesOrTheMicroSignsSpelling() {
        assertThat(UnitTable.normaliseUnit(" µmol / L\t")).isEqualTo("umol/l");
        assertThat(UnitTable.normaliseUnit("μg/mL")).isEqualTo("ug/ml");
        assertThat(UnitTable.normaliseUnit(null)).isEmpty();
    }

    @Test
    void handWrittenNormalising_isWhatTheRegexGave() {
        long seed = 20261206L;
        Random random = new Random(seed);
        String alphabet = "mMoOlLgG/µμ \t\n\u000B\f\r\u00a0\u2003_.%0123456789İ";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder unit = new StringBuilder();
            for (int j = random.nextInt(12); j > 0; j--) {
                unit.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = unit.toString();
            String byRegex = text.replace('µ', 'u')
                    .replace('μ', 'u')
                    .replaceAll("\\s+", "")
                    .toLowerCase(Locale.ROOT);
            assertThat(UnitTable.normaliseUnit(text))
                    .as("%s (seed %d)", text, seed)
                    .isEqualTo(byRegex);
        }
    }
}
