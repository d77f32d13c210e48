package org.mhtrigger.review.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit trail: who, when, which entity and field, old value, new value, reason. This class can only
 * append and read; there is deliberately no update or delete path, and on PostgreSQL a trigger refuses both. Every row
 * is sealed into a keyed hash chain ({@link AuditChain}) in the transaction that adds it, so a change made outside the
 * application is detected. Thread-safe.
 */
@Repository
public class AuditTrail {
    private final JdbcClient jdbc;
    private final AuditChain chain;

    public AuditTrail(JdbcClient jdbc, AuditKey key) {
        this.jdbc = jdbc;
        this.chain = new AuditChain(jdbc, key);
    }

    /** The chain over this trail, to verify it. */
    public AuditChain chain() {
        return chain;
    }

    /** Seals the rows written before the chain existed (once, on the first start after the upgrade). */
    @Transactional
    public int sealRowsFromBeforeTheChain() {
        return chain.sealLegacyRows();
    }

    /** One audit row. */
    public record Entry(
            long id,
            Instant at,
            String actor,
            String entity,
            long entityId,
            Long reviewId,
            String field,
            String oldValue,
            String newValue,
            String reason) {}

    /**
     * Appends one row and its seal; {@code reviewId} ties it to a record's review for the per-record view (may be
     * null). Joins the caller's transaction: the chain's end stays locked until it commits, so concurrent writers
     * chain one after the other.
     */
    @Transactional
    public void append(
            String actor,
            String entity,
            long entityId,
            Long reviewId,
            String field,
            Object oldValue,
            Object newValue,
            String reason) {
        Objects.requireNonNull(actor, "actor must not be null");
        AuditChain.Head head = chain.lockHead();
        // microseconds: what both databases store, so the seal covers the value as it is read back
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        String why = reason == null || reason.isBlank() ? null : reason;
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO audit_entry (occurred_at, actor, entity, entity_id, review_id, field, old_value,"
                        + " new_value, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(at, actor, entity, entityId, reviewId, field, text(oldValue), text(newValue), why)
                .update(key, "id");
        chain.seal(
                head,
                new Entry(
                        key.getKey().longValue(),
                        at.toInstant(),
                        actor,
                        entity,
                        entityId,
                        reviewId,
                        field,
                        text(oldValue),
                        text(newValue),
                        why));
    }

    /** Appends a row only when the value changed. */
    @Transactional
    public void appendIfChanged(
            String actor,
            String entity,
            long entityId,
            Long reviewId,
            String field,
            Object oldValue,
            Object newValue,
            String reason) {
        if (!Objects.equals(text(oldValue), text(newValue))) {
            append(actor, entity, entityId, reviewId, field, oldValue, newValue, reason);
        }
    }

    public List<Entry> forReview(long reviewId) {
        return jdbc.sql("SELECT * FROM audit_entry WHERE review_id = ? ORDER BY id")
                .param(reviewId)
                .query(AuditTrail::entry)
                .list();
    }

    public List<Entry> latest(int limit) {
        return jdbc.sql("SELECT * FROM audit_entry ORDER BY id DESC")
                .withMaxRows(limit)
                .query(AuditTrail::entry)
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry").query(Long.class).single();
    }

    static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Entry(
                rs.getLong("id"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"),
                rs.getString("entity"),
                rs.getLong("entity_id"),
                Columns.nullableLong(rs, "review_id"),
                rs.getString("field"),
                rs.getString("old_value"),
                rs.getString("new_value"),
                rs.getString("reason"));
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return text.length() > 4000 ? text.substring(0, 4000) : text;
    }
}
