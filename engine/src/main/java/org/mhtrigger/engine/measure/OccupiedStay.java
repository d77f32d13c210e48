package org.mhtrigger.engine.measure;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import org.mhtrigger.engine.sampling.ReviewPeriod;

/**
 * A screened stay (sampled or not) as bed occupancy, for the rate of restrictive practice. Immutable, thread-safe.
 *
 * @param stayId key of the stay
 * @param ward the ward or unit
 * @param admitted admission time
 * @param discharged discharge time
 */
public record OccupiedStay(String stayId, String ward, Instant admitted, Instant discharged) {
    public OccupiedStay {
        Objects.requireNonNull(stayId, "stay id must not be null");
        Objects.requireNonNull(admitted, "admission must not be null");
        Objects.requireNonNull(discharged, "discharge must not be null");
        ward = ward == null ? "" : ward;
        if (discharged.isBefore(admitted)) {
            throw new IllegalArgumentException("discharge " + discharged + " is before admission " + admitted);
        }
    }

    /** Days (hours ÷ 24, not rounded) of this stay that fall inside {@code period}'s UTC days. */
    public double occupiedDaysIn(ReviewPeriod period) {
        Instant from = period.start().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = period.endExclusive().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant start = admitted.isAfter(from) ? admitted : from;
        Instant end = discharged.isBefore(to) ? discharged : to;
        return end.isAfter(start) ? (end.getEpochSecond() - start.getEpochSecond()) / 86_400.0 : 0.0;
    }
}
