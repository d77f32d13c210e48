package org.mhtrigger.engine.record;

/** Where the patient went at the end of a stay, normalised from the input's discharge disposition. */
public enum DischargeDisposition {
    HOME,
    ACUTE_HOSPITAL,
    PSYCHIATRIC_UNIT,
    CARE_HOME,
    DIED,
    AGAINST_ADVICE,
    OTHER,
    UNKNOWN
}
