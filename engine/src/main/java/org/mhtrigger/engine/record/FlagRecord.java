package org.mhtrigger.engine.record;

import java.time.Instant;

/**
 * A flag raised on the patient's record. Immutable, thread-safe.
 *
 * @param source the Flag
 * @param kind canonical kind: {@code absconding}, or {@code other}
 * @param display the code's display or text
 * @param start when the flag was raised
 */
public record FlagRecord(SourceRef source, String kind, String display, Instant start) {
    public FlagRecord {
        Checks.require(source, "flag source");
        Checks.requireText(kind, "flag kind");
        Checks.require(start, "flag start");
        display = display == null ? "" : display;
    }
}
