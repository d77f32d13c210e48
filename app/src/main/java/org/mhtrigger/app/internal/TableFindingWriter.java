package org.mhtrigger.app.internal;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;
import org.mhtrigger.engine.screen.Finding;
import org.mhtrigger.engine.screen.Screening;
import org.mhtrigger.engine.screen.TextHit;

/** Fixed-width columns for reading in a terminal; evidence is cut to keep one finding per line. */
final class TableFindingWriter implements FindingWriter {
    private static final String ROW = "%-14s %-7s %-36s %-20s %-30s %s%n";
    private static final int EVIDENCE_WIDTH = 90;

    private final PrintWriter out;
    private final boolean explain;

    TableFindingWriter(Writer out, boolean explain) {
        this.out = new PrintWriter(out);
        this.explain = explain;
        this.out.printf(Locale.ROOT, ROW, "RECORD", "TRIGGER", "NAME", "AT", "SOURCE", "EVIDENCE");
    }

    @Override
    public void write(Screening screening) {
        for (Finding f : screening.findings()) {
            out.printf(
                    Locale.ROOT,
                    ROW,
                    f.record(),
                    f.trigger(),
                    cut(f.name(), 36),
                    f.at().toString().replace("T", " ").replace(":00Z", "Z"),
                    cut(f.source().toString(), 30),
                    cut(oneLine(f.evidence()), EVIDENCE_WIDTH));
        }
        if (explain) {
            for (TextHit h : screening.suppressed()) {
                out.printf(
                        Locale.ROOT,
                        ROW,
                        screening.record(),
                        h.trigger(),
                        "(suppressed: " + (h.reason().isEmpty() ? h.assertion().label() : h.reason()) + ")",
                        h.time().toString().replace("T", " ").replace(":00Z", "Z"),
                        cut(h.source().toString(), 30),
                        cut(oneLine(h.sentence()), EVIDENCE_WIDTH));
            }
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    @Override
    public void close() {
        out.flush();
    }
}
