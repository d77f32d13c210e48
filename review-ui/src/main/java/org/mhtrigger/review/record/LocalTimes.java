package org.mhtrigger.review.record;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.mhtrigger.engine.ConfigurationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Date-times as clinicians read them, in the organisation's time zone: {@code Mon 3 Mar 2025 06:00}. The zone is the
 * setting {@code mhtrigger.time-zone} (an IANA name such as {@code Europe/London}; environment variable
 * {@code MHTRIGGER_TIME_ZONE}), by default the server's own zone. Immutable, thread-safe.
 */
@Component
public final class LocalTimes {
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("EEE d MMM uuuu HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d", Locale.UK);

    private final ZoneId zone;

    @Autowired
    public LocalTimes(@Value("${mhtrigger.time-zone:}") String zone) {
        this(parse(zone));
    }

    public LocalTimes(ZoneId zone) {
        this.zone = java.util.Objects.requireNonNull(zone, "zone must not be null");
    }

    private static ZoneId parse(String name) {
        if (name == null || name.isBlank()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(name.strip());
        } catch (DateTimeException e) {
            throw new ConfigurationException("mhtrigger.time-zone '" + name.strip()
                    + "' is not a time zone: give an IANA name such as Europe/London or Asia/Singapore");
        }
    }

    public ZoneId zone() {
        return zone;
    }

    /** {@code Mon 3 Mar 2025 06:00}; {@code ""} for null. */
    public String format(Instant instant) {
        return instant == null ? "" : FULL.format(instant.atZone(zone));
    }

    /** The instant as an ISO offset date-time in the zone, for {@code <time datetime>}; {@code ""} for null. */
    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }

    /** {@code 3 Mar}: the day, for chart axes. */
    public String dayMonth(Instant instant) {
        return DAY_MONTH.format(instant.atZone(zone));
    }

    /** The days of {@code [from, to]}, written short: {@code 3–14 Mar 2025}, {@code 28 Feb – 3 Mar 2025}. */
    public String range(Instant from, Instant to) {
        ZonedDateTime a = from.atZone(zone);
        ZonedDateTime b = to.atZone(zone);
        if (a.toLocalDate().equals(b.toLocalDate())) {
            return DAY_MONTH_YEAR.format(a);
        }
        if (a.getYear() == b.getYear() && a.getMonth() == b.getMonth()) {
            return DAY.format(a) + "–" + DAY_MONTH_YEAR.format(b);
        }
        if (a.getYear() == b.getYear()) {
            return DAY_MONTH.format(a) + " – " + DAY_MONTH_YEAR.format(b);
        }
        return DAY_MONTH_YEAR.format(a) + " – " + DAY_MONTH_YEAR.format(b);
    }
}
