package org.mhtrigger.engine.record;

import java.util.Comparator;

/**
 * The resource a fact came from, as named in the input: {@code type} is the FHIR resource type ("Observation",
 * "DocumentReference", …) and {@code id} its logical id. Immutable, thread-safe.
 */
public record SourceRef(String type, String id) {
    /** The order of {@link #toString()}, without building the strings: findings are sorted by it. */
    public static final Comparator<SourceRef> BY_TEXT = SourceRef::compareText;

    public SourceRef {
        Checks.requireText(type, "source type");
        Checks.requireText(id, "source id");
    }

    @Override
    public String toString() {
        return type + "/" + id;
    }

    private static int compareText(SourceRef a, SourceRef b) {
        int aLength = a.type.length() + 1 + a.id.length();
        int bLength = b.type.length() + 1 + b.id.length();
        for (int i = 0, n = Math.min(aLength, bLength); i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return x - y;
            }
        }
        return aLength - bLength;
    }

    /** The character at {@code i} of {@link #toString()}. */
    private char charAt(int i) {
        int slash = type.length();
        return i < slash ? type.charAt(i) : i == slash ? '/' : id.charAt(i - slash - 1);
    }
}
