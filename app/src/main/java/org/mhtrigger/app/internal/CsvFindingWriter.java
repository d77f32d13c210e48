package org.mhtrigger.app.internal;

import java.io.IOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mhtrigger.engine.screen.Finding;
import org.mhtrigger.engine.screen.Screening;
import org.mhtrigger.engine.screen.TextHit;

/** RFC 4180 CSV, one row per finding, with a header; with {@code explain} a {@code suppressed} column is added. */
final class CsvFindingWriter implements FindingWriter {
    private static final String[] HEADER = {
        "record", "patient", "trigger", "name", "source_type", "source_id", "start", "end", "evidence", "at", "ruleset"
    };

    private final CSVPrinter csv;
    private final boolean explain;

    CsvFindingWriter(Writer out, boolean explain) {
        this.explain = explain;
        try {
            String[] header = HEADER;
            if (explain) {
                header = java.util.Arrays.copyOf(HEADER, HEADER.length + 1);
                header[HEADER.length] = "suppressed";
            }
            this.csv = CSVFormat.RFC4180
                    .builder()
                    .setHeader(header)
                    .setRecordSeparator('\n')
                    .get()
                    .print(out);
        } catch (IOException e) {
            throw FindingWriter.failed(e);
        }
    }

    @Override
    public void write(Screening screening) {
        try {
            for (Finding f : screening.findings()) {
                csv.printRecord(row(
                        f.record(),
                        f.patient(),
                        f.trigger(),
                        f.name(),
                        f.source().type(),
                        f.source().id(),
                        f.span() == null ? "" : f.span().start(),
                        f.span() == null ? "" : f.span().end(),
                        f.evidence(),
                        f.at(),
                        f.ruleset(),
                        ""));
            }
            if (explain) {
                for (TextHit h : screening.suppressed()) {
                    csv.printRecord(row(
                            screening.record(),
                            "",
                            h.trigger(),
                            "",
                            h.source().type(),
                            h.source().id(),
                            h.span().start(),
                            h.span().end(),
                            h.sentence(),
                            h.time(),
                            "",
                            h.assertion().label()));
                }
            }
        } catch (IOException e) {
            throw FindingWriter.failed(e);
        }
    }

    private Object[] row(Object... values) {
        return explain ? values : java.util.Arrays.copyOf(values, values.length - 1);
    }

    @Override
    public void close() {
        try {
            csv.close(true);
        } catch (IOException e) {
            throw FindingWriter.failed(e);
        }
    }
}
