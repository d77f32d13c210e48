package org.mhtrigger.review.report;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawerDefaultFonts;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;
import org.jfree.chart.JFreeChart;
import org.mhtrigger.engine.measure.Direction;
import org.mhtrigger.engine.measure.EventSummary;
import org.mhtrigger.engine.measure.HarmCategory;
import org.mhtrigger.engine.measure.Measure;
import org.mhtrigger.engine.measure.Measures;
import org.mhtrigger.engine.measure.OutcomeClass;
import org.mhtrigger.engine.measure.PeriodMeasures;
import org.mhtrigger.engine.measure.Spc;
import org.mhtrigger.engine.measure.TriggerPpv;
import org.mhtrigger.engine.screen.TriggerDefinition;
import org.mhtrigger.review.store.MeasureQueries.PeriodData;
import org.mhtrigger.rules.TriggerCatalogue;

/**
 * The board and regulator report for a range of periods (docs/spec/method.md §5) as PDF: the measures table with each measure's
 * latest complete value and verdicts, an "about these figures" box (samples, completeness, what counts as harm, how to
 * read the signals), per measure its control chart (JFreeChart, drawn as vectors into PDFBox) with the "Making Data
 * Count" icons and the signals in words, then counts by harm category and outcome class, the top triggers with their
 * PPV, the protocols used and anonymised event summaries. Everything comes from one {@link HarmFigures}, so the PDF
 * says what the dashboard, CSV and FHIR export say. Stateless, thread-safe.
 */
public final class BoardReportPdf {
    /** The sentence every report carries (docs/spec/method.md §4). */
    public static final String NOT_A_LEAGUE_TABLE =
            "Harm rates are for improvement over time inside one organisation, not for league tables.";

    private static final float MARGIN = 50;
    private static final PDRectangle SIZE = PDRectangle.A4;
    private static final float WIDTH = SIZE.getWidth() - 2 * MARGIN;
    private static final float CHART_HEIGHT = 215;

    private BoardReportPdf() {}

