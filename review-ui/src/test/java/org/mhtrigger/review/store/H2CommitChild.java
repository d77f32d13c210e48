package org.mhtrigger.review.store;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A process that commits to an H2 file as fast as it can until it is killed, for {@link H2KillTest}: {@code
 * H2CommitChild URL ROUND}. Each commit bumps a version row, inserts a save and five audit-like rows that name it
 * (the shape of a review save), and only then prints {@code ACK ROUND-n}.
 */
public final class H2CommitChild {
    private H2CommitChild() {}

    /** Creates the tables the child writes to, on a database that may already have them. */
    static void createTables(Connection c) throws SQLException {
        try (var s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS save (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(64),"
                    + " body VARCHAR(2000))");
            s.execute("CREATE TABLE IF NOT EXISTS trail (id BIGINT AUTO_INCREMENT PRIMARY KEY, save_name VARCHAR(64),"
                    + " field VARCHAR(32), body VARCHAR(2000))");
            s.execute("CREATE INDEX IF NOT EXISTS trail_save ON trail(save_name)");
            s.execute("CREATE TABLE IF NOT EXISTS counter (id BIGINT PRIMARY KEY, version BIGINT)");
            s.execute("MERGE INTO counter VALUES (1, 0)");
        }
    }

    public static void main(String[] args) throws SQLException {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        try (Connection c = DriverManager.getConnection(args[0]);
                Saves saves = new Saves(c)) {
            for (int n = 0; ; n++) {
                String name = args[1] + "-" + n;
                saves.commit(name);
                out.println("ACK " + name);
            }
        }
    }

    /** Commits saves shaped like a review's, one transaction each. Not thread-safe. */
    static final class Saves implements AutoCloseable {
        private static final String BODY = "a reviewer's description of what happened ".repeat(7);
        private final Connection connection;
        private final PreparedStatement bump;
        private final PreparedStatement save;
        private final PreparedStatement trail;

        Saves(Connection connection) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
            this.bump = connection.prepareStatement("UPDATE counter SET version = version + 1 WHERE id = 1");
            this.save = connection.prepareStatement("INSERT INTO save (name, body) VALUES (?, ?)");
            this.trail = connection.prepareStatement("INSERT INTO trail (save_name, field, body) VALUES (?, ?, ?)");
        }

        /** Bumps the version row, inserts the save {@code name} and its five trail rows, and commits. */
        void commit(String name) throws SQLException {
            bump.executeUpdate();
            save.setString(1, name);
            save.setString(2, BODY);
            save.executeUpdate();
            for (int field = 0; field < 5; field++) {
                trail.setString(1, name);
                trail.setString(2, "field " + field);
                trail.setString(3, BODY);
                trail.executeUpdate();
            }
            connection.commit();
        }

        @Override
        public void close() throws SQLException {
            bump.close();
            save.close();
            trail.close();
        }
    }
}
