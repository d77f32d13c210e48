package org.mhtrigger.engine.measure;

import java.util.Objects;

/**
 * One measure for one period: numerator ÷ denominator × the measure's multiplier. Immutable, thread-safe.
 *
 * @param measure which measure
 * @param numerator the count of events, episodes or stays
 * @param denominator patient-days, bed-days or stays; 0 when the period has none
 */
public record Rate(Measure measure, double numerator, double denominator) {
    public Rate {
        Objects.requireNonNull(measure, "measure must not be null");
        if (!(numerator >= 0) || !(denominator >= 0)) {
            throw new IllegalArgumentException(
                    measure.code() + ": numerator " + numerator + " and denominator " + denominator + " must be >= 0");
        }
    }

    /** Whether the rate is defined (the denominator is not zero). */
    public boolean defined() {
        return denominator > 0;
    }

    /** The rate, or {@link Double#NaN} when the denominator is zero. */
    public double value() {
        return defined() ? numerator / denominator * measure.multiplier() : Double.NaN;
    }
}
