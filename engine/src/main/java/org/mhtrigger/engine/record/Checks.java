package org.mhtrigger.engine.record;

/**
 * Argument checks shared by the records of this package. Stateless, thread-safe. Messages are built only when a check
 * fails: records are made millions of times in a read.
 */
final class Checks {
    private Checks() {}

    static String requireText(String value, String field) {
        require(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    static <T> T require(T value, String field) {
        if (value == null) {
            throw new NullPointerException(field + " must not be null");
        }
        return value;
    }
}
