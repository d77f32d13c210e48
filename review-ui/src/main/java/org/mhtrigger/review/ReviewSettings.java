package org.mhtrigger.review;

import java.util.List;
import java.util.Objects;
import org.mhtrigger.engine.screen.TriggerDefinition;

/**
 * How to start the review UI. Immutable, thread-safe.
 *
 * @param port HTTP port; 0 picks a free one
 * @param jdbcUrl the database, e.g. {@code jdbc:h2:file:./data/demo} or {@code jdbc:postgresql://host/db}
 * @param dbUser database user, {@code ""} for none
 * @param dbPassword database password, {@code ""} for none
 * @param catalogue the trigger catalogue reviewers pick from when they add a trigger the engine missed
 * @param bindAddress the address to listen on, e.g. {@code 127.0.0.1} for the demo
 * @param auditKeyFile the audit chain's key file, {@code ""} for the default ({@code <database>.audit-key} next to an
 *     H2 database; required for other databases); created with a random key when missing
 */
public record ReviewSettings(
        int port,
        String jdbcUrl,
        String dbUser,
        String dbPassword,
        List<TriggerDefinition> catalogue,
        String bindAddress,
        String auditKeyFile) {
    public ReviewSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " must be between 0 and 65535");
        }
        Objects.requireNonNull(jdbcUrl, "jdbcUrl must not be null");
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("database URL '" + jdbcUrl + "' must start with jdbc:");
        }
        dbUser = dbUser == null ? "" : dbUser;
        dbPassword = dbPassword == null ? "" : dbPassword;
        catalogue = List.copyOf(catalogue);
        bindAddress = bindAddress == null ? "" : bindAddress;
        auditKeyFile = auditKeyFile == null ? "" : auditKeyFile;
    }

    /** Settings with the default audit key file. */
    public ReviewSettings(
            int port,
            String jdbcUrl,
            String dbUser,
            String dbPassword,
            List<TriggerDefinition> catalogue,
            String bindAddress) {
        this(port, jdbcUrl, dbUser, dbPassword, catalogue, bindAddress, "");
    }
}
