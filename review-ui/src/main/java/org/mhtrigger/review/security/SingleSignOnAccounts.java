package org.mhtrigger.review.security;

import java.io.Serial;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mhtrigger.review.store.Role;
import org.mhtrigger.review.store.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns someone the OIDC provider signed in (ID token already verified) into an external account: exactly one of
 * reviewer, physician, safety-lead or admin must be in the roles claim, otherwise sign-in is refused. Thread-safe.
 */
final class SingleSignOnAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {
    private static final Logger LOG = LoggerFactory.getLogger(SingleSignOnAccounts.class);

    private final OidcUserService delegate = new OidcUserService();
    private final Users users;
    private final String rolesClaim;

    SingleSignOnAccounts(Users users, String rolesClaim) {
        this.users = users;
        this.rolesClaim = rolesClaim;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser provided = delegate.loadUser(request);
        Set<Role> roles = roles(claim(provided.getClaims(), rolesClaim));
        if (roles.size() != 1) {
            LOG.warn("single sign-on refused: the '{}' claim names {} known roles, not one", rolesClaim, roles.size());
            throw new OAuth2AuthenticationException(new OAuth2Error(
                    "access_denied", "the provider gave no single review role (" + rolesClaim + ")", null));
        }
        Role role = roles.iterator().next();
        String issuer = String.valueOf(provided.getIssuer());
        String preferred = provided.getPreferredUsername() == null
                        || provided.getPreferredUsername().isBlank()
                ? provided.getSubject()
                : provided.getPreferredUsername();
        Users.User user;
        try {
            user = users.signInExternal(issuer + " " + provided.getSubject(), preferred, provided.getFullName(), role);
        } catch (IllegalStateException e) {
            LOG.warn("single sign-on refused: {}", e.getMessage());
            throw new OAuth2AuthenticationException(new OAuth2Error("access_denied", e.getMessage(), null));
        }
        return new Account(
                List.of(new SimpleGrantedAuthority(role.authority())),
                provided.getIdToken(),
                provided.getUserInfo(),
                user.username());
    }

    /** A claim by name; a dotted name walks into nested objects, e.g. Keycloak's {@code realm_access.roles}. */
    static Object claim(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        if (value != null || !name.contains(".")) {
            return value;
        }
        Object current = claims;
        for (String part : name.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    /** The known roles a claim names: a JSON array, or one string of names separated by spaces or commas. */
    static Set<Role> roles(Object claim) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Collection<?> values = claim instanceof Collection<?> c
                ? c
                : claim instanceof String s ? List.of((Object[]) s.split("[\\s,]+")) : List.of();
        for (Object value : values) {
            String text = String.valueOf(value).strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                roles.add(Role.parse(text));
            } catch (IllegalArgumentException e) {
                // a role of some other application: not ours
            }
        }
        return roles;
    }

    /** An OIDC user whose name is the account's user name ({@code sso:...}), which the rest of the code looks up. */
    static final class Account extends DefaultOidcUser {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String username;

        Account(
                Collection<? extends GrantedAuthority> authorities,
                OidcIdToken idToken,
                OidcUserInfo userInfo,
                String username) {
            super(authorities, idToken, userInfo);
            this.username = username;
        }

        @Override
        public String getName() {
            return username;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Account a && a.username.equals(username) && super.equals(other);
        }

        @Override
        public int hashCode() {
            return username.hashCode();
        }
    }
}
