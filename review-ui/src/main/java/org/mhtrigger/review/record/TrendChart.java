package org.mhtrigger.review.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small trend chart of one analyte over the stay with its trigger threshold lines, laid out on the server and drawn
 * by the template as inline SVG (no script, so the content security policy holds), with the same values as a table
 * for screen readers and for reading exact figures. Immutable, thread-safe.
 *
 * @param id unique on the page, for {@code aria-labelledby}
 * @param title e.g. "neutrophils (10*9/L) during the stay"
 * @param description the text alternative: the values in words, how many cross a threshold, the threshold
 * @param polyline the SVG {@code points} of the line through the values
 */
public record TrendChart(
        String id,
        String title,
        String description,
        String polyline,
        List<Point> points,
        List<Line> lines,
        List<Tick> yTicks,
        List<Tick> xTicks,
        List<Value> values) {
    public static final int WIDTH = 340;
    public static final int HEIGHT = 160;
    static final int LEFT = 44;
    static final int RIGHT = 12;
    static final int TOP = 12;
    static final int BOTTOM = 26;

    public TrendChart {
        points = List.copyOf(points);
        lines = List.copyOf(lines);
        yTicks = List.copyOf(yTicks);
        xTicks = List.copyOf(xTicks);
        values = List.copyOf(values);
    }

    /** A value's dot: flagged ones are drawn as squares, not only in another colour. */
    public record Point(double x, double y, boolean flagged, String label) {}

    /** A threshold line across the plot, with its label (e.g. "MH-L02 < 1.5"). */
    public record Line(double y, String label, double labelY) {}

    /** An axis label at a position (y for the value axis, x for the time axis). */
    public record Tick(double at, String text) {}

    /** One row of the table beside the chart. */
    public record Value(String when, String value, String flag) {}

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public double plotLeft() {
        return LEFT;
    }

    public double plotRight() {
        return WIDTH - RIGHT;
    }

    public double plotTop() {
        return TOP;
    }

    public double plotBottom() {
        return HEIGHT - BOTTOM;
    }

    /** A value of the analyte at a time, with whether it crosses a threshold and the words saying so. */
    record Sample(Instant at, double value, String flag) {}

    /** Lays out the chart; {@code samples} in time order, at least one. */
    static TrendChart of(
            String id,
            String analyte,
            String unit,
            List<Sample> samples,
            List<LabLimits.Limit> thresholds,
            LocalTimes times) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a trend chart of " + analyte + " needs at least one value");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Sample sample : samples) {
            min = Math.min(min, sample.value());
            max = Math.max(max, sample.value());
        }
        for (LabLimits.Limit limit : thresholds) {
            min = Math.min(min, limit.value());
            max = Math.max(max, limit.value());
        }
        double pad = (max - min) * 0.12;
        if (pad == 0) {
            pad = Math.max(Math.abs(max) * 0.1, 1);
        }
        double low = Math.max(min >= 0 ? 0 : Double.NEGATIVE_INFINITY, min - pad);
        double high = max + pad;
        long first = samples.getFirst().at().getEpochSecond();
        long last = samples.getLast().at().getEpochSecond();
        double left = LEFT;
        double right = WIDTH - RIGHT;
        double top = TOP;
        double bottom = HEIGHT - BOTTOM;
        double span = Math.max(1, last - first);

        List<Point> points = new ArrayList<>();
        List<Value> values = new ArrayList<>();
        StringBuilder polyline = new StringBuilder();
        int flagged = 0;
        for (Sample sample : samples) {
            double x = samples.size() == 1
                    ? (left + right) / 2
                    : left + (sample.at().getEpochSecond() - first) / span * (right - left);
            double y = bottom - (sample.value() - low) / (high - low) * (bottom - top);
            String text = LabLimits.number(sample.value()) + " " + Units.readable(unit);
            points.add(new Point(round(x), round(y), sample.flag() != null, times.format(sample.at()) + ": " + text));
            values.add(new Value(times.format(sample.at()), text, sample.flag() == null ? "" : sample.flag()));
            if (!polyline.isEmpty()) {
                polyline.append(' ');
            }
            polyline.append(fmt(x)).append(',').append(fmt(y));
            if (sample.flag() != null) {
                flagged++;
            }
        }
        List<Line> lines = new ArrayList<>();
        StringBuilder thresholdWords = new StringBuilder();
        for (LabLimits.Limit limit : thresholds) {
            double y = bottom - (limit.value() - low) / (high - low) * (bottom - top);
            String label = limit.trigger() + " " + limit.comparison().symbol() + " " + LabLimits.number(limit.value());
            lines.add(new Line(round(y), label, round(y < top + 12 ? y + 11 : y - 3)));
            thresholdWords
                    .append(thresholdWords.isEmpty() ? "" : "; ")
                    .append(limit.name())
                    .append(' ')
                    .append(limit.describe());
        }
        // the value axis names the lowest and highest value measured (the threshold has its own label)
        double lowest = min(samples);
        double highest = max(samples);
        List<Tick> yTicks = new ArrayList<>();
        yTicks.add(new Tick(round(bottom - (lowest - low) / (high - low) * (bottom - top)), LabLimits.number(lowest)));
        if (highest != lowest) {
            yTicks.add(new Tick(
                    round(bottom - (highest - low) / (high - low) * (bottom - top)), LabLimits.number(highest)));
        }
        List<Tick> xTicks = new ArrayList<>();
        xTicks.add(new Tick(
                samples.size() == 1 ? (left + right) / 2 : left,
                times.dayMonth(samples.getFirst().at())));
        if (samples.size() > 1
                && !times.dayMonth(samples.getLast().at())
                        .equals(xTicks.getFirst().text())) {
            xTicks.add(new Tick(right, times.dayMonth(samples.getLast().at())));
        }
        String title = analyte + " (" + Units.readable(unit) + ") during the stay";
        StringBuilder description = new StringBuilder();
        description
                .append(samples.size())
                .append(samples.size() == 1 ? " value" : " values")
                .append(" from ")
                .append(times.format(samples.getFirst().at()))
                .append(" to ")
                .append(times.format(samples.getLast().at()))
                .append(", lowest ")
                .append(LabLimits.number(min(samples)))
                .append(", highest ")
                .append(LabLimits.number(max(samples)))
                .append(", last ")
                .append(LabLimits.number(samples.getLast().value()))
                .append(' ')
                .append(Units.readable(unit))
                .append("; ")
                .append(flagged)
                .append(flagged == 1 ? " value crosses" : " values cross")
                .append(" a threshold");
        if (!thresholdWords.isEmpty()) {
            description.append(" (").append(thresholdWords).append(')');
        }
        description.append('.');
        return new TrendChart(
                id, title, description.toString(), polyline.toString(), points, lines, yTicks, xTicks, values);
    }

    private static double min(List<Sample> samples) {
        return samples.stream().mapToDouble(Sample::value).min().orElseThrow();
    }

    private static double max(List<Sample> samples) {
        return samples.stream().mapToDouble(Sample::value).max().orElseThrow();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
