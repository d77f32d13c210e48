package org.mhtrigger.review.record;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which record a reviewer opens next: the first record still open (assigned or in progress) after the given one in
 * the order of their queue (newest period first, then draw order), else the first open one before it. Read-only.
 * Thread-safe.
 */
@Repository
public class NextRecord {
    private final JdbcClient jdbc;

    public NextRecord(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A record in the queue: its review id and encounter. */
    public record Open(long reviewId, String encounterId) {}

    private record Row(long id, String encounterId, boolean open) {}

    /** The reviewer's next open record after {@code reviewId}, if any is left. */
    public Optional<Open> after(String reviewer, long reviewId) {
        // the reviewer's queue: records of samples not withdrawn, in the queue page's order
        List<Row> queue = jdbc.sql("SELECT r.id, s.encounter_id, r.status FROM review r"
                        + " JOIN review_period p ON p.id = r.period_id JOIN stay s ON s.id = r.stay_id"
                        + " WHERE p.withdrawn_at IS NULL AND r.reviewer = ?"
                        + " ORDER BY p.start_date DESC, r.draw_order, r.id")
                .param(reviewer)
                .query((rs, row) -> new Row(
                        rs.getLong("id"),
                        rs.getString("encounter_id"),
                        List.of("ASSIGNED", "IN_PROGRESS").contains(rs.getString("status"))))
                .list();
        int at = -1;
        for (int i = 0; i < queue.size(); i++) {
            if (queue.get(i).id() == reviewId) {
                at = i;
            }
        }
        for (int step = 1; step <= queue.size(); step++) {
            Row candidate = queue.get(Math.floorMod(at + step, queue.size()));
            if (candidate.open() && candidate.id() != reviewId) {
                return Optional.of(new Open(candidate.id(), candidate.encounterId()));
            }
        }
        return Optional.empty();
    }
}
