package org.mhtrigger.engine.record;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A pseudonymous patient. Immutable, thread-safe.
 *
 * @param id the Patient's logical id as given in the input (pseudonymous)
 * @param sex administrative gender code ({@code "female"}, {@code "male"}, {@code "other"}, {@code "unknown"})
 * @param birthDate birth date; when only the year is known, 1 January of that year; {@code null} if unknown
 * @param deceased when the patient died, {@code null} if not known to have died (a date-only death is that day's
 *     start)
 */
public record Patient(String id, String sex, LocalDate birthDate, Instant deceased) {
    public Patient {
        Checks.requireText(id, "patient id");
        sex = sex == null || sex.isBlank() ? "unknown" : sex;
    }
}