    /** The report as PDF bytes; {@code title} names the organisation or unit, {@code generated} the date. */
    public static byte[] render(String title, HarmFigures figures, LocalDate generated) {
        List<PeriodData> periods = figures.periods();
        try (PDDocument document = new PDDocument()) {
            Writer w = new Writer(document);
            String range =
                    periods.isEmpty() ? "no periods" : label(periods.getFirst()) + " to " + label(periods.getLast());
            w.paragraph(title, 18, true);
            w.paragraph("Harm measures from trigger-tool record review, " + range, 12, false);
            w.paragraph("Generated " + generated + " by mhtrigger. " + NOT_A_LEAGUE_TABLE, 9, false);
            w.gap(10);

            measuresTable(w, figures);
            w.gap(10);
            about(w, figures);

            for (Measure measure : Measure.values()) {
                measureSection(w, figures, measure);
            }

            List<PeriodMeasures> measures =
                    periods.stream().map(PeriodData::measures).toList();
            w.heading("Confirmed events by harm category");
            Map<HarmCategory, Integer> byHarm = new EnumMap<>(HarmCategory.class);
            Map<OutcomeClass, Integer> byClass = new EnumMap<>(OutcomeClass.class);
            for (PeriodMeasures m : measures) {
                m.byHarmCategory().forEach((k, v) -> byHarm.merge(k, v, Integer::sum));
                m.byOutcomeClass().forEach((k, v) -> byClass.merge(k, v, Integer::sum));
            }
            List<String[]> harmRows = new ArrayList<>();
            for (HarmCategory category : HarmCategory.harms()) {
                harmRows.add(new String[] {
                    category.name() + "  " + category.definition(), "" + byHarm.getOrDefault(category, 0)
                });
            }
            w.table(new float[] {400, 95}, new String[] {"Harm category", "Events"}, harmRows);
            w.gap(8);
            w.heading("Confirmed events by outcome class");
            List<String[]> classRows = new ArrayList<>();
            for (OutcomeClass outcome : OutcomeClass.values()) {
                classRows.add(new String[] {outcome.label(), "" + byClass.getOrDefault(outcome, 0)});
            }
            w.table(new float[] {400, 95}, new String[] {"Outcome class", "Events"}, classRows);
            w.gap(8);

            w.heading("Top triggers and their positive predictive value");
            w.paragraph(
                    "PPV: of the reviewed stays where the trigger fired, the share with a confirmed event linked to it.",
                    8.5f,
                    false);
            Map<String, String> names = triggerNames(periods);
            List<TriggerPpv> ppv = Measures.pooledPpv(measures);
            List<String[]> triggerRows = new ArrayList<>();
            for (TriggerPpv t : ppv.subList(0, Math.min(10, ppv.size()))) {
                String name = names.get(t.trigger());
                triggerRows.add(new String[] {
                    name == null ? t.trigger() : t.trigger() + " " + name,
                    "" + t.hits(),
                    "" + t.positive(),
                    Double.isNaN(t.ppv()) ? "-" : MeasureTables.number(round(t.ppv() * 100)) + "%"
                });
            }
            w.table(
                    new float[] {270, 80, 90, 55},
                    new String[] {"Trigger", "Reviewed stays with it", "With a confirmed event", "PPV"},
                    triggerRows);
            w.gap(8);

            w.heading("Protocols used");
            for (String protocol : new LinkedHashSet<>(
                    measures.stream().map(PeriodMeasures::protocol).toList())) {
                String first = measures.stream()
                        .filter(m -> m.protocol().equals(protocol))
                        .findFirst()
                        .orElseThrow()
                        .period()
                        .label();
                w.paragraph("from " + first + ": " + protocol, 9, false);
            }
            w.gap(8);

            w.heading("Anonymised event summaries");
            w.paragraph("Structured fields only: no names, identifiers, dates of birth or free text.", 9, false);
            for (PeriodData period : periods) {
                for (EventSummary event : period.events()) {
                    w.item(event.line(), 8);
                }
            }
            w.close();
            footers(document, w, title, generated);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the PDF report", e);
        }
    }

    /**
     * Trigger code to name, from the events of {@code periods} (the names reviewers saw), else from the standard
     * catalogue; a code found in neither is shown alone.
     */
    static Map<String, String> triggerNames(List<PeriodData> periods) {
        Map<String, String> seen = new TreeMap<>();
        for (PeriodData period : periods) {
            for (EventSummary event : period.events()) {
                if (event.trigger() != null
                        && event.triggerName() != null
                        && !event.triggerName().isBlank()) {
                    seen.putIfAbsent(event.trigger(), event.triggerName());
                }
            }
        }
        Map<String, String> names = new TreeMap<>();
        for (TriggerDefinition trigger : TriggerCatalogue.standard().all()) {
            names.put(trigger.code(), trigger.name());
        }
        names.putAll(seen);
        return names;
    }

    /** "12.5 (2025-11)": the value of the latest period whose figure is final. */
    static String latestComplete(HarmFigures figures, Measure measure) {
        HarmFigures.MeasureFigures m = figures.measure(measure);
        int latest = m.latestComplete();
        if (latest < 0) {
            return "no complete period yet";
        }
        return MeasureTables.number(round(m.rates().get(latest).value())) + " ("
                + label(figures.periods().get(latest)) + ")";
    }

