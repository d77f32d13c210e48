package org.mhtrigger.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermIndexTest {
    private static List<Integer> marked(TermIndex index, String term) {
        NoteTerms.Hits hits = new NoteTerms.Hits(index.size());
        char[] buffer =
                (term + "#garbage after the term").toCharArray(); // the analyser's buffer is longer than its term
        index.mark(buffer, term.length(), 0, hits);
        List<Integer> ids = new ArrayList<>();
        for (int id = 0; id < index.size(); id++) {
            if (hits.present(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    @Test
    void everyTermOfALargeIndexIsFoundByItsOwnNumber_andOnlyItself() {
        TermIndex index = new TermIndex();
        for (int i = 0; i < 2_000; i++) {
            assertThat(index.term("t" + i)).isEqualTo(i);
        }
        assertThat(index.term("t7")).isEqualTo(7);

        for (int i = 0; i < 2_000; i++) {
            assertThat(marked(index, "t" + i)).containsExactly(i);
        }
        assertThat(marked(index, "t")).isEmpty();
        assertThat(marked(index, "t20000")).isEmpty();
        assertThat(marked(index, "")).isEmpty();
    }

    @Test
    void aTermMarksItselfAndEveryPrefixItStartsWith() {
        TermIndex index = new TermIndex();
        int harm = index.term("harm");
        int h = index.prefix("h");
        int harmPrefix = index.prefix("harm");
        int harming = index.prefix("harming");
        int self = index.prefix("self");

        assertThat(marked(index, "harm")).containsExactlyInAnyOrder(harm, h, harmPrefix);
        assertThat(marked(index, "harmed")).containsExactlyInAnyOrder(h, harmPrefix);
        assertThat(marked(index, "harming")).containsExactlyInAnyOrder(h, harmPrefix, harming);
        assertThat(marked(index, "ha")).containsExactly(h);
        assertThat(marked(index, "selfharm")).containsExactly(self);
        assertThat(marked(index, "sel")).isEmpty();
    }
}
