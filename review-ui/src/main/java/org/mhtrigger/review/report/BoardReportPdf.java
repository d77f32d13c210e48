package org.mhtrigger.review.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.mhtrigger.engine.measure.ControlChart;
import org.mhtrigger.engine.measure.EventSummary;
import org.mhtrigger.engine.measure.HarmCategory;
import org.mhtrigger.engine.measure.Measure;
import org.mhtrigger.engine.measure.Measures;
import org.mhtrigger.engine.measure.OutcomeClass;
import org.mhtrigger.engine.measure.PeriodMeasures;
import org.mhtrigger.engine.measure.Rate;
import org.mhtrigger.engine.measure.RunChart;
import org.mhtrigger.engine.measure.TriggerPpv;
import org.mhtrigger.review.store.MeasureQueries.PeriodData;

/**
 * The board and regulator report for a range of periods (method.md §5) as PDF, drawn with Apache PDFBox: the
 * measures table, a run chart per measure (median, Anhøj signals, protocol changes), counts by harm category and
 * outcome class, the top triggers with their PPV, the protocols used and anonymised event summaries. Stateless,
 * thread-safe.
 */
public final class BoardReportPdf {
    /** The sentence every report carries (method.md §4). */
    public static final String NOT_A_LEAGUE_TABLE =
            "Harm rates are for improvement over time inside one organisation, not for league tables.";

    private static final float MARGIN = 50;
    private static final PDRectangle SIZE = PDRectangle.A4;

    private BoardReportPdf() {}

    /** The report as PDF bytes; {@code title} names the organisation or unit, {@code generated} the date. */
    public static byte[] render(String title, HarmFigures figures, LocalDate generated) {
        List<PeriodData> periods = figures.periods();
        try (PDDocument document = new PDDocument()) {
            Writer w = new Writer(document);
            String range = periods.isEmpty()
                    ? "no periods"
                    : periods.getFirst().measures().period().label() + " to "
                            + periods.getLast().measures().period().label();
            w.text(title, 18, true);
            w.text("Harm measures from trigger-tool record review, " + range, 12, false);
            w.text("Generated " + generated + " by mhtrigger. " + NOT_A_LEAGUE_TABLE, 9, false);
            w.gap(8);

            List<PeriodMeasures> measures =
                    periods.stream().map(PeriodData::measures).toList();
            w.text("Measures", 14, true);
            w.row(
                    new String[] {"Measure", "Whole range", "Latest", "Median", "Run chart"},
                    new float[] {0, 235, 295, 350, 400},
                    true);
            for (Measure measure : Measure.values()) {
                Rate pooled = Measures.pooled(measure, measures);
                List<Double> series =
                        measures.stream().map(m -> m.rate(measure).value()).toList();
                RunChart.Analysis analysis = RunChart.analyse(series);
                Rate latest = measures.isEmpty() ? pooled : measures.getLast().rate(measure);
                w.row(
                        new String[] {
                            measure.title(),
                            value(pooled),
                            value(latest),
                            Double.isNaN(analysis.median()) ? "-" : MeasureTables.number(round(analysis.median())),
                            signals(analysis)
                        },
                        new float[] {0, 235, 295, 350, 400},
                        false);
            }
            int sampled = periods.stream().mapToInt(PeriodData::sampled).sum();
            int authenticated =
                    periods.stream().mapToInt(PeriodData::authenticated).sum();
            w.text(
                    periods.size() + " periods; " + authenticated + " of " + sampled
                            + " sampled records authenticated (harm rates count authenticated reviews only).",
                    9,
                    false);
            w.gap(8);

            for (Measure measure : Measure.values()) {
                w.chart(measure, measures);
            }

            w.text("Confirmed events by harm category", 14, true);
            Map<HarmCategory, Integer> byHarm = new EnumMap<>(HarmCategory.class);
            Map<OutcomeClass, Integer> byClass = new EnumMap<>(OutcomeClass.class);
            for (PeriodMeasures m : measures) {
                m.byHarmCategory().forEach((k, v) -> byHarm.merge(k, v, Integer::sum));
                m.byOutcomeClass().forEach((k, v) -> byClass.merge(k, v, Integer::sum));
            }
            for (HarmCategory category : HarmCategory.values()) {
                if (category.isHarm()) {
                    w.row(
                            new String[] {
                                category.name() + "  " + category.definition(), "" + byHarm.getOrDefault(category, 0)
                            },
                            new float[] {0, 380},
                            false);
                }
            }
            w.gap(6);
            w.text("Confirmed events by outcome class", 14, true);
            for (OutcomeClass outcome : OutcomeClass.values()) {
                w.row(
                        new String[] {outcome.label(), "" + byClass.getOrDefault(outcome, 0)},
                        new float[] {0, 380},
                        false);
            }
            w.gap(6);
            w.text("Top triggers and their positive predictive value", 14, true);
            w.row(
                    new String[] {"Trigger", "Reviewed stays with it", "With a confirmed event", "PPV"},
                    new float[] {0, 150, 300, 430},
                    true);
            List<TriggerPpv> ppv = Measures.pooledPpv(measures);
            for (TriggerPpv t : ppv.subList(0, Math.min(10, ppv.size()))) {
                w.row(
                        new String[] {
                            t.trigger(),
                            "" + t.hits(),
                            "" + t.positive(),
                            MeasureTables.number(round(t.ppv() * 100)) + "%"
                        },
                        new float[] {0, 150, 300, 430},
                        false);
            }
            w.gap(6);
            w.text("Protocols used", 14, true);
            for (String protocol : new LinkedHashSet<>(
                    measures.stream().map(PeriodMeasures::protocol).toList())) {
                String first = measures.stream()
                        .filter(m -> m.protocol().equals(protocol))
                        .findFirst()
                        .orElseThrow()
                        .period()
                        .label();
                w.text("from " + first + ": " + protocol, 9, false);
            }
            w.gap(6);
            w.text("Anonymised event summaries", 14, true);
            w.text("Structured fields only: no names, identifiers, dates of birth or free text.", 9, false);
            for (PeriodData period : periods) {
                for (EventSummary event : period.events()) {
                    w.text(event.line(), 8, false);
                }
            }
            w.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the PDF report", e);
        }
    }

