package org.mhtrigger.engine.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Statistical process control of one measure as NHS boards read it ("Making Data Count"): the run chart with its
 * median and Anhøj rules (docs/spec/method.md §4), and the u- or p-chart whose centre line and limits are recalculated from each
 * protocol change onwards. Every signal says whether it is an improvement or a concern, from the measure's {@link
 * Direction}; the series gets one variation verdict and, when the measure has a target, one assurance verdict.
 * Stateless, thread-safe.
 *
 * <p>Only <em>included</em> points count: a period whose review is unfinished is shown, but is left out of the
 * median, the centre lines, the limits and every signal, so that a provisional figure can never raise or hide a
 * signal.
 */
public final class Spc {
    /** Fewer included points than this and the run-chart rules are not applied (they would signal on noise). */
    public static final int MIN_RUN_CHART_POINTS = 12;

    /** A shift on the control chart: this many consecutive included points on one side of the centre line. */
    public static final int SHIFT_LENGTH = 7;

    private Spc() {}

    /** The verdict on the variation of the series, as the variation icon shows it. */
    public enum Variation {
        NO_DATA("no data yet"),
        COMMON_CAUSE("common cause variation: no signal"),
        IMPROVING("special cause variation: improvement"),
        CONCERNING("special cause variation: concern");

        private final String words;

