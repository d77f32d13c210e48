package org.mhtrigger.engine.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mhtrigger.engine.screen.Assertion;

/**
 * Mention-level scores. Detection: an affirmed gold mention is found when an affirmed predicted mention of the same
 * trigger overlaps it in the same note; affirmed predictions that match no affirmed gold mention are false positives.
 * Context: of the gold mentions the matcher found at all (any assertion), how many got the gold assertion. Immutable,
 * thread-safe.
 *
 * @param perTrigger affirmed-mention detection per trigger
 * @param micro detection over all triggers
 * @param contextFound gold mentions (any assertion) that the matcher found
 * @param contextCorrect of those, how many have the gold assertion
 * @param goldMentions how many gold mentions there were, any assertion
 */
public record MentionEvaluation(
        List<TriggerScore> perTrigger, TriggerScore micro, int contextFound, int contextCorrect, int goldMentions) {
    public MentionEvaluation {
        perTrigger = List.copyOf(perTrigger);
    }

    /** The share of found gold mentions whose assertion is right; 1.0 when none was found. */
    public double contextAccuracy() {
        return contextFound == 0 ? 1.0 : (double) contextCorrect / contextFound;
    }

    public static MentionEvaluation score(List<GoldMention> gold, List<GoldMention> predicted) {
        Map<String, List<GoldMention>> predictedByNote = new HashMap<>();
        for (GoldMention p : predicted) {
            predictedByNote.computeIfAbsent(p.note(), n -> new ArrayList<>()).add(p);
        }
        Map<String, int[]> counts = new TreeMap<>();
        int found = 0;
        int correct = 0;
        java.util.Set<GoldMention> matchedPredictions = new java.util.HashSet<>();
        for (GoldMention g : gold) {
            List<GoldMention> candidates = predictedByNote.getOrDefault(g.note(), List.of());
            GoldMention any = null;
            GoldMention affirmed = null;
            for (GoldMention p : candidates) {
                if (p.sameMention(g)) {
                    any = any == null ? p : any;
                    if (p.assertion() == Assertion.AFFIRMED && affirmed == null) {
                        affirmed = p;
                    }
                }
            }
            if (any != null) {
                found++;
                GoldMention chosen = g.assertion() == Assertion.AFFIRMED && affirmed != null ? affirmed : any;
                if (chosen.assertion() == g.assertion()) {
                    correct++;
                }
            }
            if (g.assertion() == Assertion.AFFIRMED) {
                int[] c = counts.computeIfAbsent(g.trigger(), t -> new int[3]);
                if (affirmed != null) {
                    c[0]++;
                    matchedPredictions.add(affirmed);
                } else {
                    c[2]++;
                }
            }
        }
        for (GoldMention p : predicted) {
            if (p.assertion() != Assertion.AFFIRMED || matchedPredictions.contains(p)) {
                continue;
            }
            boolean coversAffirmedGold =
                    gold.stream().anyMatch(g -> g.assertion() == Assertion.AFFIRMED && g.sameMention(p));
            if (!coversAffirmedGold) {
                counts.computeIfAbsent(p.trigger(), t -> new int[3])[1]++;
            }
        }
        List<TriggerScore> rows = new ArrayList<>();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (var e : counts.entrySet()) {
            int[] c = e.getValue();
            rows.add(new TriggerScore(e.getKey(), c[0], c[1], c[2]));
            tp += c[0];
            fp += c[1];
            fn += c[2];
        }
        return new MentionEvaluation(rows, new TriggerScore("micro", tp, fp, fn), found, correct, gold.size());
    }
}
