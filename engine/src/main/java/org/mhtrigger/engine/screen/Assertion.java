package org.mhtrigger.engine.screen;

/** The clinical context of a text mention. Only {@link #AFFIRMED} mentions become findings. */
public enum Assertion {
    /** Happened to the patient during this stay. */
    AFFIRMED,
    /** Denied or ruled out ("denies self-harm", "no falls"). */
    NEGATED,
    /** Before this stay ("history of overdose in 2016"). */
    HISTORICAL,
    /** A risk, plan, condition or possibility ("risk of absconding", "if discharged she would overdose"). */
    HYPOTHETICAL,
    /** About someone else ("mother attempted suicide", "another patient was secluded"). */
    OTHER_EXPERIENCER,
    /** A rule or expectation, not an event ("aggression will not be tolerated"). */
    POLICY;

    /** The lower-case word used in findings and gold files. */
    public String label() {
        return switch (this) {
            case AFFIRMED -> "affirmed";
            case NEGATED -> "negated";
            case HISTORICAL -> "historical";
            case HYPOTHETICAL -> "hypothetical";
            case OTHER_EXPERIENCER -> "other";
            case POLICY -> "policy";
        };
    }
}
