package org.mhtrigger.engine.sampling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.mhtrigger.engine.record.StayRecord;

/**
 * What sampling needs to know about one closed stay. Immutable, thread-safe.
 *
 * @param encounterId the stay's Encounter logical id: the sample lists these
 * @param patientId the Patient's logical id
 * @param admitted start of the stay
 * @param discharged end of the stay; never before {@code admitted}
 * @param ward ward or unit, {@code ""} if unknown (its own stratum when stratifying by ward)
 * @param birthDate the patient's birth date, {@code null} if unknown
 */
public record SamplingUnit(
        String encounterId, String patientId, Instant admitted, Instant discharged, String ward, LocalDate birthDate) {
    public SamplingUnit {
        Objects.requireNonNull(encounterId, "encounter id must not be null");
        if (encounterId.isBlank()) {
            throw new IllegalArgumentException("encounter id must not be blank");
        }
        Objects.requireNonNull(patientId, "patient id must not be null");
        Objects.requireNonNull(admitted, "admitted must not be null");
        Objects.requireNonNull(discharged, "discharged must not be null");
        if (discharged.isBefore(admitted)) {
            throw new IllegalArgumentException(
                    "stay " + encounterId + " discharged " + discharged + " must not be before admitted " + admitted);
        }
        ward = ward == null ? "" : ward;
    }

    /** The sampling view of a screened or read record. */
    public static SamplingUnit of(StayRecord record) {
        Objects.requireNonNull(record, "record must not be null");
        return new SamplingUnit(
                record.stay().encounterId(),
                record.patient().id(),
                record.stay().admitted(),
                record.stay().discharged(),
                record.stay().ward(),
                record.patient().birthDate());
    }
}
