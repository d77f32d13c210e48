package org.mhtrigger.app.internal;

import java.io.Writer;

/** The output formats of {@code screen}. */
public enum FindingFormat {
    jsonl,
    csv,
    table;

    public FindingWriter open(Writer out, boolean explain) {
        return switch (this) {
            case jsonl -> new JsonLinesFindingWriter(out, explain);
            case csv -> new CsvFindingWriter(out, explain);
            case table -> new TableFindingWriter(out, explain);
        };
    }
}
