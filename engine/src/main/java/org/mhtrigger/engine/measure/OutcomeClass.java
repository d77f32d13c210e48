package org.mhtrigger.engine.measure;

/** What kind of event reviewers found (docs/spec/triggers.md, outcome classes). Thread-safe. */
public enum OutcomeClass {
    ADVERSE_EVENT("Adverse event"),
    ADVERSE_DRUG_EVENT("Adverse drug event"),
    MH_SAFETY_INCIDENT("Mental-health patient-safety incident"),
    QUALITY_OF_CARE("Quality-of-care finding");

    private final String label;

    OutcomeClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Adverse events and adverse drug events count in harm rates (when in harm categories E–I). */
    public boolean isAdverseEvent() {
        return this == ADVERSE_EVENT || this == ADVERSE_DRUG_EVENT;
    }
}
