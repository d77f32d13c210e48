package org.mhtrigger.engine.evaluation;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The scores of a context classifier on a {@link ContextKit}, one per attribute. Immutable, thread-safe.
 *
 * @param attributes negated, historical, hypothetical and other, in that order
 * @param lines how many kit lines were classified
 * @param skipped how many kit lines were left out (condition not found)
 */
public record ContextKitScore(List<Attribute> attributes, int lines, int skipped) {
    public ContextKitScore {
        attributes = List.copyOf(attributes);
    }

    /**
     * The counts for one attribute, its presence being the positive class. Immutable, thread-safe.
     *
     * @param trueNegatives lines where neither gold nor the classifier gives the attribute
     */
    public record Attribute(String name, int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {
        public TriggerScore score() {
            return new TriggerScore(name, truePositives, falsePositives, falseNegatives);
        }

        public double accuracy() {
            int all = truePositives + falsePositives + falseNegatives + trueNegatives;
            return all == 0 ? 1.0 : (double) (truePositives + trueNegatives) / all;
        }
    }

    /** Scores {@code classifier}'s labels for every line of {@code kit} against the kit's. */
    public static ContextKitScore of(ContextKit kit, Function<ContextKit.Line, ContextLabels> classifier) {
        List<ContextLabels> predicted = kit.lines().stream().map(classifier).toList();
        return new ContextKitScore(
                List.of(
                        attribute("negated", kit, predicted, ContextLabels::negated),
                        attribute("historical", kit, predicted, ContextLabels::historical),
                        attribute("hypothetical", kit, predicted, ContextLabels::hypothetical),
                        attribute("other", kit, predicted, ContextLabels::other)),
                kit.lines().size(),
                kit.skipped());
    }

    private static Attribute attribute(
            String name, ContextKit kit, List<ContextLabels> predicted, Predicate<ContextLabels> has) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (int i = 0; i < predicted.size(); i++) {
            boolean gold = has.test(kit.lines().get(i).gold());
            boolean found = has.test(predicted.get(i));
            if (gold && found) {
                tp++;
            } else if (found) {
                fp++;
            } else if (gold) {
                fn++;
            } else {
                tn++;
            }
        }
        return new Attribute(name, tp, fp, fn, tn);
    }

    /** The summary line: {@code negated=0.981 historical=0.657 hypothetical=0.963 other=0.800 lines=N skipped=M}. */
    public String summary() {
        StringBuilder line = new StringBuilder();
        for (Attribute a : attributes) {
            line.append(a.name())
                    .append('=')
                    .append(String.format(
                            java.util.Locale.ROOT, "%.3f", a.score().f1()))
                    .append(' ');
        }
        return line.append("lines=")
                .append(lines)
                .append(" skipped=")
                .append(skipped)
                .toString();
    }
}
