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

    /** One account, without its password hash. */
    public record User(long id, String username, String displayName, Role role, boolean enabled) {}

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

    /** Sets a new password (the audit row records that it changed, never the password or its hash). */
    @Transactional
    public void setPassword(String username, String password, String actor) {
        checkPassword(password);
        User user = find(username).orElseThrow(() -> new IllegalArgumentException("no user '" + username + "'"));
        jdbc.sql("UPDATE app_user SET password_hash = ?, version = version + 1 WHERE id = ?")
                .params(encoder.encode(password), user.id())
                .update();
        audit.append(actor, "user", user.id(), null, "password", null, "(changed)", null);
    }

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
                rs.getBoolean("enabled"));
    }
}
