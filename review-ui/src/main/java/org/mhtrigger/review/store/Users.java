package org.mhtrigger.review.store;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** User accounts; passwords are stored only as hashes from the configured encoder. Thread-safe. */
@Repository
public class Users {
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;

    public Users(JdbcClient jdbc, PasswordEncoder encoder, AuditTrail audit) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
    }

    /** User names of accounts that sign in through the OIDC provider start with this; local names cannot. */
    public static final String EXTERNAL_PREFIX = "sso:";

    /**
     * One account, without its password hash.
     *
     * @param external whether it signs in through the OIDC provider (never with a password)
     */
    public record User(long id, String username, String displayName, Role role, boolean enabled, boolean external) {}

    /** An account with its hash, for the login check only. */
    public record Credentials(User user, String passwordHash) {}

    public Optional<Credentials> credentials(String username) {
        return jdbc.sql("SELECT * FROM app_user WHERE username = ?")
                .param(username)
                .query((rs, row) -> new Credentials(user(rs), rs.getString("password_hash")))
                .optional();
    }

    public Optional<User> find(String username) {
        return credentials(username).map(Credentials::user);
    }

    public List<User> all() {
        return jdbc.sql("SELECT * FROM app_user ORDER BY role, username")
                .query((rs, row) -> user(rs))
                .list();
    }

    public List<String> usernamesWithRole(Role role) {
        return jdbc.sql("SELECT username FROM app_user WHERE role = ? AND enabled ORDER BY username")
                .param(role.name())
                .query(String.class)
                .list();
    }

    /** Creates an account; the password must be at least 12 characters. */
    @Transactional
    public User create(String username, String displayName, Role role, String password, String actor) {
        if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            throw new IllegalArgumentException(
                    "username '" + username + "' must be 2-64 characters of a-z, 0-9, '.', '_' or '-'");
        }
        checkPassword(password);
        if (find(username).isPresent()) {
            throw new IllegalArgumentException("username '" + username + "' is taken");
        }
        jdbc.sql("INSERT INTO app_user (username, display_name, password_hash, role, enabled, version)"
                        + " VALUES (?, ?, ?, ?, TRUE, 0)")
                .params(username, displayName, encoder.encode(password), role.name())
                .update();
        User user = find(username).orElseThrow();
        audit.append(actor, "user", user.id(), null, "username", null, username, null);
        audit.append(actor, "user", user.id(), null, "role", null, role.label(), null);
        return user;
    }

    /**
     * The account of someone the OIDC provider signed in, created on their first sign-in and given the role the
     * provider says now (a change is audited). It is found by the provider's subject, never by name: its user name is
     * {@code sso:} and the provider's preferred user name, so a provider user called {@code admin} becomes
     * {@code sso:admin} and can never reach the local {@code admin} account.
     *
     * @param subject the provider's issuer and subject, e.g. {@code "https://idp.example.org 8c1f..."}
     * @param preferredName the provider's {@code preferred_username}, or the subject when it has none
     * @throws IllegalStateException when the account is disabled or its user name belongs to another subject
     */
    @Transactional
    public User signInExternal(String subject, String preferredName, String displayName, Role role) {
        Optional<User> known = jdbc.sql("SELECT * FROM app_user WHERE external_subject = ?")
                .param(subject)
                .query((rs, row) -> user(rs))
                .optional();
        if (known.isPresent()) {
            User user = known.get();
            if (!user.enabled()) {
                throw new IllegalStateException("account '" + user.username() + "' is disabled");
            }
            if (user.role() != role) {
                jdbc.sql("UPDATE app_user SET role = ?, version = version + 1 WHERE id = ?")
                        .params(role.name(), user.id())
                        .update();
                audit.append("sso", "user", user.id(), null, "role", user.role().label(), role.label(), "role claim");
            }
            return find(user.username()).orElseThrow();
        }
        String username = externalUsername(preferredName);
        if (find(username).isPresent()) {
            throw new IllegalStateException("user name '" + username + "' belongs to another account");
        }
        String name = displayName == null || displayName.isBlank() ? username : displayName.strip();
        jdbc.sql("INSERT INTO app_user (username, display_name, password_hash, role, enabled, version,"
                        + " external_subject) VALUES (?, ?, ?, ?, TRUE, 0, ?)")
                .params(
                        username,
                        name.length() > 200 ? name.substring(0, 200) : name,
                        NO_PASSWORD,
                        role.name(),
                        subject)
                .update();
        User user = find(username).orElseThrow();
        audit.append("sso", "user", user.id(), null, "username", null, username, "first single sign-on");
        audit.append("sso", "user", user.id(), null, "role", null, role.label(), "role claim");
        return user;
    }

    /** {@code sso:} and the name in lower case, characters other than a-z 0-9 . _ @ - replaced by '-'. */
    static String externalUsername(String preferredName) {
        String cleaned = preferredName.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._@-]", "-");
        return EXTERNAL_PREFIX + (cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned);
    }

    /** Sets a new password (the audit row records that it changed, never the password or its hash). */
    @Transactional
    public void setPassword(String username, String password, String actor) {
        checkPassword(password);
        User user = find(username).orElseThrow(() -> new IllegalArgumentException("no user '" + username + "'"));
        if (user.external()) {
            throw new IllegalArgumentException(
                    "'" + username + "' signs in through single sign-on; it has no password");
        }
        jdbc.sql("UPDATE app_user SET password_hash = ?, version = version + 1 WHERE id = ?")
                .params(encoder.encode(password), user.id())
                .update();
        audit.append(actor, "user", user.id(), null, "password", null, "(changed)", null);
    }

    /** What external accounts hold instead of a password hash: no encoder reads it, and form login skips them. */
    private static final String NO_PASSWORD = "(single sign-on)";

    private static void checkPassword(String password) {
        if (password == null || password.length() < 12) {
            throw new IllegalArgumentException("password must be at least 12 characters");
        }
    }

    private static User user(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new User(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                rs.getBoolean("enabled"),
                rs.getString("external_subject") != null);
    }
}
