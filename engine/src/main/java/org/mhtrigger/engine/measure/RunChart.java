package org.mhtrigger.engine.measure;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Run-chart analysis with the Anhøj rules as the qicharts2 package applies them (docs/spec/method.md §4). Stateless,
 * thread-safe.
 *
 * <p>Centre line: the median of the defined points ({@code NaN} points, periods without a denominator, are
 * skipped). Useful points are those not on the median. <em>Unusually long run</em>: the longest run of useful points
 * on one side of the median is longer than round(log₂(n) + 3). <em>Unusually few crossings</em>: the number of times
 * consecutive useful points change side is below the 5th percentile of Binomial(n − 1, 0.5).
 */
public final class RunChart {
    private RunChart() {}

    /**
     * The analysis of one series.
     *
     * @param median the centre line ({@code NaN} for a series without defined points)
     * @param usefulPoints n, points not on the median
     * @param longestRun the longest run of useful points on one side
     * @param longestRunLimit a longer run than this is a signal
     * @param crossings how often consecutive useful points change side
     * @param crossingsLimit fewer crossings than this is a signal
     */
    public record Analysis(
            double median, int usefulPoints, int longestRun, int longestRunLimit, int crossings, int crossingsLimit) {
        public boolean longRunSignal() {
            return usefulPoints > 0 && longestRun > longestRunLimit;
        }

        public boolean fewCrossingsSignal() {
            return usefulPoints > 0 && crossings < crossingsLimit;
        }

        /** Either signal: non-random variation, something changed. */
        public boolean signal() {
            return longRunSignal() || fewCrossingsSignal();
        }
    }

    public static Analysis analyse(List<Double> values) {
        double[] defined = values.stream()
                .mapToDouble(Double::doubleValue)
                .filter(v -> !Double.isNaN(v))
                .toArray();
        if (defined.length == 0) {
            return new Analysis(Double.NaN, 0, 0, 0, 0, 0);
        }
        double median = median(defined);
        List<Integer> sides = new ArrayList<>();
        for (double v : defined) {
            if (v != median) {
                sides.add(v > median ? 1 : -1);
            }
        }
        int n = sides.size();
        int longest = 0;
        int run = 0;
        int crossings = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && !sides.get(i).equals(sides.get(i - 1))) {
                crossings++;
                run = 0;
            }
            run++;
            longest = Math.max(longest, run);
        }
        return new Analysis(median, n, longest, longestRunLimit(n), crossings, crossingsLimit(n));
    }

    /** round(log₂(n) + 3): a run longer than this among n useful points is a signal. */
    public static int longestRunLimit(int usefulPoints) {
        if (usefulPoints <= 0) {
            return 0;
        }
        return (int) Math.round(Math.log(usefulPoints) / Math.log(2) + 3);
    }

    /**
     * The 5th percentile of Binomial(n − 1, 0.5), as R's {@code qbinom(0.05, n - 1, 0.5)}: the smallest c with
     * P(X ≤ c) ≥ 0.05. Computed exactly with integers: 20·Σ C(n−1, k) ≥ 2^(n−1).
     */
    public static int crossingsLimit(int usefulPoints) {
        if (usefulPoints <= 1) {
            return 0;
        }
        int trials = usefulPoints - 1;
        BigInteger total = BigInteger.ONE.shiftLeft(trials);
        BigInteger cumulative = BigInteger.ZERO;
        BigInteger coefficient = BigInteger.ONE; // C(trials, 0)
        for (int c = 0; c <= trials; c++) {
            cumulative = cumulative.add(coefficient);
            if (cumulative.multiply(BigInteger.valueOf(20)).compareTo(total) >= 0) {
                return c;
            }
            coefficient = coefficient.multiply(BigInteger.valueOf(trials - c)).divide(BigInteger.valueOf(c + 1));
        }
        return trials;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
