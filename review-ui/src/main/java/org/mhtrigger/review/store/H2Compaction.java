package org.mhtrigger.review.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
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
     * Compacts the database of {@code url} when it is an embedded H2 file of at least {@link #MIN_FILE_BYTES} with less
     * than {@link #MAX_LIVE_PERCENT} % live data; empty when it is not, when the file does not exist yet, or when it
     * cannot be opened (the caller's own open then says why).
     */
    public static Optional<Result> compactIfSparse(String url, String user, String password) {
        return compactIfSparse(url, user, password, MIN_FILE_BYTES);
    }

    static Optional<Result> compactIfSparse(String url, String user, String password, long minFileBytes) {
        if (!DatabaseUrls.isEmbeddedH2File(url)) {
            return Optional.empty();
        }
        String existing = url.toUpperCase(Locale.ROOT).contains("IFEXISTS") ? url : url + ";IFEXISTS=TRUE";
        long started = System.nanoTime();
        try {
            long bytes;
            int live;
            try (Connection c = DriverManager.getConnection(existing, user, password);
                    Statement s = c.createStatement()) {
                Map<String, Long> before = fileFigures(s);
                bytes = before.get("info.FILE_SIZE");
                live = (int) (before.get("info.FILL_RATE") * before.get("info.CHUNKS_FILL_RATE") / 100);
                if (bytes < minFileBytes || live >= MAX_LIVE_PERCENT) {
                    return Optional.empty();
                }
                LOG.info(
                        "compacting the review database file ({} MB, {} % live data) before the server opens it",
                        bytes >> 20, live);
                s.execute("SHUTDOWN COMPACT");
            }
            long after;
            try (Connection c = DriverManager.getConnection(existing, user, password);
                    Statement s = c.createStatement()) {
                after = fileFigures(s).get("info.FILE_SIZE");
            }
            Result result = new Result(bytes, after, live);
            LOG.info(
                    "compacted the review database file from {} MB to {} MB in {} ms",
                    bytes >> 20,
                    after >> 20,
                    (System.nanoTime() - started) / 1_000_000);
            return Optional.of(result);
        } catch (SQLException e) {
            LOG.debug("review database file not compacted (H2 error {})", e.getErrorCode());
            return Optional.empty();
        }
    }

    /** H2's figures of the open file: size in bytes, fill rate of the file and of its chunks in percent. */
    private static Map<String, Long> fileFigures(Statement s) throws SQLException {
        Map<String, Long> figures = new HashMap<>();
        try (ResultSet rs = s.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                + " WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.FILL_RATE', 'info.CHUNKS_FILL_RATE')")) {
            while (rs.next()) {
                figures.put(rs.getString(1), Long.parseLong(rs.getString(2).strip()));
            }
        }
        if (figures.size() != 3) {
            throw new SQLException("H2 did not report the file's size and fill rates: " + figures.keySet());
        }
        return figures;
    }
}
