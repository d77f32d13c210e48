package org.mhtrigger.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunChartTest {
    // docs/spec/method.md §4: n useful points -> longest run >, crossings <
    private static final int[][] TABLE = {
        {10, 6, 2},
        {12, 7, 3},
        {14, 7, 4},
        {16, 7, 4},
        {18, 7, 5},
        {20, 7, 6},
        {24, 8, 8},
        {30, 8, 10},
        {36, 8, 13},
        {40, 8, 14},
        {50, 9, 19},
        {60, 9, 23},
        {80, 9, 32},
        {100, 10, 41}
    };

    @Test
    void anhojLimits_matchTheMethodTableForEveryN() {
        for (int[] row : TABLE) {
            assertThat(RunChart.longestRunLimit(row[0]))
                    .as("longest run limit for n=%d", row[0])
                    .isEqualTo(row[1]);
            assertThat(RunChart.crossingsLimit(row[0]))
                    .as("crossings limit for n=%d", row[0])
                    .isEqualTo(row[2]);
        }
    }

    @Test
    void alternatingSeries_showsNoSignal() {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            values.add(i % 2 == 0 ? 5.0 : 9.0);
        }

        RunChart.Analysis analysis = RunChart.analyse(values);

        assertThat(analysis.median()).isEqualTo(7.0);
        assertThat(analysis.crossings()).isEqualTo(17);
        assertThat(analysis.longestRun()).isEqualTo(1);
        assertThat(analysis.signal()).isFalse();
    }

    @Test
    void shiftAfterAnImprovement_isAnUnusuallyLongRunWithFewCrossings() {
        // 9 high months then 9 low: one crossing, runs of 9 > 7
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            values.add(i < 9 ? 12.0 + i % 3 : 4.0 + i % 2);
        }

        RunChart.Analysis analysis = RunChart.analyse(values);

        assertThat(analysis.usefulPoints()).isEqualTo(18);
        assertThat(analysis.longestRun()).isEqualTo(9);
        assertThat(analysis.longRunSignal()).isTrue();
        assertThat(analysis.crossings()).isEqualTo(1);
        assertThat(analysis.fewCrossingsSignal()).isTrue();
    }

    @Test
    void pointsOnTheMedian_neitherBreakNorExtendARun() {
        // median 5; the 5s are dropped, leaving + + + - - : a run of 3, one crossing, n = 5
        RunChart.Analysis analysis = RunChart.analyse(List.of(6.0, 5.0, 7.0, 8.0, 5.0, 5.0, 2.0, 1.0));

        assertThat(analysis.median()).isEqualTo(5.0);
        assertThat(analysis.usefulPoints()).isEqualTo(5);
        assertThat(analysis.longestRun()).isEqualTo(3);
        assertThat(analysis.crossings()).isEqualTo(1);
    }

    @Test
    void undefinedPeriods_areSkipped() {
        RunChart.Analysis analysis = RunChart.analyse(List.of(1.0, Double.NaN, 3.0));

        assertThat(analysis.median()).isEqualTo(2.0);
        assertThat(analysis.usefulPoints()).isEqualTo(2);
    }
}
