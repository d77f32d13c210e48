package org.mhtrigger.engine.measure;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A sampled stay whose review is authenticated: the denominator of the harm rates. Immutable, thread-safe.
 *
 * @param stayId key of the stay (an opaque id, never a patient identifier)
 * @param ward the ward or unit
 * @param patientDays length of stay in days, not rounded, cut at the review-window cap ({@link #lengthOfStayDays})
 * @param triggers codes of the triggers found in the stay (engine and reviewer), each counted once
 */
public record ReviewedStay(String stayId, String ward, double patientDays, Set<String> triggers) {
    public ReviewedStay {
        Objects.requireNonNull(stayId, "stay id must not be null");
        ward = ward == null ? "" : ward;
        if (!(patientDays >= 0) || Double.isInfinite(patientDays)) {
            throw new IllegalArgumentException("patient days " + patientDays + " must be a finite number >= 0");
        }
        triggers = Set.copyOf(triggers);
    }

    /**
     * Length of stay in days as docs/spec/method.md §3 defines it: (discharge − admission) in hours ÷ 24, not rounded, with
     * the stay cut at {@code reviewWindowDays} from admission.
     *
     * @throws IllegalArgumentException if discharge is before admission or the window is not positive
     */
    public static double lengthOfStayDays(Instant admitted, Instant discharged, int reviewWindowDays) {
        Objects.requireNonNull(admitted, "admission must not be null");
        Objects.requireNonNull(discharged, "discharge must not be null");
        if (discharged.isBefore(admitted)) {
            throw new IllegalArgumentException("discharge " + discharged + " is before admission " + admitted);
        }
        if (reviewWindowDays <= 0) {
            throw new IllegalArgumentException("review window " + reviewWindowDays + " days must be > 0");
        }
        double seconds = Duration.between(admitted, discharged).toSeconds();
        return Math.min(seconds / 86_400.0, reviewWindowDays);
    }
}
