package org.mhtrigger.review.store;

/** What kind of event a reviewer found (docs/spec/triggers.md, outcome classes). Thread-safe. */
public enum OutcomeClass {
    ADVERSE_EVENT("Adverse event", "Physical harm from care; harm category E-I.", true),
    ADVERSE_DRUG_EVENT("Adverse drug event", "An adverse event caused by a medicine; harm category E-I.", true),
    MH_SAFETY_INCIDENT(
            "Mental-health patient-safety incident",
            "Self-harm, suicide attempt, violence, absconding, sexual safety; counted separately.",
            false),
    QUALITY_OF_CARE("Quality-of-care finding", "A gap in care; never counted in harm rates.", false);

    private final String label;
    private final String definition;
    private final boolean needsHarmCategory;

    OutcomeClass(String label, String definition, boolean needsHarmCategory) {
        this.label = label;
        this.definition = definition;
        this.needsHarmCategory = needsHarmCategory;
    }

    public String label() {
        return label;
    }

    public String definition() {
        return definition;
    }

    /** Adverse events and adverse drug events must carry a harm category E-I. */
    public boolean needsHarmCategory() {
        return needsHarmCategory;
    }
}