        Variation(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** Whether the process, as it runs now (its latest segment), can be relied on to meet the target. */
    public enum Assurance {
        NO_TARGET("no target set"),
        MEETS("consistently meets the target"),
        HIT_AND_MISS("hit and miss: the target lies between the limits"),
        FAILS("consistently fails the target");

        private final String words;

        Assurance(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * One period on both charts.
     *
     * @param value the rate, {@code NaN} without a denominator
     * @param included whether the point counts (its period is complete and it has a denominator)
     * @param segment which protocol segment it belongs to, 0 for the first
     * @param centre its segment's centre line ({@code NaN} when the segment has no included point)
     * @param lower lower control limit for this point's denominator
     * @param upper upper control limit for this point's denominator
     */
    public record Point(double value, boolean included, int segment, double centre, double lower, double upper) {
        /** Whether an included point falls outside its limits. */
        public boolean outside() {
            return included && !Double.isNaN(lower) && (value > upper || value < lower);
        }

        public boolean above() {
            return value > upper;
        }
    }

    /**
     * A signal in words, and which way it points.
     *
     * @param rule "long run", "few crossings", "outside limits" or "shift"
     * @param improvement whether it points the way the measure improves
     * @param last index of the last point the signal rests on, -1 for a signal of the whole series
     * @param words what a board reads, e.g. "8 points in a row below the median: improvement"
     */
    public record Signal(String rule, boolean improvement, int last, String words) {}

    /**
     * The analysis of one measure.
     *
     * @param includedPoints points that count
     * @param runRulesApplied whether there were enough included points for the run-chart rules
     * @param run the run chart over the included points (median, runs, crossings)
     * @param points every period, included or not
     * @param signals every signal, run chart first, then the control chart in period order
     * @param target the measure's target, {@code null} when it has none
     */
    public record Analysis(
            Measure measure,
            int includedPoints,
            boolean runRulesApplied,
            RunChart.Analysis run,
            List<Point> points,
            List<Signal> signals,
            Variation variation,
            Assurance assurance,
            Double target) {
        public Analysis {
            points = List.copyOf(points);
            signals = List.copyOf(signals);
        }

        /** What the run chart found, in words: "no signal", the signals, or why no rule was applied. */
        public String runChartWords() {
            if (includedPoints == 0) {
                return "no complete period yet";
            }
            if (!runRulesApplied) {
                return "fewer than " + MIN_RUN_CHART_POINTS + " complete points (" + includedPoints
                        + "): no run-chart rules applied";
            }
            List<String> words = signals.stream()
                    .filter(s -> s.rule().equals("long run") || s.rule().equals("few crossings"))
                    .map(Signal::words)
                    .toList();
            return words.isEmpty() ? "no signal" : String.join("; ", words);
        }

        /** The index of the latest included point, -1 when there is none. */
        public int latestIncluded() {
            for (int i = points.size() - 1; i >= 0; i--) {
                if (points.get(i).included()) {
                    return i;
                }
            }
            return -1;
        }
    }

    /**
     * Analyses one measure.
     *
     * @param labels the periods' labels, oldest first, for the signals' words
     * @param rates one per period, oldest first
     * @param complete per period, whether its review is finished (measures not {@linkplain Measure#fromReviews() from
     *     reviews} ignore it)
     * @param segmentStarts indices of the periods whose protocol differs from the period before (ascending)
     * @param target the measure's target, or {@code null}
     */
    public static Analysis analyse(
            Measure measure,
            List<String> labels,
            List<Rate> rates,
            List<Boolean> complete,
            List<Integer> segmentStarts,
            Double target) {
        Objects.requireNonNull(measure, "measure must not be null");
        if (rates.size() != complete.size() || rates.size() != labels.size()) {
            throw new IllegalArgumentException("labels (" + labels.size() + "), rates (" + rates.size()
                    + ") and completeness (" + complete.size() + ") must have the same length");
        }
        int n = rates.size();
        boolean[] included = new boolean[n];
        int[] segment = new int[n];
        int count = 0;
        for (int i = 0, s = 0; i < n; i++) {
            while (s < segmentStarts.size() && segmentStarts.get(s) <= i) {
                s++;
            }
            segment[i] = s;
            included[i] = rates.get(i).defined() && (complete.get(i) || !measure.fromReviews());
            count += included[i] ? 1 : 0;
        }
        Direction direction = measure.improvement();
        List<Signal> signals = new ArrayList<>();

        List<Double> runValues = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            runValues.add(included[i] ? rates.get(i).value() : Double.NaN);
        }
        RunChart.Analysis run = RunChart.analyse(runValues);
        boolean rulesApplied = count >= MIN_RUN_CHART_POINTS;
        if (rulesApplied) {
            runSignals(run, runValues, direction, signals);
        }

        List<Point> points = controlChart(measure, rates, included, segment);
        controlSignals(points, labels, direction, signals);

        Variation variation = variation(count, signals);
        Assurance assurance = assurance(measure, rates, points, target);
        return new Analysis(measure, count, rulesApplied, run, points, signals, variation, assurance, target);
    }

    private static void runSignals(
            RunChart.Analysis run, List<Double> values, Direction direction, List<Signal> signals) {
        // the side and end of the longest run of useful points, to say which way the long run points
        int longestSide = 0;
        int longestEnd = -1;
        int runLength = 0;
        int side = 0;
        for (int i = 0; i < values.size(); i++) {
            double v = values.get(i);
            if (Double.isNaN(v) || v == run.median()) {
                continue;
            }
            int s = v > run.median() ? 1 : -1;
            runLength = s == side ? runLength + 1 : 1;
            side = s;
            if (runLength >= run.longestRun()) {
                longestSide = s;
                longestEnd = i;
            }
        }
        boolean improving = longestSide != 0 && direction.improves(longestSide > 0);
        String way = improving ? "improvement" : "concern";
        String where = longestSide > 0 ? "above" : "below";
        if (run.longRunSignal()) {
            signals.add(new Signal(
                    "long run",
                    improving,
                    longestEnd,
                    "unusually long run: " + run.longestRun() + " points in a row " + where + " the median (more than "
                            + run.longestRunLimit() + " is a signal): " + way));
        }
        if (run.fewCrossingsSignal()) {
            signals.add(new Signal(
                    "few crossings",
                    improving,
                    -1,
                    "unusually few crossings of the median: " + run.crossings() + " (fewer than " + run.crossingsLimit()
                            + " is a signal); the longest run is " + where + " it: " + way));
        }
    }

    /** The u- or p-chart, with the centre and limits of each segment computed from its included points only. */
    private static List<Point> controlChart(Measure measure, List<Rate> rates, boolean[] included, int[] segment) {
        int n = rates.size();
        int segments = n == 0 ? 0 : segment[n - 1] + 1;
        double[] numerator = new double[segments];
        double[] denominator = new double[segments];
        for (int i = 0; i < n; i++) {
            if (included[i]) {
                numerator[segment[i]] += rates.get(i).numerator();
                denominator[segment[i]] += rates.get(i).denominator();
            }
        }
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Rate rate = rates.get(i);
            int s = segment[i];
            if (denominator[s] <= 0 || !rate.defined()) {
                double centre = denominator[s] <= 0 ? Double.NaN : numerator[s] / denominator[s] * measure.multiplier();
                points.add(new Point(rate.value(), included[i], s, centre, Double.NaN, Double.NaN));
                continue;
            }
            double[] limits = limits(measure, numerator[s] / denominator[s], rate.denominator());
            points.add(new Point(rate.value(), included[i], s, limits[0], limits[1], limits[2]));
        }
        return points;
    }

    /** Centre, lower and upper limit (scaled) for a segment's mean {@code mean} and a point's denominator. */
    private static double[] limits(Measure measure, double mean, double denominator) {
        return ControlChart.limits(measure.isProportion(), mean, denominator, measure.multiplier());
    }

    private static void controlSignals(List<Point> points, List<String> labels, Direction direction, List<Signal> out) {
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (p.outside()) {
                boolean improving = direction.improves(p.above());
                out.add(new Signal(
                        "outside limits",
                        improving,
                        i,
                        labels.get(i) + " is " + (p.above() ? "above the upper" : "below the lower")
                                + " control limit: " + (improving ? "improvement" : "concern")));
            }
        }
        // shifts: SHIFT_LENGTH or more consecutive included points on one side of their segment's centre line;
        // excluded points neither extend nor break a shift, a point on the line or a new segment breaks it
        int side = 0;
        int segment = -1;
        int length = 0;
        int last = -1;
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (!p.included() || Double.isNaN(p.centre())) {
                continue;
            }
            int s = Double.compare(p.value(), p.centre()) > 0 ? 1 : p.value() < p.centre() ? -1 : 0;
            if (s != 0 && s == side && p.segment() == segment) {
                length++;
            } else {
                shift(side, length, last, direction, out);
                side = s;
                length = s == 0 ? 0 : 1;
            }
            segment = p.segment();
            last = i;
        }
        shift(side, length, last, direction, out);
    }

