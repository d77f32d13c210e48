package org.mhtrigger.engine.record;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One closed inpatient stay: the unit a trigger-tool review reads. Immutable, thread-safe.
 *
 * @param encounterId the Encounter's logical id as given in the input
 * @param patientId the Patient's logical id
 * @param admitted start of the stay
 * @param discharged end of the stay; never before {@code admitted}
 * @param ward ward or unit name, {@code ""} if unknown
 * @param disposition where the patient went on discharge
 * @param offset the UTC offset the record's times were written in (from its admission time), which defines the
 *     ward's calendar days; UTC when not known
 */
public record Stay(
        String encounterId,
        String patientId,
        Instant admitted,
        Instant discharged,
        String ward,
        DischargeDisposition disposition,
        ZoneOffset offset) {
    /** A stay whose times are read in UTC. */
    public Stay(
            String encounterId,
            String patientId,
            Instant admitted,
            Instant discharged,
            String ward,
            DischargeDisposition disposition) {
        this(encounterId, patientId, admitted, discharged, ward, disposition, ZoneOffset.UTC);
    }

    public Stay {
        Checks.requireText(encounterId, "encounter id");
        Checks.requireText(patientId, "patient id");
        Checks.require(admitted, "admitted");
        Checks.require(discharged, "discharged");
        if (discharged.isBefore(admitted)) {
            throw new IllegalArgumentException(
                    "stay " + encounterId + " discharged " + discharged + " must not be before admitted " + admitted);
        }
        ward = ward == null ? "" : ward;
        disposition = disposition == null ? DischargeDisposition.UNKNOWN : disposition;
        offset = offset == null ? ZoneOffset.UTC : offset;
    }

    /** The ward's calendar day of {@code time}. */
    public LocalDate localDate(Instant time) {
        return LocalDate.ofInstant(time, offset);
    }

    /** Length of stay in days: hours between admission and discharge divided by 24, not rounded (docs/spec/method.md §3). */
    public double lengthOfStayDays() {
        return Duration.between(admitted, discharged).toSeconds() / 86_400.0;
    }

    /** Whether {@code time} falls inside the stay, both ends included. */
    public boolean contains(Instant time) {
        return time != null && !time.isBefore(admitted) && !time.isAfter(discharged);
    }
}
