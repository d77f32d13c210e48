package org.mhtrigger.fhir.internal.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import java.util.function.Function;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;

/**
 * The dateTime form nearly every export writes, {@code yyyy-MM-ddTHH:mm:ss[.fraction]} with {@code Z} or {@code
 * ±HH:mm}, read by hand. Stateless, thread-safe.
 *
 * <p>{@link java.time.OffsetDateTime#parse} costs several times more than this, and HAPI's own dateTime parse, which
 * builds and normalises a {@link java.util.GregorianCalendar} per value, more again: on a 10,000-stay export it was
 * about a fifth of the fast parser's time, for millions of values. Any other form, and any value out of range, is left
 * to the full parser, so a result is always the one it would give.
 */
public final class UsualDateTime {
    /**
     * From here on, {@link java.util.GregorianCalendar} (HAPI's parse) and {@link java.time} (this class) count days
     * alike; before the Gregorian change of 1582 they do not, so earlier values are left to HAPI.
     */
    private static final Instant GREGORIAN = Instant.parse("1600-01-01T00:00:00Z");

    private UsualDateTime() {}

    /** The instant {@code t} names, or {@code null} if it is not in the usual form or is out of range. */
    public static Instant instant(String t) {
        int n = t.length();
        if (n < 20
                || t.charAt(4) != '-'
                || t.charAt(7) != '-'
                || t.charAt(10) != 'T'
                || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (t.charAt(at) == '.') {
            int end = at + 1;
            while (end < n && isDigit(t.charAt(end))) {
                end++;
            }
            int count = end - at - 1;
            if (count < 1 || count > 9) {
                return null;
            }
            nanos = digits(t, at + 1, end);
            for (int i = count; i < 9; i++) {
                nanos *= 10;
            }
            at = end;
        }
        int offsetSeconds;
        if (at == n - 1 && t.charAt(at) == 'Z') {
            offsetSeconds = 0;
        } else if (at == n - 6 && (t.charAt(at) == '+' || t.charAt(at) == '-') && t.charAt(at + 3) == ':') {
            int hours = digits(t, at + 1, at + 3);
            int minutes = digits(t, at + 4, at + 6);
            if (hours < 0 || hours > 17 || minutes < 0 || minutes > 59) {
                return null;
            }
            offsetSeconds = (t.charAt(at) == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
        } else {
            return null;
        }
        if (day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds, nanos);
    }

    /** The {@link Date} HAPI's parse gives {@code t}, or {@code null} when HAPI must parse it itself. */
    static Date date(String t) {
        Instant instant = instant(t);
        return instant == null || instant.isBefore(GREGORIAN) ? null : Date.from(instant);
    }

    /** {@link #date}, or what HAPI's own parse ({@code hapi}) gives when the text is not in the usual form. */
    private static Date dateOr(String t, Function<String, Date> hapi) {
        Date usual = date(t);
        return usual != null ? usual : hapi.apply(t);
    }

    /** The decimal value of {@code t[from, to)}, or {@code -1} if any of it is not an ASCII digit. */
    private static int digits(String t, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * A dateTime read on the fast path: its text as written and its instant, as HAPI keeps them, the instant read by
     * hand when the text is in the usual form. Only these two are read downstream; the precision, zone and fraction
     * that HAPI's parse also records are then left at their defaults.
     */
    static final class PlainDateTime extends DateTimeType {
        private static final long serialVersionUID = 1L;

        PlainDateTime(String text) {
            super(text);
        }

        @Override
        protected Date parse(String value) {
            return dateOr(value, super::parse);
        }
    }

    /** An instant read on the fast path, on the terms of {@link PlainDateTime}. */
    static final class PlainInstant extends InstantType {
        private static final long serialVersionUID = 1L;

        PlainInstant(String text) {
            super(text);
        }

        @Override
        protected Date parse(String value) {
            return dateOr(value, super::parse);
        }
    }
}
