package org.mhtrigger.fhir.internal;

import java.util.Locale;
import java.util.Set;

/** Text normalisation for matching codes' displays against mapping tables. Stateless, thread-safe. */
public final class Text {
    private Text() {}

    /** Lower case, {@code µ} as {@code u}, runs of anything but letters and digits as one space, trimmed. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean gap = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == 'µ' || c == 'μ') {
                c = 'u';
            }
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                if (gap && !out.isEmpty()) {
                    out.append(' ');
                }
                gap = false;
                out.append(c);
            } else {
                gap = true;
            }
        }
        return out.toString();
    }

    /** Whether normalised {@code haystack} contains normalised {@code words} as whole words. */
    public static boolean containsWords(String normalisedHaystack, String normalisedWords) {
        if (normalisedWords.isEmpty()) {
            return false;
        }
        return (" " + normalisedHaystack + " ").contains(" " + normalisedWords + " ");
    }

    /** {@link #normalise} and then drop the given filler words. */
    public static String withoutWords(String normalised, Set<String> filler) {
        StringBuilder out = new StringBuilder();
        for (String word : normalised.split(" ")) {
            if (!word.isEmpty() && !filler.contains(word)) {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                out.append(word);
            }
        }
        return out.toString();
    }

    /**
     * Whether {@code text} from {@code from} on is a plain id: one or more letters, digits, {@code -} and {@code .}, as
     * exporters write ids. HAPI's {@code IdType} reads such a value as that id part unchanged, and the fast parser
     * takes a resource id of this form as it is.
     */
    public static boolean isPlainId(String text, int from) {
        if (from >= text.length()) {
            return false;
        }
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /** A short, safe rendering of an input token for a message: at most 24 characters of letters, digits and {@code /.[]*{}%-}. */
    public static String safeToken(String value) {
        if (value == null) {
            return "";
        }
        String kept = value.replaceAll("[^A-Za-z0-9/.\\[\\]*{}%\\-]", "");
        return kept.length() > 24 ? kept.substring(0, 24) + "…" : kept;
    }

    /**
     * {@code value} with control characters escaped ({@code \n}, {@code \r}, {@code \t}, else {@code \}{@code uXXXX}),
     * so that a file name holding a line break cannot split or forge a one-line message.
     */
    public static String printable(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
            if (control && out == null) {
                out = new StringBuilder(value.length() + 8).append(value, 0, i);
            }
            if (out != null) {
                if (!control) {
                    out.append(c);
                } else if (c == '\n') {
                    out.append("\\n");
                } else if (c == '\r') {
                    out.append("\\r");
                } else if (c == '\t') {
                    out.append("\\t");
                } else {
                    out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                }
            }
        }
        return out == null ? value : out.toString();
    }
}
