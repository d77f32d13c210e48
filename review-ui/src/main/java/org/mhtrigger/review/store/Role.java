package org.mhtrigger.review.store;

import java.util.Locale;

/** What a user may do. Thread-safe. */
public enum Role {
    /** Primary review of the records assigned to them. */
    REVIEWER("reviewer"),
    /** Authentication (electronic signature) of submitted reviews. */
    PHYSICIAN("physician"),
    /** Periods, samples, assignment, import, dashboards, exports. */
    SAFETY_LEAD("safety-lead"),
    /** User accounts only; no access to records. */
    ADMIN("admin");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The name users see and configuration uses, e.g. {@code safety-lead}. */
    public String label() {
        return label;
    }

    /** The Spring Security authority, e.g. {@code ROLE_SAFETY_LEAD}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Role parse(String text) {
        for (Role role : values()) {
            if (role.label.equals(text) || role.name().equals(text.toUpperCase(Locale.ROOT))) {
                return role;
            }
        }
        throw new IllegalArgumentException(
                "role '" + text + "' must be one of reviewer, physician, safety-lead, admin");
    }
}
