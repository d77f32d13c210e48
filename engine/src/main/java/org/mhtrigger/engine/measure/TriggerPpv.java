package org.mhtrigger.engine.measure;

import java.util.Objects;

/**
 * A trigger's positive predictive value over reviewed stays: stays where it fired and a confirmed event was linked
 * to it ÷ stays where it fired. Immutable, thread-safe.
 *
 * @param trigger the trigger code
 * @param hits reviewed stays in which it fired
 * @param positive of those, stays with a confirmed event linked to the trigger
 */
public record TriggerPpv(String trigger, int hits, int positive) {
    public TriggerPpv {
        Objects.requireNonNull(trigger, "trigger must not be null");
        if (hits < 0 || positive < 0 || positive > hits) {
            throw new IllegalArgumentException(
                    trigger + ": positive " + positive + " and hits " + hits + " must satisfy 0 <= positive <= hits");
        }
    }

    /** positive ÷ hits, or {@link Double#NaN} when it never fired. */
    public double ppv() {
        return hits == 0 ? Double.NaN : (double) positive / hits;
    }
}
