package org.mhtrigger.fhir.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One mapping table: rows of (value, system, code, text) matched against a {@link Concept}. Immutable, thread-safe.
 *
 * <p>A row matches when its system (if given) equals a coding's system, its code (if given; a trailing {@code *}
 * matches a prefix) equals that coding's code, and its text (if given) matches one of the concept's texts. When
 * several rows match, the most specific wins: code and text, then code, then the longest text, then the earliest
 * row.
 */
public final class CodeTable {
    /** How a row's text matches a concept's text. */
    public enum TextMatch {
        /** The row's words appear as whole words in the text ("priadel" in "Priadel 400 mg MR tablets"). */
        WORDS,
        /** The text, without filler words, is the row's text ("Lithium [Moles/volume] in Serum" is "lithium"). */
        EXACT
    }

    /** One row; {@code text} is normalised, {@code line} is the CSV line for messages. */
    public record Row(String value, String system, String code, String text, long line) {}

    private final String file;
    private final List<Row> rows;
    private final TextMatch textMatch;
    private final UnaryOperator<String> textForm;

    CodeTable(String file, List<Row> rows, TextMatch textMatch, UnaryOperator<String> textForm) {
        this.file = file;
        this.rows = List.copyOf(rows);
        this.textMatch = textMatch;
        this.textForm = textForm;
    }

    public String file() {
        return file;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The value of the most specific matching row. */
    public Optional<String> match(Concept concept) {
        return matches(concept).stream().findFirst().map(Row::value);
    }

    /** The distinct values of all matching rows, most specific first. */
    public Set<String> matchAll(Concept concept) {
        Set<String> values = new LinkedHashSet<>();
        for (Row row : matches(concept)) {
            values.add(row.value());
        }
        return values;
    }

    private List<Row> matches(Concept concept) {
        if (concept.isEmpty()) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (String text : concept.texts()) {
            texts.add(textForm.apply(Text.normalise(text)));
        }
        List<Row> found = new ArrayList<>();
        for (Row row : rows) {
            if (matches(row, concept, texts)) {
                found.add(row);
            }
        }
        found.sort(Comparator.comparingInt(CodeTable::specificity)
                .reversed()
                .thenComparing(
                        Comparator.comparingInt((Row r) -> r.text().length()).reversed())
                .thenComparingLong(Row::line));
        return found;
    }

    private static int specificity(Row row) {
        return (row.code().isEmpty() ? 0 : 2) + (row.text().isEmpty() ? 0 : 1);
    }

    private boolean matches(Row row, Concept concept, List<String> texts) {
        if (!row.code().isEmpty()) {
            boolean codeHit = false;
            for (Concept.Code code : concept.codes()) {
                if (systemMatches(row.system(), code.system()) && codeMatches(row.code(), code.code())) {
                    codeHit = true;
                    break;
                }
            }
            if (!codeHit) {
                return false;
            }
        }
        if (!row.text().isEmpty()) {
            for (String text : texts) {
                if (textMatch == TextMatch.WORDS ? Text.containsWords(text, row.text()) : text.equals(row.text())) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    static boolean systemMatches(String rowSystem, String system) {
        return rowSystem.isEmpty() || Systems.canonical(rowSystem).equals(Systems.canonical(system));
    }

    private static boolean codeMatches(String rowCode, String code) {
        if (rowCode.isEmpty()) {
            return true;
        }
        String c = code.trim().toUpperCase(Locale.ROOT);
        String r = rowCode.toUpperCase(Locale.ROOT);
        if (r.endsWith("*")) {
            return c.startsWith(r.substring(0, r.length() - 1));
        }
        return c.equals(r);
    }
}
