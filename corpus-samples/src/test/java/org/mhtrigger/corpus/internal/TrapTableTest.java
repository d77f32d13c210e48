package org.mhtrigger.corpus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The trap table shipped with the generator (traps.tsv). */
class TrapTableTest {
    @Test
    void everyTrapClass_hasRowsThatAreOnByDefault() {
        Set<String> on = new TreeSet<>();
        Set<String> any = new TreeSet<>();
        for (TrapPlanter.Trap trap : TrapPlanter.ROWS) {
            any.add(trap.trapClass());
            if (trap.on()) {
                on.add(trap.trapClass());
            }
        }
        assertThat(any).containsExactlyInAnyOrderElementsOf(TrapPlanter.CLASSES);
        assertThat(on).containsExactlyInAnyOrderElementsOf(TrapPlanter.CLASSES);
    }

    @Test
    void trapRows_lookLikeATriggerOfThePhraseBanks() {
        for (TrapPlanter.Trap trap : TrapPlanter.ROWS) {
            assertThat(Triggers.codes()).as(trap.text()).contains(trap.trigger());
            assertThat(trap.text()).as("a trap marks no mention").doesNotContain("«");
        }
    }
}