    private static String value(Rate rate) {
        return rate.defined() ? MeasureTables.number(round(rate.value())) : "-";
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static String signals(RunChart.Analysis analysis) {
        List<String> signals = new ArrayList<>();
        if (analysis.longRunSignal()) {
            signals.add("long run");
        }
        if (analysis.fewCrossingsSignal()) {
            signals.add("few crossings");
        }
        return signals.isEmpty() ? "random variation" : String.join(", ", signals);
    }

    /** Keeps text inside what the standard Type 1 fonts (WinAnsi) can show. */
    static String safe(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '≥' -> out.append(">=");
                case '≤' -> out.append("<=");
                case '–', '—' -> out.append('-');
                case '·' -> out.append(" - ");
                case 'ø' -> out.append('o');
                default -> out.append(c >= 0x20 && c < 0x7f ? c : '?');
            }
        }
        return out.toString();
    }

    /** A cursor down A4 pages. */
    private static final class Writer {
        private final PDDocument document;
        private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(SIZE);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = SIZE.getHeight() - MARGIN;
        }

        private void need(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        void gap(float height) {
            y -= height;
        }

        void text(String text, float size, boolean heading) throws IOException {
            PDType1Font font = heading ? bold : regular;
            float width = SIZE.getWidth() - 2 * MARGIN;
            for (String line : wrap(safe(text), font, size, width)) {
                need(size * 1.4f);
                y -= size * 1.4f;
                show(line, font, size, MARGIN, y);
            }
        }

        void row(String[] cells, float[] columns, boolean heading) throws IOException {
            need(13);
            y -= 13;
            for (int i = 0; i < cells.length; i++) {
                float room = (i + 1 < columns.length ? columns[i + 1] : SIZE.getWidth() - 2 * MARGIN) - columns[i] - 4;
                String cell = safe(cells[i]);
                PDType1Font font = heading ? bold : regular;
                while (cell.length() > 1 && font.getStringWidth(cell) / 1000 * 8.5f > room) {
                    cell = cell.substring(0, cell.length() - 2) + "~";
                }
                show(cell, font, 8.5f, MARGIN + columns[i], y);
            }
        }

        void chart(Measure measure, List<PeriodMeasures> periods) throws IOException {
            float height = 150;
            need(height + 40);
            text(measure.title(), 11, true);
            List<Double> values =
                    periods.stream().map(m -> m.rate(measure).value()).toList();
            RunChart.Analysis analysis = RunChart.analyse(values);
            float left = MARGIN + 30;
            float right = SIZE.getWidth() - MARGIN;
            float top = y - 6;
            float bottom = top - height + 20;
            double max = values.stream()
                    .filter(v -> !v.isNaN())
                    .mapToDouble(Double::doubleValue)
                    .max()
                    .orElse(1);
            if (periods.stream().anyMatch(m -> m.rate(measure).defined())) {
                ControlChart.Chart control = ControlChart.of(
                        measure, periods.stream().map(m -> m.rate(measure)).toList());
                max = Math.max(max, control.centre());
            }
            max = max <= 0 ? 1 : max * 1.15;
            // axes
            stream.setStrokingColor(0.3f, 0.3f, 0.3f);
            stream.setLineWidth(0.5f);
            stream.moveTo(left, top);
            stream.lineTo(left, bottom);
            stream.lineTo(right, bottom);
            stream.stroke();
            show(MeasureTables.number(round(max)), regular, 7, MARGIN, top - 7);
            show("0", regular, 7, MARGIN + 20, bottom - 2);
            int n = values.size();
            float step = n > 1 ? (right - left - 10) / (n - 1) : 0;
            // protocol changes
            for (int i = 1; i < n; i++) {
                if (!periods.get(i).protocol().equals(periods.get(i - 1).protocol())) {
                    float x = left + 5 + i * step;
                    stream.setStrokingColor(0.8f, 0.4f, 0.0f);
                    stream.setLineDashPattern(new float[] {2, 2}, 0);
                    stream.moveTo(x, top);
                    stream.lineTo(x, bottom);
                    stream.stroke();
                    stream.setLineDashPattern(new float[] {}, 0);
                    show("protocol change", regular, 6.5f, x + 2, top - 6);
                }
            }
            // median
            if (!Double.isNaN(analysis.median())) {
                float my = (float) (bottom + analysis.median() / max * (top - bottom));
                stream.setStrokingColor(0.5f, 0.5f, 0.5f);
                stream.setLineDashPattern(new float[] {4, 3}, 0);
                stream.moveTo(left, my);
                stream.lineTo(right, my);
                stream.stroke();
                stream.setLineDashPattern(new float[] {}, 0);
            }
            // series
            stream.setStrokingColor(0.1f, 0.3f, 0.6f);
            stream.setNonStrokingColor(0.1f, 0.3f, 0.6f);
            stream.setLineWidth(1.2f);
            boolean drawing = false;
            for (int i = 0; i < n; i++) {
                double v = values.get(i);
                if (Double.isNaN(v)) {
                    drawing = false;
                    continue;
                }
                float x = left + 5 + i * step;
                float py = (float) (bottom + v / max * (top - bottom));
                if (drawing) {
                    stream.lineTo(x, py);
                } else {
                    stream.moveTo(x, py);
                    drawing = true;
                }
            }
            stream.stroke();
            for (int i = 0; i < n; i++) {
                double v = values.get(i);
                if (!Double.isNaN(v)) {
                    stream.addRect(
                            left + 5 + i * step - 1.5f, (float) (bottom + v / max * (top - bottom)) - 1.5f, 3, 3);
                }
            }
            stream.fill();
            stream.setNonStrokingColor(0f, 0f, 0f);
            stream.setStrokingColor(0f, 0f, 0f);
            for (int i = 0; i < n; i += Math.max(1, n / 9)) {
                show(periods.get(i).period().label(), regular, 6.5f, left + i * step - 4, bottom - 9);
            }
            y = bottom - 12;
            text(
                    "Median " + (Double.isNaN(analysis.median()) ? "-" : MeasureTables.number(round(analysis.median())))
                            + "; longest run " + analysis.longestRun() + " (signal above " + analysis.longestRunLimit()
                            + "); crossings " + analysis.crossings() + " (signal below " + analysis.crossingsLimit()
                            + "): " + signals(analysis) + ".",
                    8,
                    false);
            gap(6);
        }

        private void show(String text, PDType1Font font, float size, float x, float atY) throws IOException {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, atY);
            stream.showText(text);
            stream.endText();
        }

        private static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size > width && !line.isEmpty()) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
            return lines;
        }

        void close() throws IOException {
            stream.close();
        }
    }
}
