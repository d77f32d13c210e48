package org.mhtrigger.engine.screen;

import java.util.Objects;

/**
 * Input that was not screened, and why: a file, a line of a file, or a resource. Immutable, thread-safe.
 *
 * @param source the file, {@code file:line}, or resource reference
 * @param reason one line, without patient data
 */
public record Rejection(String source, String reason) {
    public Rejection {
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(reason, "reason must not be null");
    }

    @Override
    public String toString() {
        return source + ": " + reason;
    }
}
