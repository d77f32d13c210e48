package org.mhtrigger.rules.internal;

import java.time.Duration;
import java.time.Instant;
import org.mhtrigger.engine.record.SourceRef;
import org.mhtrigger.engine.record.Stay;

/**
 * The time frame a record is reviewed in, as a fact for the rules: the stay from admission to discharge, cut at the
 * review-window cap. Immutable, thread-safe.
 *
 * @param encounter the stay's Encounter, the source of findings about the stay as a whole
 * @param admitted start of the stay
 * @param discharged end of the stay
 * @param end the last instant that counts: discharge, or admission + the cap when that comes first
 */
public record ReviewWindow(SourceRef encounter, Instant admitted, Instant discharged, Instant end) {
    public static ReviewWindow of(Stay stay, double capDays) {
        Instant cap = stay.admitted().plus(Durations.days(capDays));
        Instant end = cap.isBefore(stay.discharged()) ? cap : stay.discharged();
        return new ReviewWindow(
                new SourceRef("Encounter", stay.encounterId()), stay.admitted(), stay.discharged(), end);
    }

    /** Whether {@code time} lies in the stay and not after the cap, both ends included. */
    public boolean covers(Instant time) {
        return time != null && !time.isBefore(admitted) && !time.isAfter(end);
    }

    /** Whether {@code time} is in the stay and strictly more than {@code hours} after admission. */
    public boolean laterThanHours(Instant time, double hours) {
        return covers(time) && time.isAfter(admitted.plus(Durations.hours(hours)));
    }

    /** Whether {@code time} is from admission up to {@code hours} after it, both ends included. */
    public boolean withinHoursOfAdmission(Instant time, double hours) {
        return time != null && !time.isBefore(admitted) && !time.isAfter(admitted.plus(Durations.hours(hours)));
    }

    /** Whether {@code time} is no later than {@code hours} after admission (documents made before admission count). */
    public boolean byHoursAfterAdmission(Instant time, double hours) {
        return time != null && !time.isAfter(admitted.plus(Durations.hours(hours)));
    }

    /** Whether the stay, cut at the cap, lasted at least {@code hours}: only then can a deadline be missed. */
    public boolean lastedHours(double hours) {
        return !end.isBefore(admitted.plus(Durations.hours(hours)));
    }

    /** Admission plus {@code hours}. */
    public Instant admittedPlusHours(double hours) {
        return admitted.plus(Durations.hours(hours));
    }

    /** Whether {@code time} is from the admission up to {@code days} after discharge (not cut at the cap). */
    public boolean fromAdmissionToDaysAfterDischarge(Instant time, double days) {
        return time != null && !time.isBefore(admitted) && !time.isAfter(discharged.plus(Durations.days(days)));
    }

    /** Whether {@code time} is strictly after discharge and at most {@code days} after it. */
    public boolean withinDaysAfterDischarge(Instant time, double days) {
        return time != null && time.isAfter(discharged) && !time.isAfter(discharged.plus(Durations.days(days)));
    }

    /** Whether an earlier stay ending at {@code previousEnd} ended before admission and at most {@code days} before. */
    public boolean readmittedWithinDays(Instant previousEnd, double days) {
        return previousEnd != null
                && previousEnd.isBefore(admitted)
                && !Duration.between(previousEnd, admitted)
                        .minus(Durations.days(days))
                        .isPositive();
    }

    /** Whole days, with one decimal, between an earlier discharge and this admission, for evidence. */
    public String daysSince(Instant previousEnd) {
        return Evidence.number(
                Math.round(Duration.between(previousEnd, admitted).toMinutes() / 144.0) / 10.0);
    }
}
