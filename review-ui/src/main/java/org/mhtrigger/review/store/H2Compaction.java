package org.mhtrigger.review.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts an embedded H2 database file that has grown well past its live data, before the server opens it. The file
 * grows by about 30 KB a save because commits are only ever appended ({@link DatabaseUrls#durable}); H2's {@code
 * SHUTDOWN COMPACT} writes the live data to a new file and replaces the old one with it in one rename, so a crash
 * during it leaves the old file whole. Thread-safe (stateless).
 */
public final class H2Compaction {
    /** Files smaller than this are left as they are. */
    public static final long MIN_FILE_BYTES = 64L << 20;

    /** Files whose live data is at least this share of the file, in percent, are left as they are. */
    public static final int MAX_LIVE_PERCENT = 50;

    private static final Logger LOG = LoggerFactory.getLogger(H2Compaction.class);

    private H2Compaction() {}

    /** What a compaction did: the file's size before and after, in bytes, and the live share before, in percent. */
    public record Result(long bytesBefore, long bytesAfter, int livePercentBefore) {}

    /**
     * Compacts the database of {@code url} when it is an H2 file this process opens itself, of at least {@link
     * #MIN_FILE_BYTES} with less than {@link #MAX_LIVE_PERCENT} % live data; empty when it is not, when the file does
     * not exist yet, or when it cannot be opened (the caller's own open then says why).
     */
    public static Optional<Result> compactIfSparse(String url, String user, String password) {
        return compactIfSparse(url, user, password, MIN_FILE_BYTES);
    }

    static Optional<Result> compactIfSparse(String url, String user, String password, long minFileBytes) {
        Optional<Path> file = DatabaseUrls.h2Files(url).map(database -> Path.of(database + ".mv.db"));
        long started = System.nanoTime();
        try {
            // the file's size decides before it is opened, so a start on a small or new database opens it once only
            if (file.isEmpty() || !Files.isRegularFile(file.get())) {
                return Optional.empty();
            }
            long bytes = Files.size(file.get());
            if (bytes < minFileBytes) {
                return Optional.empty();
            }
            int live;
            try (Connection c = DriverManager.getConnection(url, user, password);
                    Statement s = c.createStatement()) {
                live = livePercent(s);
                if (live >= MAX_LIVE_PERCENT) {
                    return Optional.empty();
                }
                LOG.info(
                        "compacting the review database file ({} MB, {} % live data) before the server opens it",
                        bytes >> 20, live);
                s.execute("SHUTDOWN COMPACT");
            }
            long after = Files.size(file.get());
            LOG.info(
                    "compacted the review database file from {} MB to {} MB in {} ms",
                    bytes >> 20,
                    after >> 20,
                    (System.nanoTime() - started) / 1_000_000);
            return Optional.of(new Result(bytes, after, live));
        } catch (SQLException e) {
            LOG.debug("review database file not compacted (H2 error {})", e.getErrorCode());
            return Optional.empty();
        } catch (IOException e) {
            LOG.debug("review database file not compacted ({})", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** The share of the open file that is live data, in percent: H2's fill rate of the file times that of its chunks. */
    private static int livePercent(Statement s) throws SQLException {
        Map<String, Long> rates = new HashMap<>();
        try (ResultSet rs = s.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                + " WHERE SETTING_NAME IN ('info.FILL_RATE', 'info.CHUNKS_FILL_RATE')")) {
            while (rs.next()) {
                rates.put(rs.getString(1), Long.parseLong(rs.getString(2).strip()));
            }
        }
        if (rates.size() != 2) {
            throw new SQLException("H2 did not report the file's fill rates: " + rates.keySet());
        }
        return (int) (rates.get("info.FILL_RATE") * rates.get("info.CHUNKS_FILL_RATE") / 100);
    }
}
