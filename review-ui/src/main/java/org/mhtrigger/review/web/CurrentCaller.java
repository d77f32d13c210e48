package org.mhtrigger.review.web;

import org.mhtrigger.review.store.Caller;
import org.mhtrigger.review.store.Users;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Resolves the signed-in user into a {@link Caller} from the database, so role changes apply at once. */
@Component
public class CurrentCaller {
    private final Users users;

    public CurrentCaller(Users users) {
        this.users = users;
    }

    public Caller get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new AccessDeniedException("not signed in");
        }
        return users.find(auth.getName())
                .filter(Users.User::enabled)
                .map(u -> new Caller(u.username(), u.displayName(), u.role()))
                .orElseThrow(() -> new AccessDeniedException("account unknown or disabled"));
    }

    /** The caller, or null when nobody is signed in (for the page header). */
    public Caller orNull() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
            return null;
        }
        return users.find(auth.getName())
                .map(u -> new Caller(u.username(), u.displayName(), u.role()))
                .orElse(null);
    }
}