    private static void measuresTable(Writer w, HarmFigures figures) throws IOException {
        w.heading("Measures");
        List<String[]> rows = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            Spc.Analysis analysis = figures.measure(measure).analysis();
            double median = analysis.run().median();
            String verdict = analysis.variation().words();
            if (analysis.assurance() != Spc.Assurance.NO_TARGET) {
                verdict += "; target " + MeasureTables.number(analysis.target()) + ": "
                        + analysis.assurance().words();
            }
            rows.add(new String[] {
                measure.title(),
                latestComplete(figures, measure),
                analysis.includedPoints() == 0 || Double.isNaN(median) ? "-" : MeasureTables.number(round(median)),
                analysis.runChartWords(),
                verdict
            });
        }
        w.table(
                new float[] {140, 80, 40, 120, 115},
                new String[] {"Measure", "Latest complete period", "Median", "Run chart", "Variation"},
                rows);
        w.paragraph(
                "Latest complete period: the most recent period whose review is finished; periods still in review are"
                        + " shown on the charts but are not final.",
                7.5f,
                false);
    }

    private static void about(Writer w, HarmFigures figures) throws IOException {
        List<PeriodData> periods = figures.periods();
        List<String> paragraphs = new ArrayList<>();
        int sampled = periods.stream().mapToInt(PeriodData::sampled).sum();
        int signed = periods.stream().mapToInt(PeriodData::authenticated).sum();
        int smallest = periods.stream().mapToInt(PeriodData::sampled).min().orElse(0);
        int largest = periods.stream().mapToInt(PeriodData::sampled).max().orElse(0);
        List<PeriodData> unfinished = figures.unfinished();
        if (periods.isEmpty()) {
            paragraphs.add("Sample. No period in this range has been sampled yet, so there are no figures to report.");
        } else {
            paragraphs.add("Sample. " + periods.size() + " review periods; each period a random sample of stays is"
                    + " reviewed by a physician (" + (smallest == largest ? smallest + "" : smallest + " to " + largest)
                    + " stays a period). " + signed + " of " + sampled + " sampled records are signed off; harm rates"
                    + " count signed-off reviews only.");
            paragraphs.add(
                    unfinished.isEmpty()
                            ? "Completeness. Every period's review is complete: all sampled records are signed off."
                            : "Completeness. Still in review, so not final: "
                                    + unfinished.stream()
                                            .map(p -> label(p) + " ("
                                                    + p.completeness().label() + ")")
                                            .collect(Collectors.joining(", "))
                                    + ". Their points are drawn hollow and grey and are left out of the medians,"
                                    + " centre lines, limits and signals until every record is signed.");
        }
        paragraphs.add("What counts as harm. Adverse events and adverse drug events in harm categories E to I"
                + " (temporary harm that needed intervention, up to death), confirmed by the physician's review."
                + " Errors without harm (A to D) are not counted. Mental-health safety incidents (such as self-harm,"
                + " violence or absconding) are counted apart, in their own measure. Restraint, seclusion and rapid"
                + " tranquillisation episodes are counted from all screened stays, not only the sample, so that"
                + " measure does not wait for reviews.");
        boolean allLower =
                java.util.Arrays.stream(Measure.values()).allMatch(m -> m.improvement() == Direction.LOWER_IS_BETTER);
        paragraphs.add("How to read the signals. " + (allLower ? "For every measure lower is better. " : "")
                + "Each chart is a u-chart (rates) or p-chart (percentages); its centre line and 3-sigma control"
                + " limits are recalculated from each protocol change onwards. A point outside the limits, a shift ("
                + Spc.SHIFT_LENGTH + " or more points in a row on one side of the centre line) or a run-chart signal"
                + " (Anhøj rules, applied from " + Spc.MIN_RUN_CHART_POINTS + " complete points) is special cause"
                + " variation: blue means improvement, orange means concern. Grey means common cause variation: no"
                + " signal. Where a target is set, the assurance icon says whether the process as it runs now can be"
                + " relied on to meet it. Every icon has its verdict in words beside it.");
        paragraphs.add(NOT_A_LEAGUE_TABLE);
        w.box("About these figures", paragraphs);
    }

    private static void measureSection(Writer w, HarmFigures figures, Measure measure) throws IOException {
        HarmFigures.MeasureFigures m = figures.measure(measure);
        Spc.Analysis analysis = m.analysis();
        List<PeriodData> periods = figures.periods();
        List<Integer> changes = figures.protocolChanges().stream()
                .map(HarmFigures.ProtocolChange::index)
                .toList();

        List<String> notes = new ArrayList<>();
        for (int c = 0; c < figures.protocolChanges().size(); c++) {
            HarmFigures.ProtocolChange change = figures.protocolChanges().get(c);
            notes.add("Protocol change " + (c + 1) + " (dashed line before " + change.period() + "): "
                    + change.protocol() + ". Centre line and limits are recalculated from here.");
        }
        List<String> provisional = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            Spc.Point p = analysis.points().get(i);
            if (!p.included() && !Double.isNaN(p.value())) {
                provisional.add(label(periods.get(i)) + " ("
                        + periods.get(i).completeness().label() + ")");
            }
        }
        if (!provisional.isEmpty()) {
            notes.add("Not final, drawn hollow and grey and not counted: " + String.join(", ", provisional) + ".");
        }
        if (!measure.fromReviews()) {
            notes.add("Counted from all screened stays, so it does not wait for reviews.");
        }
        // the run-chart signals are said once, in the run chart's line; these are the control chart's own
        List<String> signals = analysis.signals().stream()
                .filter(s -> s.rule().equals("outside limits") || s.rule().equals("shift"))
                .map(s -> "- " + s.words())
                .toList();

        // keep the heading, icons and chart together; notes and signals may follow on the next page
        w.need(40 + 30 + CHART_HEIGHT + 20);
        w.gap(6);
        w.heading(measure.title());
        w.paragraph(
                "Numerator: " + measure.numeratorLabel() + ". Denominator: " + measure.denominatorLabel() + ". "
                        + (measure.improvement() == Direction.LOWER_IS_BETTER
                                ? "Lower is better."
                                : "Higher is better.")
                        + " " + (measure.isProportion() ? "p-chart." : "u-chart."),
                8.5f,
                false);
        w.gap(3);
        w.icons(analysis, measure.improvement());
        w.gap(4);
        boolean anyFigure = analysis.points().stream().anyMatch(p -> !Double.isNaN(p.value()));
        if (!anyFigure) {
            // an empty frame would look like a chart of zeros
            w.paragraph("No period in this range has a figure for this measure yet: no chart.", 8, false);
            w.gap(6);
            return;
        }
        JFreeChart chart = SpcChart.of(
                m,
                periods.stream().map(BoardReportPdf::label).toList(),
                periods.stream().map(PeriodData::completeness).toList(),
                changes,
                WIDTH);
        w.chart(chart, CHART_HEIGHT);
        for (String note : notes) {
            w.paragraph(note, 8, false);
        }
        double median = analysis.run().median();
        w.paragraph(
                "Run chart"
                        + (analysis.includedPoints() == 0 || Double.isNaN(median)
                                ? ""
                                : " (median " + MeasureTables.number(round(median)) + ")")
                        + ": " + analysis.runChartWords() + ".",
                8,
                false);
        if (signals.isEmpty()) {
            w.paragraph("Control chart: no point outside the limits and no shift.", 8, false);
        } else {
            w.need(8 * 1.35f * 3); // the heading never alone at the foot of a page
            w.paragraph("Control chart signals:", 8, true);
            for (String signal : signals) {
                w.item(signal, 8);
            }
        }
        w.gap(6);
    }

    private static void footers(PDDocument document, Writer w, String title, LocalDate generated) throws IOException {
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream stream =
                    new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                String text = safe(title + " - harm measures board report - generated " + generated + " - page "
                        + (i + 1) + " of " + pages);
                stream.setNonStrokingColor(0.4f, 0.4f, 0.4f);
                stream.beginText();
                stream.setFont(w.regular, 7.5f);
                stream.newLineAtOffset(MARGIN, 28);
                stream.showText(text);
                stream.endText();
            }
        }
    }

    private static String label(PeriodData period) {
        return period.measures().period().label();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /**
     * Keeps text inside what the standard Type 1 fonts (WinAnsi) can show: Latin-1, en and em dashes, the middle dot;
     * ≥ and ≤ are spelt out, anything else becomes '?'.
     */
    static String safe(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '≥' -> out.append(">=");
                case '≤' -> out.append("<=");
                case '–', '—', '‘', '’', '“', '”', '•', '…' -> out.append(c);
                default -> out.append((c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c <= 0xff) ? c : '?');
            }
        }
        return out.toString();
    }

    /** A cursor down A4 pages: wraps text, breaks pages, never writes outside the margins. */
    private static final class Writer {
        private final PDDocument document;
        final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
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

        /** Starts a new page unless {@code height} points are left. */
        void need(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        void gap(float height) {
            y -= height;
        }

        void heading(String text) throws IOException {
            need(60); // never a heading alone at the foot of a page
            paragraph(text, 12, true);
            gap(2);
        }

        void paragraph(String text, float size, boolean heading) throws IOException {
            PDType1Font font = heading ? bold : regular;
            for (String line : wrap(safe(text), font, size, WIDTH)) {
                need(size * 1.35f);
                y -= size * 1.35f;
                show(line, font, size, MARGIN, y + size * 0.3f, Color.BLACK);
            }
        }

        /** A list item: continuation lines hang under its text, so where one item ends and the next begins shows. */
        void item(String text, float size) throws IOException {
            float indent = 10;
            List<String> lines = wrap(safe(text), regular, size, WIDTH - indent);
            need(lines.size() * size * 1.35f); // an item is never split across pages
            for (int i = 0; i < lines.size(); i++) {
                y -= size * 1.35f;
                show(lines.get(i), regular, size, MARGIN + (i == 0 ? 0 : indent), y + size * 0.3f, Color.BLACK);
            }
        }

        /** A table whose cells wrap; the header repeats on each page the table runs onto. */
        void table(float[] widths, String[] header, List<String[]> rows) throws IOException {
            float size = 8;
            float leading = size * 1.25f;
            drawRow(widths, header, bold, size, leading, true);
            for (String[] row : rows) {
                if (rowHeight(widths, row, regular, size, leading) > y - MARGIN) {
                    newPage();
                    drawRow(widths, header, bold, size, leading, true);
                }
                drawRow(widths, row, regular, size, leading, false);
            }
        }

        private float rowHeight(float[] widths, String[] cells, PDType1Font font, float size, float leading)
                throws IOException {
            int lines = 1;
            for (int i = 0; i < cells.length; i++) {
                lines = Math.max(
                        lines, wrap(safe(cells[i]), font, size, widths[i] - 6).size());
            }
            return lines * leading + 5;
        }

        private void drawRow(float[] widths, String[] cells, PDType1Font font, float size, float leading, boolean head)
                throws IOException {
            float height = rowHeight(widths, cells, font, size, leading);
            need(height);
            float top = y;
            if (head) {
                stream.setNonStrokingColor(0.92f, 0.93f, 0.95f);
                stream.addRect(MARGIN, top - height, WIDTH, height);
                stream.fill();
            }
            float x = MARGIN;
            for (int i = 0; i < cells.length; i++) {
                List<String> lines = wrap(safe(cells[i]), font, size, widths[i] - 6);
                for (int l = 0; l < lines.size(); l++) {
                    show(lines.get(l), font, size, x + 3, top - 2.5f - (l + 1) * leading + size * 0.25f, Color.BLACK);
                }
                x += widths[i];
            }
            y = top - height;
            stream.setStrokingColor(0.75f, 0.75f, 0.75f);
            stream.setLineWidth(0.4f);
            stream.moveTo(MARGIN, y);
            stream.lineTo(MARGIN + WIDTH, y);
            stream.stroke();
        }

        /** A shaded box with a heading and paragraphs; moves to a new page when it does not fit. */
        void box(String title, List<String> paragraphs) throws IOException {
            float size = 8.5f;
            float leading = size * 1.35f;
            float inset = 8;
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 0;
            for (String p : paragraphs) {
                List<String> l = wrap(safe(p), regular, size, WIDTH - 2 * inset);
                wrapped.add(l);
                lines += l.size();
            }
            float height = inset + 16 + lines * leading + (paragraphs.size() - 1) * 4 + inset;
            need(height);
            float top = y;
            stream.setNonStrokingColor(0.96f, 0.97f, 0.98f);
            stream.setStrokingColor(0.6f, 0.65f, 0.7f);
            stream.setLineWidth(0.8f);
            stream.addRect(MARGIN, top - height, WIDTH, height);
            stream.fillAndStroke();
            float line = top - inset - 11;
            show(safe(title), bold, 11, MARGIN + inset, line, Color.BLACK);
            line -= 5;
            for (List<String> paragraph : wrapped) {
                for (String text : paragraph) {
                    line -= leading;
                    show(text, regular, size, MARGIN + inset, line + size * 0.3f, Color.BLACK);
                }
                line -= 4;
            }
            y = top - height;
        }

        /** The variation icon and, with a target, the assurance icon, each with its words beside it. */
        void icons(Spc.Analysis analysis, Direction direction) throws IOException {
            float r = 10;
            need(2 * r + 6);
            float cy = y - r - 1;
            SpcIcons.variation(stream, bold, analysis.variation(), direction, MARGIN + r, cy, r);
            String variation = "Variation: " + analysis.variation().words();
            float half = WIDTH / 2;
            boolean target = analysis.assurance() != Spc.Assurance.NO_TARGET;
            float room = (target ? half : WIDTH) - 2 * r - 10;
            iconWords(variation, MARGIN + 2 * r + 6, cy, room);
            if (target) {
                float ax = MARGIN + half;
                SpcIcons.assurance(stream, bold, analysis.assurance(), ax + r, cy, r);
                iconWords(
                        "Assurance against target " + MeasureTables.number(analysis.target()) + ": "
                                + analysis.assurance().words(),
                        ax + 2 * r + 6,
                        cy,
                        room);
            }
            y -= 2 * r + 4;
        }

        private void iconWords(String text, float x, float cy, float room) throws IOException {
            float size = 9;
            List<String> lines = wrap(safe(text), bold, size, room);
            float first = cy + (lines.size() - 1) * size * 0.6f - size * 0.35f;
            for (int i = 0; i < lines.size() && i < 2; i++) {
                show(lines.get(i), bold, size, x, first - i * size * 1.2f, Color.BLACK);
            }
        }

        /** Draws {@code chart} as vector graphics, full width, {@code height} points tall. */
        void chart(JFreeChart chart, float height) throws IOException {
            need(height);
            PdfBoxGraphics2D graphics = new PdfBoxGraphics2D(document, WIDTH, height);
            // text as standard-14 Helvetica: searchable, and the same font as the rest of the page
            graphics.setFontTextDrawer(new PdfBoxGraphics2DFontTextDrawerDefaultFonts());
            chart.draw(graphics, new Rectangle2D.Double(0, 0, WIDTH, height));
            graphics.dispose();
            PDFormXObject form = graphics.getXFormObject();
            stream.saveGraphicsState();
            stream.transform(Matrix.getTranslateInstance(MARGIN, y - height));
            stream.drawForm(form);
            stream.restoreGraphicsState();
            y -= height + 4;
        }

        private void show(String text, PDType1Font font, float size, float x, float atY, Color colour)
                throws IOException {
            stream.setNonStrokingColor(colour);
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, atY);
            stream.showText(text);
            stream.endText();
        }

        /** Splits on spaces to fit {@code width}; a word longer than a line is broken, never cut. */
        private static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                while (font.getStringWidth(word) / 1000 * size > width && word.length() > 1) {
                    int fit = word.length() - 1;
                    while (fit > 1 && font.getStringWidth(word.substring(0, fit)) / 1000 * size > width) {
                        fit--;
                    }
                    if (!line.isEmpty()) {
                        lines.add(line.toString());
                        line = new StringBuilder();
                    }
                    lines.add(word.substring(0, fit));
                    word = word.substring(fit);
                }
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
