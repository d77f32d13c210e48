package org.mhtrigger.engine.measure;

import java.util.Optional;

/** The restrictive practices counted per occupied bed-day, with the trigger that finds each. Thread-safe. */
public enum RestrictivePractice {
    RESTRAINT("MH-R01"),
    SECLUSION("MH-R02"),
    RAPID_TRANQUILLISATION("MH-R03");

    private final String trigger;

    RestrictivePractice(String trigger) {
        this.trigger = trigger;
    }

    public String trigger() {
        return trigger;
    }

    /** The practice a trigger code finds, if it is one of MH-R01–R03. */
    public static Optional<RestrictivePractice> ofTrigger(String code) {
        for (RestrictivePractice practice : values()) {
            if (practice.trigger.equals(code)) {
                return Optional.of(practice);
            }
        }
        return Optional.empty();
    }
}
