package org.mhtrigger.review.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mhtrigger.engine.measure.Completeness;
import org.mhtrigger.engine.measure.Measure;
import org.mhtrigger.engine.measure.Spc;

/**
 * One measure's u- or p-chart as a JFreeChart, as NHS "Making Data Count" draws it: the points, each protocol
 * segment's centre line and 3-sigma limits as steps, unfinished periods hollow and grey with their review state,
 * special-cause points in orange (concern) or blue (improvement), protocol changes as numbered dashed lines. Stateless,
 * thread-safe (each call builds a new chart).
 */
final class SpcChart {
    /** "Making Data Count" colours. */
    static final Color IMPROVEMENT = new Color(0x28, 0x9D, 0xE0);

    static final Color CONCERN = new Color(0xFA, 0xB4, 0x28);
    static final Color COMMON = new Color(0xA6, 0xA6, 0xA6);
    static final Color POINT = new Color(0x4D, 0x4D, 0x4D);
    static final Color PROVISIONAL = new Color(0x9E, 0x9E, 0x9E);
    static final Color TEXT = new Color(0x26, 0x26, 0x26);
    static final Color TARGET = new Color(0xDE, 0x1B, 0x1B);

    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 8);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 9);
    private static final Shape DOT = new Ellipse2D.Double(-3.5, -3.5, 7, 7);
    private static final Stroke DASHED =
            new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 3}, 0);
    private static final Stroke DOTTED =
            new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {1.5f, 2}, 0);

    private SpcChart() {}

    /** The y-axis title, short enough to fit beside the plot; the heading above the chart names the measure. */
    static String unit(Measure measure) {
        return switch (measure) {
            case AE_PER_1000_PATIENT_DAYS, MH_INCIDENTS_PER_1000_PATIENT_DAYS -> "per 1,000 patient-days";
            case AE_PER_100_ADMISSIONS -> "per 100 admissions";
            case PERCENT_ADMISSIONS_WITH_AE -> "% of admissions";
            case RESTRICTIVE_PER_1000_BED_DAYS -> "per 1,000 bed-days";
        };
    }

    /** What an unfinished period's point is labelled: "in review: 1 of 13". */
    static String provisionalLabel(Completeness completeness) {
        return completeness.state().label() + ": " + completeness.signed() + " of " + completeness.sampled();
    }

    /** How each point is drawn. */
    enum Mark {
        NONE,
        COMPLETE,
        PROVISIONAL,
        IMPROVEMENT,
        CONCERN
    }

    /** How each period's point is drawn: special cause (outside the limits or in a shift) wins over plain. */
    static Mark[] marks(Spc.Analysis analysis) {
        List<Spc.Point> points = analysis.points();
        Mark[] marks = new Mark[points.size()];
        for (int i = 0; i < marks.length; i++) {
            Spc.Point p = points.get(i);
            marks[i] = Double.isNaN(p.value()) ? Mark.NONE : p.included() ? Mark.COMPLETE : Mark.PROVISIONAL;
        }
        for (Spc.Signal signal : analysis.signals()) {
            Mark mark = signal.improvement() ? Mark.IMPROVEMENT : Mark.CONCERN;
            if (signal.rule().equals("long run") && signal.last() >= 0) {
                // the run ends at signal.last(): walk back over included points on the same side of the median
                double median = analysis.run().median();
                int side = Double.compare(points.get(signal.last()).value(), median);
                int left = analysis.run().longestRun();
                for (int i = signal.last(); i >= 0 && left > 0; i--) {
                    Spc.Point p = points.get(i);
                    if (!p.included() || p.value() == median) {
                        continue;
                    }
                    if (Double.compare(p.value(), median) != side) {
                        break;
                    }
                    if (marks[i] == Mark.COMPLETE) {
                        marks[i] = mark;
                    }
                    left--;
                }
            }
            if (signal.rule().equals("shift")) {
                // the shift ends at signal.last(): walk back over its segment's included points on the same side
                Spc.Point end = points.get(signal.last());
                int side = Double.compare(end.value(), end.centre());
                for (int i = signal.last(); i >= 0; i--) {
                    Spc.Point p = points.get(i);
                    if (!p.included() || Double.isNaN(p.centre())) {
                        continue;
                    }
                    if (p.segment() != end.segment() || Double.compare(p.value(), p.centre()) != side) {
                        break;
                    }
                    if (marks[i] == Mark.COMPLETE) {
                        marks[i] = mark;
                    }
                }
            }
        }
        for (Spc.Signal signal : analysis.signals()) {
            if (signal.rule().equals("outside limits")) {
                marks[signal.last()] = signal.improvement() ? Mark.IMPROVEMENT : Mark.CONCERN;
            }
        }
        return marks;
    }

    /**
     * The chart of {@code measure}.
     *
     * @param labels the periods' labels, oldest first
     * @param completeness the periods' review state, oldest first
     * @param changeIndexes the periods that start a new protocol, numbered 1, 2, ... on the chart
     * @param plotWidth the width the chart will be drawn at, in points, to decide whether period labels turn
     */
    static JFreeChart of(
            HarmFigures.MeasureFigures figures,
            List<String> labels,
            List<Completeness> completeness,
            List<Integer> changeIndexes,
            float plotWidth) {
        Spc.Analysis analysis = figures.analysis();
        List<Spc.Point> points = analysis.points();
        int n = points.size();
        Mark[] marks = marks(analysis);

        XYSeries complete = series("complete");
        XYSeries provisional = series("provisional");
        XYSeries improvement = series("improvement");
        XYSeries concern = series("concern");
        XYSeries line = series("line");
        XYSeries provisionalLine = series("provisional line");
        XYSeries centre = series("centre");
        XYSeries limits = series("limits");
        for (int i = 0; i < n; i++) {
            Spc.Point p = points.get(i);
            switch (marks[i]) {
                case NONE -> {}
                case COMPLETE -> complete.add(i, p.value());
                case PROVISIONAL -> provisional.add(i, p.value());
                case IMPROVEMENT -> improvement.add(i, p.value());
                case CONCERN -> concern.add(i, p.value());
            }
            if (i > 0 && marks[i] != Mark.NONE && marks[i - 1] != Mark.NONE) {
                boolean firm = marks[i] != Mark.PROVISIONAL && marks[i - 1] != Mark.PROVISIONAL;
                XYSeries to = firm ? line : provisionalLine;
                to.add(i - 1, points.get(i - 1).value());
                to.add(i, p.value());
                to.add(i, null); // each pair its own stroke
            }
            boolean newSegment = i == 0 || points.get(i - 1).segment() != p.segment();
            if (newSegment && i > 0) {
                centre.add(i - 0.5, null);
                limits.add(i - 0.5, null);
            }
            // a segment's centre is one value: one line from its first to its last period, no joints to show
            boolean lastOfSegment = i == n - 1 || points.get(i + 1).segment() != p.segment();
            if (!Double.isNaN(p.centre())) {
                if (newSegment) {
                    centre.add(i - 0.5, p.centre());
                }
                if (lastOfSegment) {
                    centre.add(i + 0.5, p.centre());
                }
            }
            if (!Double.isNaN(p.upper())) {
                limits.add(i - 0.5, p.upper());
                limits.add(i + 0.5, p.upper());
            }
        }
        // lower limits after the upper ones, broken from them
        limits.add(n, null);
        for (int i = 0; i < n; i++) {
            Spc.Point p = points.get(i);
            if (i > 0 && points.get(i - 1).segment() != p.segment()) {
                limits.add(i - 0.5, null);
            }
            if (!Double.isNaN(p.lower())) {
                limits.add(i - 0.5, p.lower());
                limits.add(i + 0.5, p.lower());
            }
        }

        SymbolAxis periods = new SymbolAxis("Review period", labels.toArray(String[]::new));
        periods.setGridBandsVisible(false);
        periods.setTickLabelFont(TICK);
        periods.setLabelFont(LABEL);
        periods.setAutoRange(false);
        periods.setRange(-0.6, Math.max(n, 1) - 0.4);
        // about 5 pt per character at 8 pt: turn the labels once they would touch
        periods.setVerticalTickLabels(n * 40f > plotWidth - 60);

        NumberAxis values = new NumberAxis(unit(figures.measure()));
        values.setTickLabelFont(TICK);
        values.setLabelFont(LABEL);
        values.setAutoRangeIncludesZero(true);
        values.setUpperMargin(0.22); // room above the highest point for the "in review" labels
        values.setNumberFormatOverride(new DecimalFormat("#,##0.##") {
            @Override
            public StringBuffer format(double number, StringBuffer result, FieldPosition position) {
                return super.format(number == 0 ? 0.0 : number, result, position); // never "-0"
            }
        });

        XYPlot plot = new XYPlot();
        plot.setDomainAxis(periods);
        plot.setRangeAxis(values);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(new Color(0xE0, 0xE0, 0xE0));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

        // dataset 0 is drawn last, on top
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        XYSeriesCollection dotData = new XYSeriesCollection();
        addSeries(dotData, dots, complete, POINT, true);
        addSeries(dotData, dots, provisional, PROVISIONAL, false);
        addSeries(dotData, dots, improvement, IMPROVEMENT, true);
        addSeries(dotData, dots, concern, CONCERN, true);
        plot.setDataset(0, dotData);
        plot.setRenderer(0, dots);

        XYLineAndShapeRenderer joins = new XYLineAndShapeRenderer(true, false);
        XYSeriesCollection joinData = new XYSeriesCollection();
        joinData.addSeries(line);
        joinData.addSeries(provisionalLine);
        joins.setSeriesPaint(0, POINT);
        joins.setSeriesStroke(0, new BasicStroke(1f));
        joins.setSeriesPaint(1, PROVISIONAL);
        joins.setSeriesStroke(1, DOTTED);
        plot.setDataset(1, joinData);
        plot.setRenderer(1, joins);

        XYLineAndShapeRenderer bands = new XYLineAndShapeRenderer(true, false);
        XYSeriesCollection bandData = new XYSeriesCollection();
        bandData.addSeries(centre);
        bandData.addSeries(limits);
        bands.setSeriesPaint(0, TEXT);
        bands.setSeriesStroke(0, new BasicStroke(1.1f));
        bands.setSeriesPaint(1, new Color(0x80, 0x80, 0x80));
        bands.setSeriesStroke(1, DASHED);
        if (analysis.target() != null) {
            // a series rather than a marker, so that the axis always reaches the target
            XYSeries target = series("target");
            target.add(-0.5, analysis.target());
            target.add(n - 0.5, analysis.target());
            bandData.addSeries(target);
            bands.setSeriesPaint(2, TARGET);
            bands.setSeriesStroke(2, new BasicStroke(1f));
        }
        plot.setDataset(2, bandData);
        plot.setRenderer(2, bands);

        for (int c = 0; c < changeIndexes.size(); c++) {
            ValueMarker marker = new ValueMarker(changeIndexes.get(c) - 0.5);
            marker.setPaint(TEXT);
            marker.setStroke(DASHED);
            marker.setLabel(String.valueOf(c + 1));
            marker.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 9));
            marker.setLabelPaint(TEXT);
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            marker.setLabelOffset(new RectangleInsets(2, 3, 2, 3));
            marker.setLabelBackgroundColor(Color.WHITE);
            plot.addDomainMarker(marker);
        }

        // a little room below zero, so that a point at 0 is drawn whole rather than cut by the plot's edge
        Range auto = values.getRange();
        double top = auto.getUpperBound() > 0 ? auto.getUpperBound() : 1;
        values.setRange(-0.04 * top, top);

        int labelled = 0;
        for (int i = 0; i < n; i++) {
            if (marks[i] != Mark.PROVISIONAL) {
                continue;
            }
            boolean right = i > n / 2;
            XYPointerAnnotation note = new XYPointerAnnotation(
                    provisionalLabel(completeness.get(i)),
                    i,
                    points.get(i).value(),
                    right ? -Math.PI * 0.75 : -Math.PI * 0.25);
            // consecutive unfinished periods are labelled at alternating distances so their labels do not meet
            note.setBaseRadius(labelled % 2 == 0 ? 22 : 40);
            note.setTipRadius(5);
            note.setArrowLength(4);
            note.setArrowWidth(2.5);
            note.setArrowPaint(PROVISIONAL);
            note.setFont(TICK);
            note.setPaint(TEXT);
            note.setTextAnchor(right ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
            note.setBackgroundPaint(Color.WHITE); // the label sits over limit lines: keep it readable
            plot.addAnnotation(note);
            labelled++;
        }

        LegendItemCollection legend = new LegendItemCollection();
        legend.add(dot("complete period", POINT, true));
        if (!provisional.isEmpty()) {
            legend.add(dot("in review (not final, not counted)", PROVISIONAL, false));
        }
        if (!improvement.isEmpty()) {
            legend.add(dot("special cause: improvement", IMPROVEMENT, true));
        }
        if (!concern.isEmpty()) {
            legend.add(dot("special cause: concern", CONCERN, true));
        }
        legend.add(line("centre line", TEXT, new BasicStroke(1.1f)));
        legend.add(line("3-sigma control limits", new Color(0x80, 0x80, 0x80), DASHED));
        if (analysis.target() != null) {
            legend.add(line(
                    "target " + new DecimalFormat("#,##0.##").format(analysis.target()), TARGET, new BasicStroke(1f)));
        }
        if (!changeIndexes.isEmpty()) {
            legend.add(line("protocol change (numbered)", TEXT, DASHED));
        }
        plot.setFixedLegendItems(legend);

        JFreeChart chart = new JFreeChart(null, LABEL, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setPadding(new RectangleInsets(4, 2, 2, 8));
        LegendTitle legendTitle = chart.getLegend();
        legendTitle.setPosition(RectangleEdge.BOTTOM);
        legendTitle.setFrame(BlockBorder.NONE);
        legendTitle.setItemFont(TICK);
        legendTitle.setItemPaint(TEXT);
        legendTitle.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static XYSeries series(String key) {
        return new XYSeries(key, false, true);
    }

    private static void addSeries(
            XYSeriesCollection data, XYLineAndShapeRenderer renderer, XYSeries series, Color colour, boolean filled) {
        int index = data.getSeriesCount();
        data.addSeries(series);
        renderer.setSeriesPaint(index, colour);
        renderer.setSeriesShape(index, DOT);
        renderer.setSeriesShapesFilled(index, filled);
        renderer.setSeriesOutlineStroke(index, new BasicStroke(1.2f));
        renderer.setSeriesStroke(index, new BasicStroke(1.2f));
    }

    private static LegendItem dot(String label, Color colour, boolean filled) {
        return new LegendItem(
                label,
                null,
                null,
                null,
                true,
                DOT,
                filled,
                colour,
                true,
                colour,
                new BasicStroke(1.2f),
                false,
                new Line2D.Double(-7, 0, 7, 0),
                new BasicStroke(1f),
                colour);
    }

    private static LegendItem line(String label, Color colour, Stroke stroke) {
        return new LegendItem(
                label,
                null,
                null,
                null,
                false,
                DOT,
                false,
                colour,
                false,
                colour,
                stroke,
                true,
                new Line2D.Double(-9, 0, 9, 0),
                stroke,
                colour);
    }
}
