package org.mhtrigger.engine.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.mhtrigger.engine.ConfigurationException;
import org.mhtrigger.engine.record.TextSpan;

/**
 * An annotated sentence kit in the NegEx/ConText format: tab-separated, a header line first, then line number,
 * condition, sentence, negation ({@code Affirmed}/{@code Negated}), temporality ({@code Recent}/{@code Historical}/
 * {@code Not particular}) and experiencer ({@code Patient}/{@code Other}/{@code Family member}). The condition is
 * looked for case-insensitively in its sentence (first match); lines where it is not found are counted in
 * {@link #skipped()} and left out. Immutable, thread-safe.
 *
 * @param lines the lines whose condition was found, in file order
 * @param skipped how many lines were left out because their condition is not in their sentence
 */
public record ContextKit(List<Line> lines, int skipped) {
    public ContextKit {
        lines = List.copyOf(lines);
        if (skipped < 0) {
            throw new IllegalArgumentException("skipped " + skipped + " must not be negative");
        }
    }

    /**
     * One annotated condition in its sentence. Immutable, thread-safe.
     *
     * @param number the line number the kit gives
     * @param sentence the sentence
     * @param condition where the condition stands in the sentence
     * @param gold the annotation
     */
    public record Line(String number, String sentence, TextSpan condition, ContextLabels gold) {
        public Line {
            Objects.requireNonNull(number, "number must not be null");
            Objects.requireNonNull(sentence, "sentence must not be null");
            Objects.requireNonNull(condition, "condition must not be null");
            Objects.requireNonNull(gold, "gold must not be null");
            if (condition.end() > sentence.length()) {
                throw new IllegalArgumentException(
                        "condition " + condition + " must lie within the sentence of length " + sentence.length());
            }
        }
    }

    /**
     * Reads a kit from its lines (the header first).
     *
     * @param source names the kit in error messages
     * @throws ConfigurationException naming the line for a row without six columns or with a value out of the kit's
     *     vocabulary
     */
    public static ContextKit parse(String source, List<String> rows) {
        List<Line> lines = new ArrayList<>();
        int skipped = 0;
        for (int i = 1; i < rows.size(); i++) {
            String row = rows.get(i);
            if (row.isBlank()) {
                continue;
            }
            String[] columns = row.split("\t", -1);
            if (columns.length < 6) {
                throw new ConfigurationException(source + " line " + (i + 1) + ": " + columns.length
                        + " tab-separated columns, expected 6 (number, condition, sentence, negation, temporality, "
                        + "experiencer)");
            }
            String condition = columns[1].strip();
            String sentence = columns[2];
            int at = condition.isEmpty()
                    ? -1
                    : sentence.toLowerCase(Locale.ROOT).indexOf(condition.toLowerCase(Locale.ROOT));
            ContextLabels gold = new ContextLabels(
                    value(source, i, "negation", columns[3], "affirmed", "negated")
                            .equals("negated"),
                    value(source, i, "temporality", columns[4], "recent", "historical", "not particular")
                            .equals("historical"),
                    value(source, i, "temporality", columns[4], "recent", "historical", "not particular")
                            .equals("not particular"),
                    !value(source, i, "experiencer", columns[5], "patient", "other", "family member")
                            .equals("patient"));
            if (at < 0) {
                skipped++;
                continue;
            }
            lines.add(new Line(columns[0].strip(), sentence, new TextSpan(at, at + condition.length()), gold));
        }
        return new ContextKit(lines, skipped);
    }

    private static String value(String source, int index, String column, String raw, String... allowed) {
        String value = raw.strip().toLowerCase(Locale.ROOT);
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw new ConfigurationException(source + " line " + (index + 1) + ": " + column + " '" + raw.strip()
                + "' must be one of " + String.join(", ", allowed) + " (any case)");
    }
}
