package org.mhtrigger.review.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhtrigger.rules.RulesConfig;

class TrendChartTest {
    private final LocalTimes times = new LocalTimes("Europe/London");
    private final List<LabLimits.Limit> thresholds = LabLimits.of(RulesConfig.defaults()).of("neutrophils").stream()
            .filter(LabLimits.Limit::threshold)
            .toList();

    @Test
    void valuesAndThreshold_areLaidOutInsideThePlot_lowValuesLower() {
        TrendChart chart = TrendChart.of(
                "c1",
                "neutrophils",
                "10*9/L",
                List.of(
                        new TrendChart.Sample(Instant.parse("2025-03-03T08:00:00Z"), 3.1, null),
                        new TrendChart.Sample(Instant.parse("2025-03-08T08:00:00Z"), 2.2, null),
                        new TrendChart.Sample(Instant.parse("2025-03-14T08:00:00Z"), 1.3, "crosses")),
                thresholds,
                times);

        assertThat(chart.points()).hasSize(3);
        assertThat(chart.points().getFirst().x()).isEqualTo(chart.plotLeft());
        assertThat(chart.points().getLast().x()).isEqualTo(chart.plotRight());
        for (TrendChart.Point point : chart.points()) {
            assertThat(point.y()).isBetween(chart.plotTop(), chart.plotBottom());
        }
        // SVG y grows downwards: the lowest value is drawn lowest, below the threshold line
        double line = chart.lines().getFirst().y();
        assertThat(chart.points().get(2).y()).isGreaterThan(line);
        assertThat(chart.points().get(0).y()).isLessThan(line);
        assertThat(chart.points().get(2).flagged()).isTrue();
        assertThat(chart.lines().getFirst().label()).isEqualTo("MH-L02 < 1.5");
        assertThat(chart.polyline().split(" ")).hasSize(3);
        assertThat(chart.xTicks()).extracting(TrendChart.Tick::text).containsExactly("3 Mar", "14 Mar");
        assertThat(chart.yTicks()).extracting(TrendChart.Tick::text).containsExactly("1.3", "3.1");
        assertThat(chart.yTicks().getFirst().at())
                .isEqualTo(chart.points().get(2).y());
    }

    @Test
    void theTextAlternative_saysWhatTheChartShows() {
        TrendChart chart = TrendChart.of(
                "c1",
                "neutrophils",
                "10*9/L",
                List.of(
                        new TrendChart.Sample(Instant.parse("2025-03-03T08:00:00Z"), 3.1, null),
                        new TrendChart.Sample(Instant.parse("2025-03-14T08:00:00Z"), 1.3, "crosses")),
                thresholds,
                times);

        assertThat(chart.description())
                .isEqualTo("2 values from Mon 3 Mar 2025 08:00 to Fri 14 Mar 2025 08:00, lowest 1.3, highest 3.1,"
                        + " last 1.3 ×10⁹/L; 1 value crosses a threshold (MH-L02 threshold < 1.5 ×10⁹/L).");
        assertThat(chart.values()).extracting(TrendChart.Value::value).containsExactly("3.1 ×10⁹/L", "1.3 ×10⁹/L");
    }

    @Test
    void oneValue_isDrawnInTheMiddle() {
        TrendChart chart = TrendChart.of(
                "c1",
                "lithium",
                "mmol/L",
                List.of(new TrendChart.Sample(Instant.parse("2025-03-03T08:00:00Z"), 1.7, "crosses")),
                List.of(),
                times);

        assertThat(chart.points().getFirst().x()).isEqualTo((chart.plotLeft() + chart.plotRight()) / 2);
        assertThat(chart.points().getFirst().y()).isBetween(chart.plotTop(), chart.plotBottom());
    }
}
