package org.mhtrigger.engine.record;

import java.time.Instant;

/**
 * Another encounter of the same patient: an ED visit, a transfer to an acute hospital, an earlier or later stay.
 * Immutable, thread-safe.
 *
 * @param id the Encounter's logical id
 * @param kind what kind of care it was
 * @param start when it began
 * @param end when it ended, {@code null} if open or unknown
 */
public record LinkedEncounter(String id, EncounterKind kind, Instant start, Instant end) {
    public LinkedEncounter {
        Checks.requireText(id, "encounter id");
        Checks.require(kind, "encounter kind");
        Checks.require(start, "encounter start");
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException(
                    "encounter " + id + " end " + end + " must not be before start " + start);
        }
    }
}
