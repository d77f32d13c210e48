package org.mhtrigger.corpus.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A tab-separated phrase file shipped with the generator ({@code org/mhtrigger/corpus/...}): a header line, then one
 * row a line; lines starting with {@code #} and blank lines are skipped. Tabs rather than commas because phrases are
 * full of commas and quotes. Immutable, thread-safe.
 *
 * @param file the resource path, for error messages
 * @param rows the data rows in file order, each with its 1-based line number
 */
record PhraseTable(String file, List<Row> rows) {
    /** One data row: its values in header order. */
    record Row(int line, List<String> values) {
        String get(int column) {
            return values.get(column);
        }
    }

    PhraseTable {
        rows = List.copyOf(rows);
    }

    /** Reads a resource of this package's {@code org/mhtrigger/corpus/} folder, whose header must be {@code header}. */
    static PhraseTable read(String name, List<String> header) {
        String file = "org/mhtrigger/corpus/" + name;
        String text;
        try (InputStream in = PhraseTable.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("phrase file " + file + " is missing from the classpath");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("phrase file " + file + " cannot be read", e);
        }
        List<Row> rows = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        boolean headerSeen = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> values = List.of(line.split("\t", -1));
            if (!headerSeen) {
                if (!values.equals(header)) {
                    throw new IllegalStateException(
                            file + " line " + (i + 1) + ": header " + values + " must be " + header);
                }
                headerSeen = true;
                continue;
            }
            if (values.size() != header.size()) {
                throw new IllegalStateException(file + " line " + (i + 1) + ": " + values.size()
                        + " tab-separated values, expected " + header.size() + " " + header);
            }
            rows.add(new Row(i + 1, values));
        }
        return new PhraseTable(file, rows);
    }
}
