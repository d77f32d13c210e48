package org.mhtrigger.engine.record;

/** What kind of care an encounter is, as far as the triggers care. */
public enum EncounterKind {
    /** A stay in a mental-health inpatient unit: the kind of encounter that is a record. */
    PSYCHIATRIC_INPATIENT,
    /** An acute medical, surgical or intensive-care admission. */
    ACUTE_INPATIENT,
    /** An emergency-department or other emergency contact. */
    EMERGENCY,
    /** Anything else: outpatient, home visit, virtual. */
    OTHER
}
