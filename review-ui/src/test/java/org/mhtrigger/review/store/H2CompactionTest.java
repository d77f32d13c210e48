package org.mhtrigger.review.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link H2Compaction} shrinks an H2 file grown by appended commits, keeps every row, and leaves other files alone. */
class H2CompactionTest {
    private static final long ONE_MB = 1L << 20;

    @Test
    void aFileGrownBySaves_isCompacted_andKeepsEverySave(@TempDir Path dir) throws Exception {
        String url = DatabaseUrls.durable("jdbc:h2:file:" + dir.resolve("grown"));
        saves(url, 400);
        long grown = Files.size(dir.resolve("grown.mv.db"));

        H2Compaction.Result result =
                H2Compaction.compactIfSparse(url, "", "", ONE_MB).orElseThrow();

        assertThat(grown).isGreaterThan(4 * ONE_MB);
        assertThat(result.bytesBefore()).isBetween(grown * 9 / 10, grown * 11 / 10);
        assertThat(result.livePercentBefore()).isLessThan(H2Compaction.MAX_LIVE_PERCENT);
        assertThat(result.bytesAfter()).isLessThan(grown / 4);
        assertThat(Files.size(dir.resolve("grown.mv.db"))).isLessThan(grown / 4);
        assertThat(count(url, "SELECT COUNT(*) FROM save")).isEqualTo(400);
        assertThat(count(url, "SELECT COUNT(*) FROM trail")).isEqualTo(2000);
        assertThat(count(url, "SELECT version FROM counter WHERE id = 0")).isEqualTo(400);
    }

    @Test
    void aFileUnderTheSizeFloor_orMostlyLive_isLeftAsItIs(@TempDir Path dir) throws Exception {
        String url = DatabaseUrls.durable("jdbc:h2:file:" + dir.resolve("small"));
        saves(url, 400);
        long size = Files.size(dir.resolve("small.mv.db"));

        assertThat(H2Compaction.compactIfSparse(url, "", "", 2 * size)).isEmpty();
        assertThat(Files.size(dir.resolve("small.mv.db"))).as("not compacted").isGreaterThan(size * 9 / 10);

        H2Compaction.compactIfSparse(url, "", "", ONE_MB).orElseThrow();
        assertThat(H2Compaction.compactIfSparse(url, "", "", 0))
                .as("just compacted")
                .isEmpty();
    }

    @Test
    void aMissingFile_isNotCreated_andOtherDatabasesAreLeftAlone(@TempDir Path dir) {
        String url = DatabaseUrls.durable("jdbc:h2:file:" + dir.resolve("absent"));

        assertThat(H2Compaction.compactIfSparse(url, "", "", 0)).isEmpty();
        assertThat(dir.resolve("absent.mv.db")).doesNotExist();
        assertThat(H2Compaction.compactIfSparse("jdbc:h2:mem:compaction", "", "", 0))
                .isEmpty();
        assertThat(H2Compaction.compactIfSparse("jdbc:h2:tcp://127.0.0.1:1/x", "", "", 0))
                .isEmpty();
    }

    private static void saves(String url, int count) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            H2CommitChild.createTables(c);
            try (H2CommitChild.Saves saves = new H2CommitChild.Saves(c, 0)) {
                for (int n = 0; n < count; n++) {
                    saves.commit("s-" + n);
                }
            }
        }
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
