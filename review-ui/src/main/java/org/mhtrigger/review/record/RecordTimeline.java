package org.mhtrigger.review.record;

import java.time.Instant;
import java.util.List;
import org.mhtrigger.review.store.Columns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads what the record page shows of a stay beyond its summary and findings: every timeline row with its lab value
 * in the canonical unit and its end, and the mentions context set aside. Read-only. Thread-safe.
 */
@Repository
public class RecordTimeline {
    private final JdbcClient jdbc;

    public RecordTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One timeline row. kind: note, lab, medication, procedure, condition or encounter; {@code body} is a note's text;
     * {@code siValue} and {@code siUnit} a lab's value in its canonical unit (null when not converted, or imported
     * before these were kept); {@code endedAt} the end of a procedure or encounter, if known.
     */
    public record Entry(
            long id,
            String kind,
            String sourceType,
            String sourceId,
            Instant at,
            Instant endedAt,
            String label,
            String summary,
            String body,
            Double siValue,
            String siUnit) {
        public String source() {
            return sourceType + "/" + sourceId;
        }
    }

    /** A trigger mention that context set aside, with its reason in words ("negated by 'not required'"). */
    public record Mention(
            long id,
            String trigger,
            String sourceType,
            String sourceId,
            int start,
            int end,
            String assertion,
            String reason) {
        public String source() {
            return sourceType + "/" + sourceId;
        }
    }

    /** The stay's rows in time order. */
    public List<Entry> entries(long stayId) {
        return jdbc.sql("SELECT id, kind, source_type, source_id, occurred_at, ended_at, label, summary, body,"
                        + " si_value, si_unit FROM stay_item WHERE stay_id = ? ORDER BY occurred_at, id")
                .param(stayId)
                .query((rs, row) -> new Entry(
                        rs.getLong("id"),
                        rs.getString("kind"),
                        rs.getString("source_type"),
                        rs.getString("source_id"),
                        Columns.instant(rs, "occurred_at"),
                        Columns.instant(rs, "ended_at"),
                        rs.getString("label"),
                        rs.getString("summary"),
                        rs.getString("body"),
                        Columns.nullableDouble(rs, "si_value"),
                        rs.getString("si_unit")))
                .list();
    }

    /** The stay's suppressed mentions, in note and text order. */
    public List<Mention> suppressed(long stayId) {
        return jdbc.sql("SELECT * FROM suppressed_mention WHERE stay_id = ? ORDER BY source_id, span_start, id")
                .param(stayId)
                .query((rs, row) -> new Mention(
                        rs.getLong("id"),
                        rs.getString("trigger_code"),
                        rs.getString("source_type"),
                        rs.getString("source_id"),
                        rs.getInt("span_start"),
                        rs.getInt("span_end"),
                        rs.getString("assertion"),
                        rs.getString("reason")))
                .list();
    }
}
