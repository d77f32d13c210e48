package org.mhtrigger.corpus.internal;

import java.time.ZonedDateTime;

/**
 * The timeline of one psychiatric inpatient stay, decided at patient level: admission, discharge, the previous
 * discharge (for readmissions), an optional emergency visit after discharge, and whether the patient dies in or
 * after it. Immutable.
 */
public record StayPlan(
        int index,
        ZonedDateTime admitted,
        ZonedDateTime discharged,
        ZonedDateTime previousDischarge,
        ZonedDateTime emergencyAfterDischarge,
        DeathMode death,
        ZonedDateTime deathTime) {

    /** The earliest time an in-stay ED or acute encounter may start so that it never lands in the previous stay's post-discharge window. */
    public ZonedDateTime earliestTransfer() {
        if (previousDischarge == null) {
            return admitted;
        }
        ZonedDateTime clear = previousDischarge.plusDays(9);
        return clear.isAfter(admitted) ? clear : admitted;
    }

    public double lengthOfStayDays() {
        return java.time.Duration.between(admitted, discharged).toMinutes() / 1440.0;
    }
}
