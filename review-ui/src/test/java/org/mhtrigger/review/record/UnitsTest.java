package org.mhtrigger.review.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void ucumPowersOfTen_readAsClinicansWriteThem() {
        assertThat(Units.readable("Neutrophils 1.3 10*9/L (threshold < 1.5)"))
                .isEqualTo("Neutrophils 1.3 ×10⁹/L (threshold < 1.5)");
        assertThat(Units.readable("platelets 150 10*9/L, red cells 4.5 10*12/L"))
                .isEqualTo("platelets 150 ×10⁹/L, red cells 4.5 ×10¹²/L");
    }

    @Test
    void otherText_isLeftAlone() {
        assertThat(Units.readable("lithium 1.7 mmol/L")).isEqualTo("lithium 1.7 mmol/L");
        assertThat(Units.readable("2*3 = 6; 110*9")).isEqualTo("2*3 = 6; 110*9");
        assertThat(Units.readable(null)).isNull();
    }
}
