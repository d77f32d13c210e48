package org.mhtrigger.fhir.internal.mapping;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.mhtrigger.fhir.internal.Text;

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

    /** Results kept for repeated concepts: a corpus repeats a few hundred codings millions of times. */
    private static final int MEMO_LIMIT = 8192;

    private final String file;
    private final List<Row> rows;
    private final TextMatch textMatch;
    private final UnaryOperator<String> textForm;
    /** Per row, in {@link #rows} order: the canonical system and the upper-case code, computed once. */
    private final String[] rowSystems;

    private final String[] rowCodes;
    /** Pure results, so which ones the cache keeps changes only the time taken; evicted on the calling thread. */
    private final LoadingCache<Concept, List<Row>> memo = Caffeine.newBuilder()
            .maximumSize(MEMO_LIMIT)
            .executor(Runnable::run)
            .build(c -> List.copyOf(compute(c)));

    CodeTable(String file, List<Row> rows, TextMatch textMatch, UnaryOperator<String> textForm) {
        this.file = file;
        this.rows = List.copyOf(rows);
        this.textMatch = textMatch;
        this.textForm = textForm;
        this.rowSystems = new String[this.rows.size()];
        this.rowCodes = new String[this.rows.size()];
        for (int i = 0; i < this.rows.size(); i++) {
            Row row = this.rows.get(i);
            rowSystems[i] = row.system().isEmpty() ? "" : Systems.canonical(row.system());
            rowCodes[i] = row.code().toUpperCase(Locale.ROOT);
        }
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
        return memo.get(concept);
    }

    private List<Row> compute(Concept concept) {
        List<String> texts = new ArrayList<>();
        for (String text : concept.texts()) {
            texts.add(textForm.apply(Text.normalise(text)));
        }
        String[] systems = new String[concept.codes().size()];
        String[] codes = new String[systems.length];
        for (int i = 0; i < systems.length; i++) {
            Concept.Code code = concept.codes().get(i);
            systems[i] = Systems.canonical(code.system());
            codes[i] = code.code().trim().toUpperCase(Locale.ROOT);
        }
        List<Row> found = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (matches(i, systems, codes, texts)) {
                found.add(rows.get(i));
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

    private boolean matches(int index, String[] systems, String[] codes, List<String> texts) {
        Row row = rows.get(index);
        if (!row.code().isEmpty()) {
            boolean codeHit = false;
            for (int i = 0; i < codes.length; i++) {
                if ((rowSystems[index].isEmpty() || rowSystems[index].equals(systems[i]))
                        && codeMatches(rowCodes[index], codes[i])) {
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

    /** Both upper case, {@code code} trimmed. */
    private static boolean codeMatches(String r, String c) {
        if (r.isEmpty()) {
            return true;
        }
        if (r.endsWith("*")) {
            return c.startsWith(r.substring(0, r.length() - 1));
        }
        return c.equals(r);
    }
}
