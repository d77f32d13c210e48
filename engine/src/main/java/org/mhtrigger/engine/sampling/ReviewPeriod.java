package org.mhtrigger.engine.sampling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A review period: the days whose discharges make up a sampling frame. Immutable, thread-safe.
 *
 * <p>The default period is a calendar month ({@link #month}); a fortnight or any other run of days is written as
 * inclusive dates, {@code "2026-03-01/2026-03-14"}. Days are UTC days.
 *
 * @param start first day of the period
 * @param endExclusive the day after the last day of the period
 */
public record ReviewPeriod(LocalDate start, LocalDate endExclusive) {
    public ReviewPeriod {
        Objects.requireNonNull(start, "period start must not be null");
        Objects.requireNonNull(endExclusive, "period end must not be null");
        if (!start.isBefore(endExclusive)) {
            throw new IllegalArgumentException("period [" + start + ", " + endExclusive + ") must end after it starts");
        }
    }

    /** The calendar month {@code month}. */
    public static ReviewPeriod month(YearMonth month) {
        Objects.requireNonNull(month, "month must not be null");
        return new ReviewPeriod(month.atDay(1), month.plusMonths(1).atDay(1));
    }

    /**
     * Reads {@code "2026-03"} (a calendar month) or {@code "2026-03-01/2026-03-14"} (first and last day, both
     * inclusive).
     *
     * @throws IllegalArgumentException naming the text and the expected forms
     */
    public static ReviewPeriod parse(String text) {
        Objects.requireNonNull(text, "period must not be null");
        String value = text.strip();
        try {
            int slash = value.indexOf('/');
            if (slash < 0) {
                return month(YearMonth.parse(value));
            }
            LocalDate first = LocalDate.parse(value.substring(0, slash).strip());
            LocalDate last = LocalDate.parse(value.substring(slash + 1).strip());
            if (last.isBefore(first)) {
                throw new IllegalArgumentException(
                        "period '" + text + "' ends on " + last + ", before it starts on " + first);
            }
            return new ReviewPeriod(first, last.plusDays(1));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "period '" + text + "' must be a month (2026-03) or first and last day (2026-03-01/2026-03-14)", e);
        }
    }

    /** The last day of the period. */
    public LocalDate last() {
        return endExclusive.minusDays(1);
    }

    /** {@code "2026-03"} for a calendar month, otherwise {@code "2026-03-01/2026-03-14"}; {@link #parse} reads it back. */
    public String label() {
        if (start.getDayOfMonth() == 1 && endExclusive.equals(start.plusMonths(1))) {
            return YearMonth.from(start).toString();
        }
        return start + "/" + last();
    }

    /** Whether {@code time} falls on a (UTC) day of the period. */
    public boolean contains(Instant time) {
        return time != null
                && !time.isBefore(start.atStartOfDay(ZoneOffset.UTC).toInstant())
                && time.isBefore(endExclusive.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Override
    public String toString() {
        return label();
    }
}
