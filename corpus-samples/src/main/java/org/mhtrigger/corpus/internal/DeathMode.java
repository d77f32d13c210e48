package org.mhtrigger.corpus.internal;

/** How and when a synthetic patient dies, relative to the last stay. */
public enum DeathMode {
    /** Alive at the end of follow-up. */
    NONE,
    /** Dies on the ward: discharge disposition "exp", deceased date, and notes say so (MH-C06 both sources). */
    IN_STAY,
    /** Dies on leave; only the notes record it, the Patient resource does not (MH-C06 text only). */
    ON_LEAVE_TEXT_ONLY,
    /** Dies 29 days after discharge; only the Patient's deceased date shows it (MH-C06 structured only). */
    AFTER_DISCHARGE_WITHIN_WINDOW,
    /** Dies 32 days after discharge with a date-only deceased date: just outside the 30-day window. */
    AFTER_DISCHARGE_OUTSIDE_WINDOW,
    /** Dies years later; no trigger. */
    LATE
}
