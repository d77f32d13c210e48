package org.mhtrigger.review.store;

/**
 * Harm categories counted in harm rates (NCC MERP as adapted for trigger tools; triggers.md). Categories A-D are
 * errors without harm and are not recorded as adverse events. Thread-safe.
 */
public enum HarmCategory {
    E("Temporary harm that needed intervention"),
    F("Temporary harm that needed initial or prolonged hospitalisation"),
    G("Permanent harm"),
    H("Intervention needed to sustain life"),
    I("Death");

    private final String definition;

    HarmCategory(String definition) {
        this.definition = definition;
    }

    public String definition() {
        return definition;
    }
}
