package org.mhtrigger.tables;

/**
 * A CSV table that cannot be read as the caller asked: not CSV, no header, a wrong header or a row with the wrong number
 * of values. The message names the file and, where there is one, the line ({@code "lexicon.csv line 7: 4 columns,
 * expected 5 (...)"}). Callers translate it into their own exception at their boundary.
 */
public class CsvTableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CsvTableException(String message) {
        super(message);
    }

    public CsvTableException(String message, Throwable cause) {
        super(message, cause);
    }
}
