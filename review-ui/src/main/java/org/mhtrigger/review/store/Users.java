package org.mhtrigger.review.store;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
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
    private final Duration oneTimeValidity;
    private final Clock clock;

    /** With one-time passwords good for {@link #ONE_TIME_VALIDITY}. */
    public Users(JdbcClient jdbc, PasswordEncoder encoder, AuditTrail audit) {
        this(jdbc, encoder, audit, ONE_TIME_VALIDITY.toHours());
    }

    /** @param oneTimeHours how long a one-time password an administrator sets may be used to sign in */
    @Autowired
    public Users(
            JdbcClient jdbc,
            PasswordEncoder encoder,
            AuditTrail audit,
            @Value("${mhtrigger.accounts.one-time-password-hours:72}") long oneTimeHours) {
        if (oneTimeHours < 1) {
            throw new IllegalArgumentException(
                    "mhtrigger.accounts.one-time-password-hours " + oneTimeHours + " must be at least 1");
        }
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
        this.oneTimeValidity = Duration.ofHours(oneTimeHours);
        this.clock = Clock.systemUTC();
    }

    /** How long a one-time password is good for unless configured otherwise: three days, a weekend's reach. */
    public static final Duration ONE_TIME_VALIDITY = Duration.ofHours(72);

    /** User names of accounts that sign in through the OIDC provider start with this; local names cannot. */
    public static final String EXTERNAL_PREFIX = "sso:";

    /**
     * One account, without its password hash.
     *
     * @param external whether it signs in through the OIDC provider (never with a password)
     * @param mustChangePassword whether it holds a one-time password its owner must replace before anything else
     * @param sessionStamp raised whenever the account's sessions must end; see {@link #sessionStamp(String)}
     * @param oneTimeExpires when its one-time password stops working; null when it has none
     */
    public record User(
            long id,
            String username,
            String displayName,
            Role role,
            boolean enabled,
            boolean external,
            boolean mustChangePassword,
            long sessionStamp,
            Instant oneTimeExpires) {
        /** Whether it holds a one-time password that can no longer be used to sign in at {@code now}. */
        public boolean oneTimeExpired(Instant now) {
            return mustChangePassword && oneTimeExpires != null && !now.isBefore(oneTimeExpires);
        }
    }

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

    /** The time by which one-time passwords are judged expired. */
    public Instant now() {
        return clock.instant();
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
        checkPassword(username, password);
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
        String cleaned = preferredName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._@-]", "-");
        return EXTERNAL_PREFIX + (cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned);
    }

    /**
     * Sets a new password that its owner need not change (the audit row records that it changed, never the password
     * or its hash). Used by the demo and the load benchmark; an administrator uses {@link #resetPassword}.
     */
    @Transactional
    public void setPassword(String username, String password, String actor) {
        User user = local(username);
        checkPassword(username, password);
        jdbc.sql("UPDATE app_user SET password_hash = ?, must_change_password = FALSE, one_time_expires_at = NULL,"
                        + " version = version + 1"
                        + " WHERE id = ?")
                .params(encoder.encode(password), user.id())
                .update();
        audit.append(actor, "user", user.id(), null, "password", null, "(changed)", null);
    }

    /**
     * Gives a local account a new random one-time password, returned to be shown once and never stored in clear; its
     * owner must choose a new password at the next sign-in, within the configured validity (72 hours unless set), and
     * the account's sessions end.
     *
     * @throws IllegalArgumentException for an unknown account or one that signs in through single sign-on
     */
    @Transactional
    public String resetPassword(String username, String actor) {
        User user = local(username);
        String oneTime = oneTimePassword();
        Instant expires = clock.instant().plus(oneTimeValidity);
        jdbc.sql("UPDATE app_user SET password_hash = ?, must_change_password = TRUE, one_time_expires_at = ?,"
                        + " session_stamp = session_stamp + 1, version = version + 1 WHERE id = ?")
                .params(encoder.encode(oneTime), Timestamp.from(expires), user.id())
                .update();
        audit.append(
                actor,
                "user",
                user.id(),
                null,
                "password",
                null,
                "(reset to a one-time password, good until " + expires + ")",
                null);
        return oneTime;
    }

    /**
     * The owner's own change of password: the current one must match, the new one must meet {@link
     * #checkPassword(String, String)} and differ from it. Sessions of the account end, except the one the caller
     * goes on with, which takes the returned stamp.
     *
     * @return the account's new session stamp
     * @throws IllegalArgumentException when the current password is wrong or the new one is not acceptable
     */
    @Transactional
    public long changeOwnPassword(String username, String currentPassword, String newPassword) {
        User user = local(username);
        String hash = credentials(username).orElseThrow().passwordHash();
        if (currentPassword == null || !encoder.matches(currentPassword, hash)) {
            throw new IllegalArgumentException("the current password is not right; nothing was changed");
        }
        checkPassword(username, newPassword);
        if (newPassword.equals(currentPassword)) {
            throw new IllegalArgumentException("the new password must differ from the current one");
        }
        jdbc.sql("UPDATE app_user SET password_hash = ?, must_change_password = FALSE, one_time_expires_at = NULL,"
                        + " session_stamp = session_stamp + 1, version = version + 1 WHERE id = ?")
                .params(encoder.encode(newPassword), user.id())
                .update();
        audit.append(username, "user", user.id(), null, "password", null, "(changed by its owner)", null);
        return user.sessionStamp() + 1;
    }

    /**
     * Disables or enables an account; a disabled account cannot sign in (password or single sign-on) and its sessions
     * end on their next request. An administrator cannot disable their own account, so that one always remains.
     */
    @Transactional
    public void setEnabled(String username, boolean enabled, String actor) {
        User user = existing(username);
        if (!enabled && user.username().equals(actor)) {
            throw new IllegalArgumentException("you cannot disable your own account");
        }
        if (user.enabled() == enabled) {
            return;
        }
        jdbc.sql("UPDATE app_user SET enabled = ?, session_stamp = session_stamp + 1, version = version + 1"
                        + " WHERE id = ?")
                .params(enabled, user.id())
                .update();
        audit.append(actor, "user", user.id(), null, "enabled", user.enabled(), enabled, null);
    }

    /**
     * Changes a local account's role; its sessions end, so the new role applies from its next sign-in. Accounts of
     * the single sign-on provider take their role from the provider at each sign-in, so it is changed there. An
     * administrator cannot change their own role.
     */
    @Transactional
    public void changeRole(String username, Role role, String actor) {
        User user = local(username);
        if (user.username().equals(actor)) {
            throw new IllegalArgumentException("you cannot change your own role; another administrator can");
        }
        if (user.role() == role) {
            return;
        }
        jdbc.sql("UPDATE app_user SET role = ?, session_stamp = session_stamp + 1, version = version + 1 WHERE id = ?")
                .params(role.name(), user.id())
                .update();
        audit.append(actor, "user", user.id(), null, "role", user.role().label(), role.label(), null);
    }

    private User existing(String username) {
        return find(username).orElseThrow(() -> new IllegalArgumentException("no user '" + username + "'"));
    }

    private User local(String username) {
        User user = existing(username);
        if (user.external()) {
            throw new IllegalArgumentException("'" + username
                    + "' signs in through single sign-on: its password and role are managed by the sign-in provider");
        }
        return user;
    }

    /** What external accounts hold instead of a password hash: no encoder reads it, and form login skips them. */
    private static final String NO_PASSWORD = "(single sign-on)";

    /** Characters of one-time passwords: no 0/O, 1/l/I, so that it can be read out over the phone. */
    private static final String ONE_TIME_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Four groups of four characters, e.g. {@code k7pq-x3mz-9hta-wr2e}: 80 bits. */
    static String oneTimePassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(ONE_TIME_ALPHABET.charAt(RANDOM.nextInt(ONE_TIME_ALPHABET.length())));
        }
        return password.toString();
    }

    /** The longest password in UTF-8 bytes: bcrypt reads no more than 72. */
    static final int MAX_PASSWORD_BYTES = 72;

    /**
     * The password policy: at least 12 characters, at most {@value #MAX_PASSWORD_BYTES} bytes in UTF-8, and not
     * containing the user name. Length over complexity rules, as NIST SP 800-63B advises.
     */
    public static void checkPassword(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < 12) {
            throw new IllegalArgumentException("password must be at least 12 characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("password must be at most " + MAX_PASSWORD_BYTES + " bytes");
        }
        if (password.isBlank()) {
            throw new IllegalArgumentException("password must not be only spaces");
        }
        if (username != null
                && username.length() >= 3
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("password must not contain the user name");
        }
    }

    private static User user(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp expires = rs.getTimestamp("one_time_expires_at");
        return new User(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                rs.getBoolean("enabled"),
                rs.getString("external_subject") != null,
                rs.getBoolean("must_change_password"),
                rs.getLong("session_stamp"),
                expires == null ? null : expires.toInstant());
    }
}
