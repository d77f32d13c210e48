package org.mhtrigger.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpcTest {
    private static final Measure PER_DAYS = Measure.AE_PER_1000_PATIENT_DAYS;

    private static List<String> labels(int n) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels.add("p" + (i + 1));
        }
        return labels;
    }

    private static List<Rate> perThousandDays(double... values) {
        List<Rate> rates = new ArrayList<>();
        for (double v : values) {
            rates.add(new Rate(PER_DAYS, v, 1000));
        }
        return rates;
    }

    private static Spc.Analysis analyse(List<Rate> rates, List<Boolean> complete, List<Integer> starts, Double target) {
        return Spc.analyse(PER_DAYS, labels(rates.size()), rates, complete, starts, target);
    }

    @Test
    void unfinishedPeriod_isShownButLeftOutOfTheCentreLineAndTheSignals() {
        List<Rate> rates = List.of(new Rate(PER_DAYS, 2, 100), new Rate(PER_DAYS, 4, 100), new Rate(PER_DAYS, 50, 100));

        Spc.Analysis analysis = analyse(rates, List.of(true, true, false), List.of(), null);

        // u = (2 + 4) / (100 + 100) = 0.03 -> 30 per 1,000; the unfinished 500 per 1,000 does not move it
        assertThat(analysis.points().get(0).centre()).isCloseTo(30.0, within(1e-9));
        assertThat(analysis.points().get(2).value()).isCloseTo(500.0, within(1e-9));
        assertThat(analysis.points().get(2).included()).isFalse();
        assertThat(analysis.points().get(2).outside())
                .as("far above its limit, but not counted")
                .isFalse();
        assertThat(analysis.run().median()).isCloseTo(30.0, within(1e-9));
        assertThat(analysis.includedPoints()).isEqualTo(2);
        assertThat(analysis.signals()).isEmpty();
        assertThat(analysis.runChartWords()).isEqualTo("fewer than 12 complete points (2): no run-chart rules applied");
    }

    @Test
    void centreAndLimits_areRecalculatedFromEachProtocolChange() {
        List<Rate> rates = perThousandDays(10, 12, 14, 1, 2, 3);

        Spc.Analysis analysis = analyse(rates, Collections.nCopies(6, true), List.of(3), null);

        assertThat(analysis.points().get(0).centre()).isCloseTo(12.0, within(1e-9));
        assertThat(analysis.points().get(5).centre()).isCloseTo(2.0, within(1e-9));
        // 2 per 1,000 over 1,000 days: sigma = sqrt(0.002 / 1000); upper = (0.002 + 3 sigma) * 1000
        assertThat(analysis.points().get(5).upper())
                .isCloseTo((0.002 + 3 * Math.sqrt(0.002 / 1000)) * 1000, within(1e-9));
        assertThat(analysis.points().get(3).segment()).isEqualTo(1);
    }

    @Test
    void longRunBelowTheMedian_isAnImprovementForAMeasureWhereLowerIsBetter() {
        // 8 high months then 8 low ones: median 14, longest run 8 (a signal above 7), 1 crossing (a signal below 4)
        List<Rate> rates = perThousandDays(20, 21, 22, 23, 24, 25, 26, 27, 8, 7, 6, 5, 4, 3, 2, 1);

        Spc.Analysis analysis = analyse(rates, Collections.nCopies(16, true), List.of(), null);

        assertThat(analysis.runRulesApplied()).isTrue();
        assertThat(analysis.run().median()).isEqualTo(14.0);
        assertThat(analysis.signals())
                .filteredOn(s -> s.rule().equals("long run"))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.improvement()).isTrue();
                    assertThat(s.words())
                            .isEqualTo("unusually long run: 8 points in a row below the median (more than 7 is a"
                                    + " signal): improvement");
                });
        assertThat(analysis.signals()).anySatisfy(s -> assertThat(s.rule()).isEqualTo("few crossings"));
        // centre 14 per 1,000, limits 14 -/+ 3 sqrt(0.014/1000) * 1000 = 2.775 .. 25.225
        assertThat(analysis.signals())
                .filteredOn(s -> s.rule().equals("outside limits"))
                .extracting(Spc.Signal::words)
                .containsExactly(
                        "p7 is above the upper control limit: concern",
                        "p8 is above the upper control limit: concern",
                        "p15 is below the lower control limit: improvement",
                        "p16 is below the lower control limit: improvement");
        assertThat(analysis.signals())
                .filteredOn(s -> s.rule().equals("shift"))
                .extracting(Spc.Signal::improvement)
                .containsExactly(false, true);
        assertThat(analysis.variation()).isEqualTo(Spc.Variation.IMPROVING);
    }

    @Test
    void recentPointAboveTheUpperLimit_isAConcern() {
        List<Rate> rates = perThousandDays(5, 6, 5, 6, 5, 6, 5, 40);

        Spc.Analysis analysis = analyse(rates, Collections.nCopies(8, true), List.of(), null);

        assertThat(analysis.variation()).isEqualTo(Spc.Variation.CONCERNING);
        assertThat(analysis.runChartWords()).startsWith("fewer than 12 complete points (8)");
    }

    @Test
    void noSignal_isCommonCause_andNoCompletePeriodIsNoData() {
        assertThat(analyse(perThousandDays(5, 6, 5, 6), Collections.nCopies(4, true), List.of(), null)
                        .variation())
                .isEqualTo(Spc.Variation.COMMON_CAUSE);
        Spc.Analysis none = analyse(perThousandDays(5, 6), List.of(false, false), List.of(), null);
        assertThat(none.variation()).isEqualTo(Spc.Variation.NO_DATA);
        assertThat(none.runChartWords()).isEqualTo("no complete period yet");
    }

    @Test
    void assurance_comparesTheLatestSegmentsLimitsWithTheTarget() {
        List<Rate> rates = perThousandDays(20, 21, 22, 23, 24, 25, 26, 27, 8, 7, 6, 5, 4, 3, 2, 1);
        List<Boolean> complete = Collections.nCopies(16, true);

        // limits 2.775 .. 25.225 per 1,000 at the mean denominator
        assertThat(analyse(rates, complete, List.of(), 30.0).assurance()).isEqualTo(Spc.Assurance.MEETS);
        assertThat(analyse(rates, complete, List.of(), 10.0).assurance()).isEqualTo(Spc.Assurance.HIT_AND_MISS);
        assertThat(analyse(rates, complete, List.of(), 2.0).assurance()).isEqualTo(Spc.Assurance.FAILS);
        assertThat(analyse(rates, complete, List.of(), null).assurance()).isEqualTo(Spc.Assurance.NO_TARGET);
    }

    @Test
    void restrictivePracticeRate_doesNotWaitForReviews() {
        Measure restrictive = Measure.RESTRICTIVE_PER_1000_BED_DAYS;
        Spc.Analysis analysis = Spc.analyse(
                restrictive,
                List.of("a", "b"),
                List.of(new Rate(restrictive, 1, 100), new Rate(restrictive, 2, 100)),
                List.of(false, false),
                List.of(),
                null);

        assertThat(analysis.includedPoints()).isEqualTo(2);
    }

    @Test
    void completeness_saysWhereAPeriodsReviewStands() {
        assertThat(new Completeness(13, 1).label()).isEqualTo("in review: 1 of 13 signed");
        assertThat(new Completeness(13, 0).state()).isEqualTo(Completeness.State.SAMPLED);
        assertThat(new Completeness(20, 20).complete()).isTrue();
        assertThat(new Completeness(0, 0).complete()).isFalse();
    }
}
