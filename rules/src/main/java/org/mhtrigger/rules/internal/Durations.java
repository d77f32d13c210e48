package org.mhtrigger.rules.internal;

import java.time.Duration;

/** Converts configured windows (fractional days or hours) to durations. Stateless, thread-safe. */
public final class Durations {
    private Durations() {}

    public static Duration days(double days) {
        return Duration.ofSeconds(Math.round(days * 86_400));
    }

    public static Duration hours(double hours) {
        return Duration.ofSeconds(Math.round(hours * 3_600));
    }
}
