package org.mhtrigger.review.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Refuses sign-in while a user name and address pair, or an address as a whole, is locked out, and counts failures.
 * The pair is the key so that failures from one address never lock the account's owner out from their own address.
 * A refused attempt still checks the password (and answers "locked" whatever it was), so that it takes as long as a
 * wrong password: no timing tells a locked account apart. Thread-safe.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {
    private static final Logger LOG = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

    private static final String ANY_USER = "";

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final LoginThrottle perAddress;

    /**
     * @param throttle failures per user name and address
     * @param perAddress failures per address over all user names (password spraying), counted under one key
     */
    ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle, LoginThrottle perAddress) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.perAddress = perAddress;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : "";
        if (throttle.locked(username, address) || perAddress.locked(ANY_USER, address)) {
            try {
                delegate.authenticate(authentication); // the same work as any attempt; its outcome is ignored
            } catch (AuthenticationException e) {
                // locked whatever the password was
            }
            LOG.warn("sign-in refused: too many failures from one address");
            throw new LockedException("too many failed sign-ins; try again later");
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            if (result != null && result.isAuthenticated()) {
                throttle.succeeded(username, address);
            }
            return result;
        } catch (AuthenticationException e) {
            throttle.failed(username, address);
            perAddress.failed(ANY_USER, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
