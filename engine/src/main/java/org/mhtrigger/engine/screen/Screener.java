package org.mhtrigger.engine.screen;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.mhtrigger.engine.record.SourceRef;
import org.mhtrigger.engine.record.StayRecord;

/**
 * Screens one record at a time: text matching, then the rules. Thread-safe when its matcher and evaluator are.
 */
public final class Screener {
    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::trigger)
            .thenComparing(Finding::at)
            .thenComparing(Finding::source, SourceRef.BY_TEXT)
            .thenComparingInt(f -> f.span() == null ? -1 : f.span().start());

    private final TextMatcher matcher;
    private final TriggerEvaluator evaluator;

    public Screener(TextMatcher matcher, TriggerEvaluator evaluator) {
        this.matcher = Objects.requireNonNull(matcher, "matcher must not be null");
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator must not be null");
    }

    /** Findings in a stable order (trigger, time, source, offset), and every mention found in the notes. */
    public Screening screen(StayRecord record) {
        List<TextHit> hits = matcher.match(record);
        List<Finding> findings =
                evaluator.evaluate(record, hits).stream().sorted(ORDER).toList();
        return new Screening(record.id(), findings, hits);
    }

    public String rulesetVersion() {
        return evaluator.rulesetVersion();
    }
}
