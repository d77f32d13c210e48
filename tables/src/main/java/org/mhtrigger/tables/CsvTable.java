package org.mhtrigger.tables;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A small CSV file with a header, read with line numbers so that errors can point at them. Immutable, thread-safe.
 * Lines starting with {@code #} and blank lines are skipped; values are trimmed; a leading byte order mark is ignored.
 * Every editable table of the product is read here, so they all follow the same rules. A table that cannot be read is a
 * {@link CsvTableException} whose message names the file and, where there is one, the line; callers turn it into their
 * own exception at their boundary.
 *
 * @param file how messages name the file, e.g. {@code thresholds.csv} or {@code mapping file /etc/units.csv}
 * @param header the header's column names as written
 * @param rows the data rows in file order
 */
public record CsvTable(String file, List<String> header, List<Row> rows) {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    public CsvTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** Which headers a table accepts. */
    public enum Header {
        /** Exactly the given columns, in that order. */
        EXACT,
        /** The given columns in any order, with others beside them (which are not read). */
        CONTAINS
    }

    /**
     * One data row.
     *
     * @param file how messages name the file
     * @param line the 1-based line number in the file (the last line of a value that spans lines)
     * @param values the values of the asked-for columns by name, trimmed, in the asked-for order
     */
    public record Row(String file, int line, Map<String, String> values) {
        public Row {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /** The trimmed value of {@code column}, one of the columns asked for; {@code null} for another name. */
        public String get(String column) {
            return values.get(column);
        }

        /**
         * Where this row is, for a message about it: {@code "thresholds.csv line 4"}, so that a caller's message reads
         * {@code where() + ": " + what}.
         */
        public String where() {
            return file + " line " + line;
        }
    }

    /** Reads {@code text}, whose header must be exactly {@code columns}. */
    public static CsvTable parse(String file, String text, List<String> columns) {
        return parse(file, text, columns, Header.EXACT);
    }

    /**
     * Reads {@code text}.
     *
     * @param file how messages name the file
     * @param columns the columns to read
     * @param header whether the header must be exactly {@code columns} or only hold them
     * @throws CsvTableException naming the file and line when the text is not such a table
     */
    public static CsvTable parse(String file, String text, List<String> columns, Header header) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> found = null;
        List<Row> rows = new ArrayList<>();
        int line = 0;
        try (Reader reader = new StringReader(body);
                CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (next(records, file, line)) {
                CSVRecord record = records.next();
                // the parser has consumed the record's line ending (or the end of the text): its count is the record's
                // last line
                line = (int) parser.getCurrentLineNumber();
                if (found == null) {
                    found = record.toList().stream().map(String::trim).toList();
                    checkHeader(file, line, found, columns, header);
                    continue;
                }
                if (record.size() != found.size()) {
                    throw new CsvTableException(file + " line " + line + ": " + record.size() + " columns, expected "
                            + found.size() + " (" + String.join(",", found) + ")");
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (String column : columns) {
                    values.put(column, record.get(found.indexOf(column)).trim());
                }
                rows.add(new Row(file, line, values));
            }
        } catch (IOException e) {
            throw new CsvTableException(file + ": not readable as CSV: " + e.getMessage(), e);
        }
        if (found == null) {
            throw new CsvTableException(file + ": empty, expected header " + String.join(",", columns));
        }
        return new CsvTable(file, found, rows);
    }

    /**
     * Reads the UTF-8 file {@code override} if it is a regular file, else the classpath resource {@code resource}.
     *
     * @param label how messages name the file before its name, e.g. {@code "mapping file "}, or {@code ""}
     */
    public static CsvTable read(
            Path override, ClassLoader loader, String resource, String label, List<String> columns, Header header) {
        if (override != null && Files.isRegularFile(override)) {
            String file = label + override;
            try {
                return parse(file, Files.readString(override, StandardCharsets.UTF_8), columns, header);
            } catch (IOException e) {
                throw new CsvTableException(file + " cannot be read: " + e.getMessage(), e);
            }
        }
        String file = label + resource.substring(resource.lastIndexOf('/') + 1);
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new CsvTableException(file + " is missing from the classpath (" + resource + ")");
            }
            return parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8), columns, header);
        } catch (IOException e) {
            throw new CsvTableException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean next(Iterator<CSVRecord> records, String file, int line) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new CsvTableException(file + " after line " + line + ": malformed CSV", e);
        }
    }

    private static void checkHeader(String file, int line, List<String> found, List<String> columns, Header header) {
        if (header == Header.EXACT && !found.equals(columns)) {
            throw new CsvTableException(file + " line " + line + ": header " + String.join(",", found) + " must be "
                    + String.join(",", columns));
        }
        for (String column : columns) {
            if (!found.contains(column)) {
                throw new CsvTableException(file + " line " + line + ": missing column '" + column + "' (expected "
                        + String.join(",", columns) + ")");
            }
        }
    }
}