    private static void shift(int side, int length, int last, Direction direction, List<Signal> out) {
        if (length < SHIFT_LENGTH) {
            return;
        }
        boolean improving = direction.improves(side > 0);
        out.add(new Signal(
                "shift",
                improving,
                last,
                "shift: " + length + " points in a row " + (side > 0 ? "above" : "below") + " the centre line ("
                        + SHIFT_LENGTH + " or more is a signal): " + (improving ? "improvement" : "concern")));
    }

    /** The most recent special-cause signal decides; a signal of the whole series counts as the most recent. */
    private static Variation variation(int included, List<Signal> signals) {
        if (included == 0) {
            return Variation.NO_DATA;
        }
        Signal latest = null;
        for (Signal s : signals) {
            int at = s.last() < 0 ? Integer.MAX_VALUE : s.last();
            int best = latest == null ? Integer.MIN_VALUE : latest.last() < 0 ? Integer.MAX_VALUE : latest.last();
            if (latest == null || at > best || (at == best && !s.improvement())) {
                latest = s; // on a tie a concern wins: a board should not be reassured by a mixed picture
            }
        }
        if (latest == null) {
            return Variation.COMMON_CAUSE;
        }
        return latest.improvement() ? Variation.IMPROVING : Variation.CONCERNING;
    }

    /**
     * Against the limits of the latest segment at its mean denominator: the whole band on the good side of the
     * target meets it, the whole band on the bad side fails it, a band across it is hit and miss.
     */
    private static Assurance assurance(Measure measure, List<Rate> rates, List<Point> points, Double target) {
        if (target == null) {
            return Assurance.NO_TARGET;
        }
        int last = points.isEmpty() ? -1 : points.getLast().segment();
        double numerator = 0;
        double denominator = 0;
        int count = 0;
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).segment() == last && points.get(i).included()) {
                numerator += rates.get(i).numerator();
                denominator += rates.get(i).denominator();
                count++;
            }
        }
        if (denominator <= 0) {
            return Assurance.NO_TARGET;
        }
        double[] band = limits(measure, numerator / denominator, denominator / count);
        boolean lowerIsBetter = measure.improvement() == Direction.LOWER_IS_BETTER;
        double good = lowerIsBetter ? band[2] : band[1];
        double bad = lowerIsBetter ? band[1] : band[2];
        if (lowerIsBetter ? good <= target : good >= target) {
            return Assurance.MEETS;
        }
        if (lowerIsBetter ? bad > target : bad < target) {
            return Assurance.FAILS;
        }
        return Assurance.HIT_AND_MISS;
    }
}
