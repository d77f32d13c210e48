package org.mhtrigger.fhir.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mhtrigger.fhir.internal.Text;

/** The bundled dosage words: whole words and phrases of normalised text, never parts of words. */
class DosageWordsTest {
    private final DosageWords words = MappingTables.load(null).dosageWords();

    @Test
    void prn_readsTheWaysOfWritingAsRequired_asWholeWords() {
        assertThat(words.prn(Text.normalise("1-2 tablets PRN for agitation"))).isTrue();
        assertThat(words.prn(Text.normalise("Take as required, max 4 in 24h"))).isTrue();
        assertThat(words.prn(Text.normalise("once daily at night"))).isFalse();
        assertThat(words.prn(Text.normalise("sprn"))).as("part of a word").isFalse();
    }

    @Test
    void depot_readsBrandsAndEstersAndLongActing_asWritten() {
        assertThat(words.depot(Text.normalise("Haloperidol decanoate 50 mg IM")))
                .isTrue();
        assertThat(words.depot(Text.normalise("Aripiprazole long-acting injection")))
                .isTrue();
        assertThat(words.depot(Text.normalise("Risperdal Consta 37.5 mg"))).isTrue();
        assertThat(words.depot(Text.normalise("olanzapine 10 mg tablets"))).isFalse();
        assertThat(words.depot(Text.normalise("palmitates")))
                .as("part of a word")
                .isFalse();
    }
}
