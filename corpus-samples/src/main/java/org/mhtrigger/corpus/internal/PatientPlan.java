package org.mhtrigger.corpus.internal;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

/** One synthetic patient and the timeline of all their stays. Immutable. */
public record PatientPlan(
        int firstStay,
        String patientId,
        String pseudonym,
        Site site,
        boolean male,
        LocalDate birthDate,
        List<StayPlan> stays,
        DeathMode death,
        ZonedDateTime deathTime,
        boolean deathDateOnly) {

    public PatientPlan {
        stays = List.copyOf(stays);
    }

    /** The same patient with no death known (the stays keep their plan). */
    public PatientPlan withoutDeath() {
        return new PatientPlan(
                firstStay, patientId, pseudonym, site, male, birthDate, stays, DeathMode.NONE, null, false);
    }

    /** Whether the Patient resource carries a deceased date (every death mode except the text-only one). */
    public boolean deceasedRecorded() {
        return death != DeathMode.NONE && death != DeathMode.ON_LEAVE_TEXT_ONLY;
    }

    public int ageAt(LocalDate date) {
        return java.time.Period.between(birthDate, date).getYears();
    }
}
