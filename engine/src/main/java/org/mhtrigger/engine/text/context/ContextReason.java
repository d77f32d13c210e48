package org.mhtrigger.engine.text.context;

import java.util.Objects;
import java.util.regex.Pattern;
import org.mhtrigger.engine.record.TextSpan;
import org.mhtrigger.engine.screen.Assertion;

/**
 * Why a mention has one of its context attributes: the cue (and where it stands) or the rule that gave it. Immutable,
 * thread-safe.
 *
 * @param category the attribute given (never termination or pseudo)
 * @param rule what gave it: {@code cue}, {@code date}, {@code section}
 * @param evidence the cue, date or section header as written in the note
 * @param span where the evidence stands in the note text; {@code null} when it has no place of its own
 * @param detail how the rule read the evidence, after it in {@link #describe()} ("(2025-01-03) before admission
 *     2025-03-05" for a date); empty when there is nothing to add
 */
public record ContextReason(CueCategory category, String rule, String evidence, TextSpan span, String detail) {
    /**
     * A run of white space. Compiled once: a reason is described for every mention that is not affirmed, and
     * {@code String.replaceAll} compiled its pattern each time (1% of note matching's samples, flight recording).
     */
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    public ContextReason {
        Objects.requireNonNull(category, "category must not be null");
        if (category.assertion() == null) {
            throw new IllegalArgumentException("category " + category + " gives no attribute");
        }
        Objects.requireNonNull(rule, "rule must not be null");
        Objects.requireNonNull(evidence, "evidence must not be null");
        detail = detail == null ? "" : detail.strip();
    }

    /** {@code text} with each run of white space (line breaks included) written as one space, for a reviewer. */
    static String oneLine(String text) {
        return WHITE_SPACE.matcher(text).replaceAll(" ");
    }

    /** A reason with nothing to add to its evidence. */
    public ContextReason(CueCategory category, String rule, String evidence, TextSpan span) {
        this(category, rule, evidence, span, "");
    }

    /** The assertion the attribute stands for when a mention is screened. */
    public Assertion assertion() {
        return category.assertion();
    }

    /**
     * In a reviewer's words: {@code negated by 'not required'}, {@code historical by date '03/01' (2025-01-03) before
     * admission 2025-03-05}.
     */
    public String describe() {
        String attribute =
                category == CueCategory.UNCERTAIN ? "uncertain" : assertion().label();
        String by = rule.equals("cue") ? "" : rule + " ";
        return attribute + " by " + by + "'" + oneLine(evidence) + "'" + (detail.isEmpty() ? "" : " " + detail);
    }
}
