package org.mhtrigger.review.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mhtrigger.engine.ConfigurationException;

/**
 * The deployment's secret key for the audit chain (HMAC-SHA-256). Held in a file of its own, never in the database:
 * by default next to an embedded H2 database ({@code <database>.audit-key}), generated on first start; for PostgreSQL
 * the file is named by {@code serve --audit-key FILE} (environment {@code MHTRIGGER_AUDIT_KEY_FILE}). An in-memory
 * database gets a key that lives as long as the process. Immutable, thread-safe; never printed.
 */
public final class AuditKey {
    /** File name suffix of the default key file next to an H2 database. */
    public static final String SUFFIX = ".audit-key";

    private final byte[] key;

    private AuditKey(byte[] key) {
        if (key.length < 32) {
            throw new ConfigurationException("audit key must be at least 32 bytes, found " + key.length);
        }
        this.key = key.clone();
    }

    /** A random key kept in memory only (in-memory databases, tests). */
    public static AuditKey ephemeral() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new AuditKey(key);
    }

    /** Reads the key file (64 hex digits). */
    public static AuditKey read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConfigurationException("audit key file " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigurationException("audit key file " + file + " cannot be read: " + e.getMessage());
        }
        try {
            return new AuditKey(HexFormat.of().parseHex(text));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("audit key file " + file + " must hold 64 hex digits");
        }
    }

    /** Reads the key file, first creating it (owner read/write only) with a fresh random key when it does not exist. */
    public static AuditKey readOrCreate(Path file) {
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(file, HexFormat.of().formatHex(key) + "\n", StandardOpenOption.CREATE_NEW);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the folder's permissions protect it
                }
            } catch (FileAlreadyExistsException e) {
                // another process created it first: use theirs
            } catch (IOException e) {
                throw new UncheckedIOException("audit key file " + file + " cannot be created", e);
            }
        }
        return read(file);
    }

    /** The default key file of an H2 database kept in files ({@code <database>.audit-key}); empty for others. */
    public static Optional<Path> defaultFile(String jdbcUrl) {
        return DatabaseUrls.h2Files(jdbcUrl).map(database -> Path.of(database + SUFFIX));
    }

    /**
     * The key for the database at {@code jdbcUrl}: {@code keyFile} when given (created if missing), else the default
     * file next to an H2 database (created if missing), else an ephemeral key for an in-memory H2 database.
     *
     * @throws ConfigurationException for another database without a key file
     */
    public static AuditKey forDatabase(String jdbcUrl, String keyFile) {
        if (keyFile != null && !keyFile.isBlank()) {
            return readOrCreate(Path.of(keyFile.strip()));
        }
        Optional<Path> file = defaultFile(jdbcUrl);
        if (file.isPresent()) {
            return readOrCreate(file.get());
        }
        if (jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:")) {
            return ephemeral();
        }
        throw new ConfigurationException("the audit chain needs a key file for this database: give serve --audit-key"
                + " FILE (or set MHTRIGGER_AUDIT_KEY_FILE); it is created on first start");
    }

    /** HMAC-SHA-256 of {@code text} as 64 lowercase hex digits. */
    String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "AuditKey[hidden]";
    }
}
