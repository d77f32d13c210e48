package org.mhtrigger.review.store;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A process that commits to an H2 file as fast as it can until it is killed, for {@link H2KillTest}: {@code
 * H2CommitChild URL ROUND CONNECTIONS}. On each connection, each commit bumps the connection's version row, inserts a
 * save and five audit-like rows that name it (the shape of a review save), and only then prints {@code ACK
 * ROUND-connection-n}. A connection whose commit fails prints {@code FAILED} and the error, and stops.
 */
public final class H2CommitChild {
    static final int MAX_CONNECTIONS = 8;

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
            for (int connection = 0; connection < MAX_CONNECTIONS; connection++) {
                s.execute("MERGE INTO counter VALUES (" + connection + ", 0)");
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        int connections = Integer.parseInt(args[2]);
        List<Thread> threads = new ArrayList<>();
        for (int connection = 0; connection < connections; connection++) {
            int counter = connection;
            threads.add(Thread.ofPlatform().start(() -> {
                try (Connection c = DriverManager.getConnection(args[0]);
                        Saves saves = new Saves(c, counter)) {
                    for (int n = 0; ; n++) {
                        String name = args[1] + "-" + counter + "-" + n;
                        saves.commit(name);
                        out.println("ACK " + name);
                    }
                } catch (SQLException e) {
                    out.println("FAILED " + e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** Commits saves shaped like a review's, one transaction each. Not thread-safe. */
    static final class Saves implements AutoCloseable {
        private static final String BODY = "a reviewer's description of what happened ".repeat(7);
        private final Connection connection;
        private final PreparedStatement bump;
        private final PreparedStatement save;
        private final PreparedStatement trail;

        /** @param counter the version row this connection bumps, below {@link #MAX_CONNECTIONS} */
        Saves(Connection connection, int counter) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
            this.bump = connection.prepareStatement("UPDATE counter SET version = version + 1 WHERE id = " + counter);
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
