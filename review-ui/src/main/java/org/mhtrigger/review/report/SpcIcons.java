package org.mhtrigger.review.report;

import java.awt.Color;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.mhtrigger.engine.measure.Direction;
import org.mhtrigger.engine.measure.Spc;

/**
 * The "Making Data Count" variation and assurance icons, drawn as PDF vector shapes: a coloured disc (grey common
 * cause, blue improvement, orange concern) with a letter or a line inside. The report always prints the verdict's
 * words beside them: the icons never carry meaning alone. Stateless, thread-safe.
 */
final class SpcIcons {
    private static final float BEZIER = 0.5523f;

    private SpcIcons() {}

    /** The variation icon, centred on ({@code x}, {@code y}) with radius {@code r}. */
    static void variation(
            PDPageContentStream stream,
            PDType1Font bold,
            Spc.Variation variation,
            Direction direction,
            float x,
            float y,
            float r)
            throws IOException {
        boolean lowerIsBetter = direction == Direction.LOWER_IS_BETTER;
        switch (variation) {
            case NO_DATA -> {
                disc(stream, x, y, r, Color.WHITE, SpcChart.COMMON);
                letter(stream, bold, "?", x, y, r, SpcChart.TEXT);
            }
            case COMMON_CAUSE -> {
                disc(stream, x, y, r, SpcChart.COMMON, SpcChart.COMMON);
                // a wandering line: variation without a signal
                stream.setStrokingColor(SpcChart.TEXT);
                stream.setLineWidth(1.2f);
                stream.moveTo(x - r * 0.6f, y);
                stream.lineTo(x - r * 0.3f, y + r * 0.3f);
                stream.lineTo(x, y - r * 0.25f);
                stream.lineTo(x + r * 0.3f, y + r * 0.2f);
                stream.lineTo(x + r * 0.6f, y - r * 0.1f);
                stream.stroke();
            }
            // improvement moves the way the measure gets better: L(ow) when lower is better
            case IMPROVING -> {
                disc(stream, x, y, r, SpcChart.IMPROVEMENT, SpcChart.IMPROVEMENT);
                letter(stream, bold, lowerIsBetter ? "L" : "H", x, y, r, SpcChart.TEXT);
            }
            case CONCERNING -> {
                disc(stream, x, y, r, SpcChart.CONCERN, SpcChart.CONCERN);
                letter(stream, bold, lowerIsBetter ? "H" : "L", x, y, r, SpcChart.TEXT);
            }
        }
    }

    /** The assurance icon; nothing when no target is set. */
    static void assurance(
            PDPageContentStream stream, PDType1Font bold, Spc.Assurance assurance, float x, float y, float r)
            throws IOException {
        switch (assurance) {
            case NO_TARGET -> {}
            case MEETS -> {
                disc(stream, x, y, r, SpcChart.IMPROVEMENT, SpcChart.IMPROVEMENT);
                letter(stream, bold, "P", x, y, r, SpcChart.TEXT);
            }
            case FAILS -> {
                disc(stream, x, y, r, SpcChart.CONCERN, SpcChart.CONCERN);
                letter(stream, bold, "F", x, y, r, SpcChart.TEXT);
            }
            case HIT_AND_MISS -> {
                disc(stream, x, y, r, SpcChart.COMMON, SpcChart.COMMON);
                letter(stream, bold, "?", x, y, r, SpcChart.TEXT);
            }
        }
    }

    private static void disc(PDPageContentStream stream, float x, float y, float r, Color fill, Color ring)
            throws IOException {
        float k = BEZIER * r;
        stream.setNonStrokingColor(fill);
        stream.setStrokingColor(ring.darker());
        stream.setLineWidth(1);
        stream.moveTo(x + r, y);
        stream.curveTo(x + r, y + k, x + k, y + r, x, y + r);
        stream.curveTo(x - k, y + r, x - r, y + k, x - r, y);
        stream.curveTo(x - r, y - k, x - k, y - r, x, y - r);
        stream.curveTo(x + k, y - r, x + r, y - k, x + r, y);
        stream.closePath();
        stream.fillAndStroke();
    }

    private static void letter(
            PDPageContentStream stream, PDType1Font bold, String text, float x, float y, float r, Color colour)
            throws IOException {
        float size = r * 1.2f;
        float width = bold.getStringWidth(text) / 1000 * size;
        float capHeight = bold.getFontDescriptor().getCapHeight() / 1000 * size;
        stream.setNonStrokingColor(colour);
        stream.beginText();
        stream.setFont(bold, size);
        stream.newLineAtOffset(x - width / 2, y - capHeight / 2);
        stream.showText(text);
        stream.endText();
    }
}
