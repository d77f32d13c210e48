package org.mhtrigger.engine.measure;

/** Which way a measure moves when care improves; decides whether a signal is an improvement or a concern. */
public enum Direction {
    LOWER_IS_BETTER("decrease"),
    HIGHER_IS_BETTER("increase");

    private final String fhirCode;

    Direction(String fhirCode) {
        this.fhirCode = fhirCode;
    }

    /** The code in FHIR's measure-improvement-notation code system. */
    public String fhirCode() {
        return fhirCode;
    }

    /** Whether a movement to the side {@code above} (true: up, false: down) is an improvement. */
    public boolean improves(boolean above) {
        return above == (this == HIGHER_IS_BETTER);
    }
}
