package org.mhtrigger.engine.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Record-level scores: a (record, trigger) pair is a true positive when it is both predicted and in the gold labels.
 * Immutable, thread-safe.
 *
 * @param perTrigger one row per trigger seen in either set, by code
 * @param micro totals over all triggers
 * @param records how many records were scored (the union of the gold and the predicted record sets)
 */
public record Evaluation(List<TriggerScore> perTrigger, TriggerScore micro, int records) {
    public Evaluation {
        perTrigger = List.copyOf(perTrigger);
        Objects.requireNonNull(micro, "micro must not be null");
    }

    /**
     * Scores predicted triggers per record against gold triggers per record. A record in the gold labels with no
     * triggers must be present with an empty set.
     */
    public static Evaluation score(Map<String, Set<String>> gold, Map<String, Set<String>> predicted) {
        Set<String> records = new TreeSet<>(gold.keySet());
        records.addAll(predicted.keySet());
        Map<String, int[]> counts = new TreeMap<>();
        for (String record : records) {
            Set<String> expected = gold.getOrDefault(record, Set.of());
            Set<String> found = predicted.getOrDefault(record, Set.of());
            for (String trigger : found) {
                counts.computeIfAbsent(trigger, t -> new int[3])[expected.contains(trigger) ? 0 : 1]++;
            }
            for (String trigger : expected) {
                if (!found.contains(trigger)) {
                    counts.computeIfAbsent(trigger, t -> new int[3])[2]++;
                }
            }
        }
        List<TriggerScore> rows = new ArrayList<>();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (var entry : counts.entrySet()) {
            int[] c = entry.getValue();
            rows.add(new TriggerScore(entry.getKey(), c[0], c[1], c[2]));
            tp += c[0];
            fp += c[1];
            fn += c[2];
        }
        return new Evaluation(rows, new TriggerScore("micro", tp, fp, fn), records.size());
    }
}
