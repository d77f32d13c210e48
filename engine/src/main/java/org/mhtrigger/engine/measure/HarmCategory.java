package org.mhtrigger.engine.measure;

import java.util.Arrays;
import java.util.List;

/**
 * NCC MERP harm categories as adapted for trigger tools (docs/spec/triggers.md). Only E–I count in harm rates; A–D are errors
 * without harm. Thread-safe.
 */
public enum HarmCategory {
    A("Circumstances or events that could cause error"),
    B("Error that did not reach the patient"),
    C("Error that reached the patient without harm"),
    D("Error that needed monitoring to confirm no harm"),
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

    /** Whether events in this category count in harm rates (E–I). */
    public boolean isHarm() {
        return compareTo(E) >= 0;
    }

    /** The categories that count in harm rates, E to I: the ones a review records adverse events under. */
    public static List<HarmCategory> harms() {
        return HARMS;
    }

    private static final List<HarmCategory> HARMS =
            Arrays.stream(values()).filter(HarmCategory::isHarm).toList();

    /**
     * The category named by {@code letter} ("E", "f"), or {@code null} for null or blank.
     *
     * @throws IllegalArgumentException naming the value when it is not A–I
     */
    public static HarmCategory parse(String letter) {
        if (letter == null || letter.isBlank()) {
            return null;
        }
        try {
            return valueOf(letter.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("harm category '" + letter + "' must be one of A-I", e);
        }
    }
}
