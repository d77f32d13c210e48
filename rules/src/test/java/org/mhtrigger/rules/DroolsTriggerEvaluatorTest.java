package org.mhtrigger.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhtrigger.rules.Fixtures.at;
import static org.mhtrigger.rules.Fixtures.lab;
import static org.mhtrigger.rules.Fixtures.stay;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.engine.screen.Finding;
import org.mhtrigger.engine.screen.Screener;
import org.mhtrigger.engine.screen.TextMatcher;

/** DroolsTriggerEvaluator: versioning, deduplication, thread safety, use through the engine's Screener. */
class DroolsTriggerEvaluatorTest {

    @Test
    void rulesetVersion_isCatalogueVersionPlusTwelveHexDigits_andStableForTheSameConfiguration() {
        assertThat(Fixtures.RULES.rulesetVersion()).matches("1\\.0\\.0\\+[0-9a-f]{12}");
        assertThat(new DroolsTriggerEvaluator(RulesConfig.defaults()).rulesetVersion())
                .isEqualTo(Fixtures.RULES.rulesetVersion());
    }

    @Test
    void rulesComeFromThePrecompiledExecutableModel() {
        assertThat(Fixtures.RULES.precompiled()).isTrue();
    }

    @Test
    void recordWithoutAnythingWrong_hasNoFindings() {
        assertThat(Fixtures.evaluate(stay().lab(lab("li-1", "lithium", 0.7, "mmol/L", at(2)))))
                .isEmpty();
    }

    @Test
    void qtcOverBothTheLimitAndTheRise_isOneFindingWithTheAbsoluteEvidence() {
        List<Finding> findings = Fixtures.evaluate(
                stay().lab(lab("q-1", "qtc", 420, "ms", at(1))).lab(lab("q-2", "qtc", 520, "ms", at(2))));

        assertThat(findings)
                .singleElement()
                .satisfies(f -> assertThat(f.evidence()).isEqualTo("QTc 520 ms (threshold 500)"));
    }

    @Test
    void aStayEvaluatedAfterAnother_findsNothingOfTheOneBefore() {
        // sessions are reused: each is reset when disposed of, so no fact or finding of one stay reaches the next
        DroolsTriggerEvaluator rules = new DroolsTriggerEvaluator(RulesConfig.defaults());
        StayRecord high =
                stay().lab(lab("li-1", "lithium", 1.8, "mmol/L", at(2))).build();
        StayRecord normal =
                stay().lab(lab("li-2", "lithium", 0.7, "mmol/L", at(2))).build();

        List<Finding> first = rules.evaluate(high, List.of());
        for (int i = 0; i < 3; i++) {
            assertThat(rules.evaluate(normal, List.of())).isEmpty();
            assertThat(rules.evaluate(high, List.of())).isEqualTo(first);
        }
        assertThat(first).singleElement().satisfies(f -> assertThat(f.trigger()).isEqualTo("MH-L01"));
    }

    @Test
    void concurrentEvaluations_giveTheSameFindingsAsOneAtATime() throws Exception {
        List<StayRecord> records = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            records.add(stay().lab(lab("li-" + i, "lithium", 1.0 + i / 40.0, "mmol/L", at(2)))
                    .build());
        }
        List<List<Finding>> expected =
                records.stream().map(r -> Fixtures.RULES.evaluate(r, List.of())).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Finding>>> futures = new ArrayList<>();
            for (StayRecord record : records) {
                futures.add(pool.submit(() -> Fixtures.RULES.evaluate(record, List.of())));
            }
            for (int i = 0; i < records.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(expected.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected.stream().filter(f -> !f.isEmpty())).hasSize(20);
    }

    @Test
    void screener_usesTheEvaluatorAndItsVersion() {
        Screener screener = new Screener(TextMatcher.NONE, Fixtures.RULES);

        var screening = screener.screen(
                stay().lab(lab("na-1", "sodium", 120, "mmol/L", at(2))).build());

        assertThat(screening.findings()).extracting(Finding::trigger).containsExactly("MH-L03");
        assertThat(screener.rulesetVersion()).isEqualTo(Fixtures.RULES.rulesetVersion());
    }
}
