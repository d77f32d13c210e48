package org.mhtrigger.rules.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mhtrigger.engine.ConfigurationException;

/**
 * A small CSV file with a fixed header, read with line numbers so that errors can point at them. Immutable,
 * thread-safe. Lines starting with {@code #} and blank lines are skipped.
 *
 * @param file the file name used in error messages
 * @param rows the data rows in file order
 */
public record CsvTable(String file, List<Row> rows) {
    public CsvTable {
        rows = List.copyOf(rows);
    }

    /**
     * One data row.
     *
     * @param line the 1-based line number in the file
     * @param values the values by column name, trimmed
     */
    public record Row(String file, int line, Map<String, String> values) {
        public Row {
            values = Map.copyOf(values);
        }

        public String get(String column) {
            return values.get(column);
        }

        /** A {@link ConfigurationException} naming this file and line. */
        public ConfigurationException problem(String what) {
            return new ConfigurationException(file + " line " + line + ": " + what);
        }
    }

    /** Reads {@code text}, which must start with exactly the given header columns. */
    public static CsvTable parse(String file, String text, List<String> header) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setCommentMarker('#')
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .get();
        List<Row> rows = new ArrayList<>();
        try (Reader reader = new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text);
                CSVParser parser = CSVParser.parse(reader, format)) {
            boolean first = true;
            for (CSVRecord record : parser) {
                // the parser has consumed the record's line terminator: its line count is this record's last line
                int line = (int) parser.getCurrentLineNumber();
                if (first) {
                    first = false;
                    List<String> found =
                            record.toList().stream().map(String::trim).toList();
                    if (!found.equals(header)) {
                        throw new ConfigurationException(file + " line " + line + ": header " + String.join(",", found)
                                + " must be " + String.join(",", header));
                    }
                    continue;
                }
                if (record.size() != header.size()) {
                    throw new ConfigurationException(file + " line " + line + ": " + record.size()
                            + " columns, expected " + header.size() + " (" + String.join(",", header) + ")");
                }
                java.util.LinkedHashMap<String, String> values = new java.util.LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    values.put(header.get(i), record.get(i).trim());
                }
                rows.add(new Row(file, line, values));
            }
            if (first) {
                throw new ConfigurationException(file + ": empty, expected header " + String.join(",", header));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new ConfigurationException(file + ": not readable as CSV: " + e.getMessage(), e);
        }
        return new CsvTable(file, rows);
    }
}
