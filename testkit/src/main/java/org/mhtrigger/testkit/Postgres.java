package org.mhtrigger.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The PostgreSQL server the {@link TestGroup#POSTGRES} tests use, from {@code MHTRIGGER_TEST_POSTGRES_URL}, {@code
 * _USER} and {@code _PASSWORD} (user and password default to {@code mhtrigger_test}, as {@code .ci/run} creates them).
 * Each test works in a schema of its own, so runs never see each other's rows.
 */
public record Postgres(String url, String user, String password) {
    public static final String URL = "MHTRIGGER_TEST_POSTGRES_URL";

    /** The server, or the test is skipped (failed where the group is required) when none is configured. */
    public static Postgres fromEnvironment() {
        String url = System.getenv(URL);
        TestGroup.POSTGRES.requireOrSkip(
                url != null && !url.isBlank(),
                "set " + URL + ", e.g. jdbc:postgresql://127.0.0.1:5432/mhtrigger_test (see .ci/run)");
        return new Postgres(
                url,
                env("MHTRIGGER_TEST_POSTGRES_USER", "mhtrigger_test"),
                env("MHTRIGGER_TEST_POSTGRES_PASSWORD", "mhtrigger_test"));
    }

    /** A schema name no other run takes: {@code prefix} and a random suffix, lower case. */
    public static String newSchemaName(String prefix) {
        return prefix
                + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36)
                        .toLowerCase(Locale.ROOT);
    }

    /** The JDBC URL that works in {@code schema}. */
    public String url(String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Creates a new, empty schema; close it to drop it with everything in it. */
    public Schema createSchema(String prefix) throws SQLException {
        String name = newSchemaName(prefix);
        execute("CREATE SCHEMA " + name);
        return new Schema(this, name);
    }

    /** Runs one statement on the server's default schema. */
    public void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** A schema of one test's own. */
    public record Schema(Postgres server, String name) implements AutoCloseable {
        /** The JDBC URL that works in this schema. */
        public String url() {
            return server.url(name);
        }

        @Override
        public void close() throws SQLException {
            server.execute("DROP SCHEMA " + name + " CASCADE");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
