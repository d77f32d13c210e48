package org.mhtrigger.engine.record;

/** Whether a medication event is a dose given (or not given) or an order. */
public enum MedicationEventKind {
    /** A MedicationAdministration: a dose given, or recorded as not given. */
    ADMINISTRATION,
    /** A MedicationRequest: an order, with its status (active, stopped, on-hold, …). */
    ORDER
}
