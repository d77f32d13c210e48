package org.mhtrigger.rules.internal;

/** ICD-10 code groups used by the rules. Stateless, thread-safe. */
public final class Icd10 {
    private Icd10() {}

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

    /** Whether the three-character category of {@code code} lies in {@code [from, to]}. */
    static boolean inRange(String code, String from, String to) {
        if (code == null || code.length() < 3) {
            return false;
        }
        String category = code.substring(0, 3).toUpperCase(java.util.Locale.ROOT);
        return category.compareTo(from) >= 0 && category.compareTo(to) <= 0;
    }
}
