package org.mhtrigger.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ControlChartTest {
    @Test
    void uChartLimits_matchAHandCalculation() {
        // u = 50 / 10000 = 0.005; for 4000 days sigma = sqrt(0.005 / 4000) = 0.0011180; 3 sigma = 0.0033541
        ControlChart.Chart chart = ControlChart.uChart(List.of(20.0, 30.0), List.of(4000.0, 6000.0), 1000);

        assertThat(chart.centre()).isCloseTo(5.0, within(1e-12));
        assertThat(chart.points().get(0).lower()).isCloseTo(1.6459, within(1e-4));
        assertThat(chart.points().get(0).upper()).isCloseTo(8.3541, within(1e-4));
        assertThat(chart.points().get(1).lower()).isCloseTo(2.2614, within(1e-4));
        assertThat(chart.points().get(1).upper()).isCloseTo(7.7386, within(1e-4));
        assertThat(chart.points().get(1).value()).isCloseTo(5.0, within(1e-12));
    }

    @Test
    void uChartLowerLimit_isFlooredAtZero() {
        // u = 11 / 2000 = 0.0055; for 600 days: 5.5 + 3000 * sqrt(0.0055 / 600) = 14.583
        ControlChart.Chart chart =
                ControlChart.uChart(List.of(3.0, 6.0, 2.0, 0.0), List.of(600.0, 640.0, 400.0, 360.0), 1000);

        assertThat(chart.centre()).isCloseTo(5.5, within(1e-12));
        assertThat(chart.points().get(0).lower()).isZero();
        assertThat(chart.points().get(0).upper()).isCloseTo(14.583, within(1e-3));
        assertThat(chart.points()).noneMatch(ControlChart.Point::outside);
    }

    @Test
    void pChartLimits_matchAHandCalculationAndAnOutlierIsFlagged() {
        // p = 8 / 80 = 0.1; n = 20: 0.1 + 3 * sqrt(0.09 / 20) = 0.30125
        ControlChart.Chart chart = ControlChart.pChart(List.of(7.0, 1.0), List.of(20.0, 60.0), 100);

        assertThat(chart.centre()).isCloseTo(10.0, within(1e-12));
        assertThat(chart.points().get(0).upper()).isCloseTo(30.1246, within(1e-4));
        assertThat(chart.points().get(0).lower()).isZero();
        assertThat(chart.points().get(0).outside()).isTrue();
        assertThat(chart.points().get(1).upper()).isCloseTo(21.6190, within(1e-4));
    }
}
