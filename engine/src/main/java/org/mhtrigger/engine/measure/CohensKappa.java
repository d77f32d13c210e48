package org.mhtrigger.engine.measure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Cohen's κ for two independent primary reviews of the same records (docs/spec/method.md §2): κ = (pₒ − pₑ) ÷ (1 − pₑ).
 * Stateless, thread-safe.
 */
public final class CohensKappa {
    private CohensKappa() {}

    /**
     * The two reviewers' category labels for one record (e.g. the highest harm category found, or "none").
     * Immutable, thread-safe.
     */
    public record LabelPair(String first, String second) {
        public LabelPair {
            Objects.requireNonNull(first, "first reviewer's label must not be null");
            Objects.requireNonNull(second, "second reviewer's label must not be null");
        }
    }

    /**
     * Agreement over {@code records} pairs.
     *
     * @param records the number of pairs
     * @param observed pₒ, the share of pairs with the same label
     * @param expected pₑ, the agreement expected by chance from each reviewer's label frequencies
     * @param kappa κ; {@link Double#NaN} when pₑ = 1 (both reviewers used one and the same label throughout)
     */
    public record Agreement(int records, double observed, double expected, double kappa) {}

    /** @throws IllegalArgumentException when there are no pairs */
    public static Agreement of(List<LabelPair> pairs) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("kappa needs at least one pair of labels, got none");
        }
        int n = pairs.size();
        Map<String, Integer> first = new HashMap<>();
        Map<String, Integer> second = new HashMap<>();
        int agree = 0;
        for (LabelPair pair : pairs) {
            first.merge(pair.first(), 1, Integer::sum);
            second.merge(pair.second(), 1, Integer::sum);
            if (pair.first().equals(pair.second())) {
                agree++;
            }
        }
        double observed = (double) agree / n;
        double expected = 0;
        for (Map.Entry<String, Integer> label : first.entrySet()) {
            expected += (double) label.getValue() / n * second.getOrDefault(label.getKey(), 0) / n;
        }
        double kappa = expected >= 1.0 ? Double.NaN : (observed - expected) / (1.0 - expected);
        return new Agreement(n, observed, expected, kappa);
    }
}
