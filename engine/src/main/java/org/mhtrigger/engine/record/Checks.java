package org.mhtrigger.engine.record;

import java.util.Objects;

/** Argument checks shared by the records of this package. Stateless, thread-safe. */
final class Checks {
    private Checks() {}

    static String requireText(String value, String field) {
        Objects.requireNonNull(value, field + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    static <T> T require(T value, String field) {
        return Objects.requireNonNull(value, field + " must not be null");
    }
}
