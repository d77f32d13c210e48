package org.mhtrigger.review.store;

import java.util.Objects;

/** The signed-in user a request acts for. Immutable, thread-safe. */
public record Caller(String username, String displayName, Role role) {
    public Caller {
        Objects.requireNonNull(username, "username must not be null");
        Objects.requireNonNull(displayName, "displayName must not be null");
        Objects.requireNonNull(role, "role must not be null");
    }

    public boolean is(Role other) {
        return role == other;
    }
}
