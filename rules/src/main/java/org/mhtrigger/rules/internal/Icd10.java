package org.mhtrigger.rules.internal;

/** ICD-10 code groups used by the rules. Stateless, thread-safe. */
public final class Icd10 {
    private Icd10() {}

    /** SNOMED CT 82313006 "Suicide attempt". */
    public static final String SNOMED_SUICIDE_ATTEMPT = "82313006";

    /** Intentional self-harm, X60–X84. */
    public static boolean selfHarm(String code) {
        return inRange(code, "X60", "X84");
    }

    /** Infections: A00–B99, pneumonia J09–J18, urinary tract infection N39.0, cellulitis L03. */
    public static boolean infection(String code) {
        return inRange(code, "A00", "B99")
                || inRange(code, "J09", "J18")
                || code.startsWith("N39.0")
                || code.equals("N390")
                || inRange(code, "L03", "L03");
    }

    /** Falls, W00–W19. */
    public static boolean fall(String code) {
        return inRange(code, "W00", "W19");
    }

    /** Pressure ulcer, L89. */
    public static boolean pressureUlcer(String code) {
        return inRange(code, "L89", "L89");
    }

    /** Epilepsy and status epilepticus G40–G41, convulsions R56. */
    public static boolean seizure(String code) {
        return inRange(code, "G40", "G41") || inRange(code, "R56", "R56");
    }

    /** Aspiration pneumonitis J69, foreign body in the respiratory tract T17 (choking). */
    public static boolean chokingOrAspiration(String code) {
        return inRange(code, "J69", "J69") || inRange(code, "T17", "T17");
    }

    /** Cardiac arrest, I46. */
    public static boolean cardiacArrest(String code) {
        return inRange(code, "I46", "I46");
    }

    /** Whether the three-character category of {@code code} lies in {@code [from, to]}. */
    static boolean inRange(String code, String from, String to) {
        if (code == null || code.length() < 3) {
            return false;
        }
        String category = code.substring(0, 3).toUpperCase(java.util.Locale.ROOT);
        return category.compareTo(from) >= 0 && category.compareTo(to) <= 0;
    }
}
