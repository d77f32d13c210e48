package org.mhtrigger.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Which review database a command reads: {@code --db JDBC-URL [--db-user USER]} (password from {@code
 * MHTRIGGER_DB_PASSWORD}), or {@code --demo [--data DIR]} for the demo's embedded database. A picocli mixin shared by
 * {@code report} and {@code audit verify}. Not thread-safe (filled by picocli).
 */
final class ReviewDatabaseOptions {
    @Option(
            names = "--db",
            paramLabel = "JDBC-URL",
            description = "The review database (password from MHTRIGGER_DB_PASSWORD).")
    String db;

    @Option(names = "--db-user", paramLabel = "USER", defaultValue = "", description = "Database user.")
    String user;

    @Option(names = "--demo", description = "Read the demo database under --data instead.")
    boolean demo;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "data",
            description = "Folder of the demo database (default: ./${DEFAULT-VALUE}).")
    Path data;

    /** Whether exactly one of --db and --demo was given; the command prints its usage line when not. */
    boolean chosen() {
        return demo != (db != null);
    }

    /** The database's JDBC URL as given, or the demo's H2 file. */
    String url() {
        return demo ? "jdbc:h2:file:" + data.toAbsolutePath().resolve("demo") : db;
    }

    String password() {
        return System.getenv().getOrDefault("MHTRIGGER_DB_PASSWORD", "");
    }
}
