package org.mhtrigger.review.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves each identity column of an H2 database past the largest key in its table, when the server starts. After a
 * {@code kill -9} while several connections were inserting, H2 (2.5.252) can reopen with an identity whose next value
 * is below keys already committed: the sequence's reservation was not yet committed when rows using it were, and the
 * recovery drops it. Every insert into that table then fails on its primary key until the sequence has caught up (a
 * process committing on three connections, killed 30 times: in 4 kills an identity was left 5 to 30 behind; on one
 * connection, in none). Thread-safe (stateless).
 */
public final class IdentityRepair {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityRepair.class);

    private IdentityRepair() {}

    /** One identity moved: its table and column, the next value it had and the one it has now. */
    public record Moved(String table, String column, long from, long to) {}

    /** Repairs the identities of the {@code PUBLIC} schema; returns those it moved, and logs each. */
    public static List<Moved> repair(DataSource dataSource) throws SQLException {
        List<Moved> moved = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            List<String[]> identities = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT TABLE_NAME, COLUMN_NAME, IDENTITY_BASE"
                    + " FROM INFORMATION_SCHEMA.COLUMNS WHERE IS_IDENTITY = 'YES' AND TABLE_SCHEMA = 'PUBLIC'"
                    + " ORDER BY TABLE_NAME")) {
                while (rs.next()) {
                    identities.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            for (String[] identity : identities) {
                String table = quoted(identity[0]);
                String column = quoted(identity[1]);
                long next = Long.parseLong(identity[2]);
                long largest;
                try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(" + column + "), 0) FROM " + table)) {
                    rs.next();
                    largest = rs.getLong(1);
                }
                if (next <= largest) {
                    s.execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " RESTART WITH " + (largest + 1));
                    moved.add(new Moved(identity[0], identity[1], next, largest + 1));
                    LOG.warn(
                            "{}.{}: the next key was {}, at or below the largest key {} (left by a crash);"
                                    + " moved to {}",
                            identity[0],
                            identity[1],
                            next,
                            largest,
                            largest + 1);
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        return moved;
    }

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
