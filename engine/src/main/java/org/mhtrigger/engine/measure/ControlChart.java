package org.mhtrigger.engine.measure;

import java.util.ArrayList;
import java.util.List;

/**
 * Shewhart u- and p-charts (docs/spec/method.md §4), with 3-sigma limits that vary with each point's denominator. Stateless,
 * thread-safe.
 */
public final class ControlChart {
    private ControlChart() {}

    /**
     * One point of a control chart, scaled by the chart's multiplier.
     *
     * @param value the point ({@code NaN} when its denominator is 0)
     * @param lower lower control limit, never below 0
     * @param upper upper control limit
     */
    public record Point(double value, double lower, double upper) {
        /** Whether the point falls outside its limits: special-cause variation. */
        public boolean outside() {
            return !Double.isNaN(value) && (value > upper || value < lower);
        }
    }

    /**
     * A control chart: its centre line and one point per period.
     *
     * @param centre ū or p̄ × multiplier
     */
    public record Chart(double centre, List<Point> points) {
        public Chart {
            points = List.copyOf(points);
        }
    }

    /**
     * u-chart: ū = Σevents ÷ Σexposure; limits ū ± 3·√(ū ÷ exposureᵢ), the lower one floored at 0; everything times
     * {@code multiplier} (1000 for per 1,000 patient-days).
     */
    public static Chart uChart(List<Double> events, List<Double> exposure, double multiplier) {
        requireSameSize(events, exposure);
        double u = sum(events) / sum(exposure);
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            double days = exposure.get(i);
            if (days <= 0) {
                points.add(new Point(Double.NaN, Double.NaN, Double.NaN));
                continue;
            }
            double[] limits = limits(false, u, days, multiplier);
            points.add(new Point(events.get(i) / days * multiplier, limits[1], limits[2]));
        }
        return new Chart(u * multiplier, points);
    }

    /**
     * p-chart: p̄ = Σcases ÷ Σn; limits p̄ ± 3·√(p̄(1 − p̄) ÷ nᵢ), within [0, 1]; everything times {@code multiplier}
     * (100 for percent).
     */
    public static Chart pChart(List<Double> cases, List<Double> sizes, double multiplier) {
        requireSameSize(cases, sizes);
        double p = sum(cases) / sum(sizes);
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            double n = sizes.get(i);
            if (n <= 0) {
                points.add(new Point(Double.NaN, Double.NaN, Double.NaN));
                continue;
            }
            double[] limits = limits(true, p, n, multiplier);
            points.add(new Point(cases.get(i) / n * multiplier, limits[1], limits[2]));
        }
        return new Chart(p * multiplier, points);
    }

    /**
     * The centre line and 3-sigma limits, times {@code multiplier}, for a point with {@code denominator} on a chart
     * whose mean is {@code mean}: u-chart ū ± 3·√(ū ÷ days), lower limit floored at 0; p-chart (a {@code proportion})
     * p̄ ± 3·√(p̄(1 − p̄) ÷ n), within [0, 1]. Returns {centre, lower, upper}.
     */
    static double[] limits(boolean proportion, double mean, double denominator, double multiplier) {
        double sigma = proportion ? Math.sqrt(mean * (1 - mean) / denominator) : Math.sqrt(mean / denominator);
        double upper = proportion ? Math.min(1.0, mean + 3 * sigma) : mean + 3 * sigma;
        return new double[] {mean * multiplier, Math.max(0.0, mean - 3 * sigma) * multiplier, upper * multiplier};
    }

    /** The chart docs/spec/method.md prescribes for {@code measure}'s rates: p for the percentage, u for the others. */
    public static Chart of(Measure measure, List<Rate> rates) {
        List<Double> numerators = rates.stream().map(Rate::numerator).toList();
        List<Double> denominators = rates.stream().map(Rate::denominator).toList();
        return measure.isProportion()
                ? pChart(numerators, denominators, measure.multiplier())
                : uChart(numerators, denominators, measure.multiplier());
    }

    private static void requireSameSize(List<Double> counts, List<Double> denominators) {
        if (counts.size() != denominators.size()) {
            throw new IllegalArgumentException("counts (" + counts.size() + ") and denominators (" + denominators.size()
                    + ") must have the same length");
        }
        if (sum(denominators) <= 0) {
            throw new IllegalArgumentException("denominators must add up to more than 0");
        }
    }

    private static double sum(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sum();
    }
}
