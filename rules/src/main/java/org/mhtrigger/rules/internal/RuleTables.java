package org.mhtrigger.rules.internal;

import java.util.List;
import org.mhtrigger.engine.ConfigurationException;
import org.mhtrigger.tables.CsvTable;
import org.mhtrigger.tables.CsvTableException;

/**
 * The shared CSV-table reader ({@link CsvTable}) with this module's errors: a rule table that cannot be used is a
 * {@link ConfigurationException} naming the file and line, whether the table itself is malformed or a value in it is
 * wrong. Stateless, thread-safe.
 */
public final class RuleTables {
    private RuleTables() {}

    /** Reads {@code text}, whose header must be exactly {@code columns}; {@code file} names it in messages. */
    public static CsvTable parse(String file, String text, List<String> columns) {
        try {
            return CsvTable.parse(file, text, columns);
        } catch (CsvTableException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
    }

    /** A {@link ConfigurationException} naming the row's file and line: {@code "lexicon.csv line 7: " + what}. */
    public static ConfigurationException problem(CsvTable.Row row, String what) {
        return new ConfigurationException(row.where() + ": " + what);
    }
}
