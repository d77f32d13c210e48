package org.mhtrigger.engine.evaluation;

/**
 * Counts for one trigger (or for all, micro-averaged). Immutable, thread-safe.
 *
 * <p>Precision is 1.0 when nothing was predicted and recall is 1.0 when nothing was expected: an empty row is not a
 * failure.
 */
public record TriggerScore(String trigger, int truePositives, int falsePositives, int falseNegatives) {
    public TriggerScore {
        if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0) {
            throw new IllegalArgumentException("counts must not be negative: tp=" + truePositives + " fp="
                    + falsePositives + " fn=" + falseNegatives);
        }
    }

    public double precision() {
        int predicted = truePositives + falsePositives;
        return predicted == 0 ? 1.0 : (double) truePositives / predicted;
    }

    public double recall() {
        int expected = truePositives + falseNegatives;
        return expected == 0 ? 1.0 : (double) truePositives / expected;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }
}
