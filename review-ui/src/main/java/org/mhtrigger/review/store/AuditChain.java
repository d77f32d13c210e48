package org.mhtrigger.review.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The keyed hash chain over the audit trail. Each row has a seal ({@code audit_seal}): its position in the chain and
 * {@code HMAC-SHA-256(key, position, the row's content, the previous seal's hash)}; the chain's end
 * ({@code audit_chain_head}) is sealed as well. Without the key nobody can make an edited, deleted, added or moved row
 * fit again, so {@link #verify()} names the first row that does not. Appends lock the chain's end for the rest of their
 * transaction, which puts the seals of concurrent writers in one total order. Thread-safe.
 */
public final class AuditChain {
    private final JdbcClient jdbc;
    private final AuditKey key;

    AuditChain(JdbcClient jdbc, AuditKey key) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc must not be null");
        this.key = Objects.requireNonNull(key, "key must not be null");
    }

    /** What is wrong with a row. */
    public enum Fault {
        EDITED("edited: its content no longer matches its seal"),
        DELETED("deleted or missing"),
        REORDERED("reordered: it holds content sealed for another position"),
        ADDED("not in the chain: added outside the application"),
        TRUNCATED("the newest rows after it are missing");

        private final String meaning;

        Fault(String meaning) {
            this.meaning = meaning;
        }

        public String meaning() {
            return meaning;
        }
    }

    /** The first broken row: its id, what is wrong, and details. */
    public record Break(long entryId, Fault fault, String detail) {
        /** One line, e.g. {@code audit row 17 edited: its content no longer matches its seal}. */
        public String describe() {
            return "audit row " + entryId + " " + fault.meaning() + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    /** The outcome of {@link #verify()}: how many sealed rows were checked and the first break, if any. */
    public record Verdict(long rows, Optional<Break> firstBreak) {
        public boolean intact() {
            return firstBreak.isEmpty();
        }
    }

    /** The chain's end, as locked by {@link #lockHead()}. */
    static final class Head {
        long lastSeq;
        String lastHash;
        final long legacyMaxId;

        Head(long lastSeq, String lastHash, long legacyMaxId) {
            this.lastSeq = lastSeq;
            this.lastHash = lastHash;
            this.legacyMaxId = legacyMaxId;
        }
    }

    private record Seal(long seq, long entryId, String hash) {}

    /** Locks the chain's end until the current transaction ends. */
    Head lockHead() {
        return jdbc.sql("SELECT last_seq, last_hash, legacy_max_id FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, row) -> new Head(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .single();
    }

    /** Seals {@code entry} after {@code head} (locked by this transaction) and moves the end to it. */
    void seal(Head head, AuditTrail.Entry entry) {
        long seq = head.lastSeq + 1;
        String hash = key.mac(canonical(seq, entry.id(), entry, head.lastHash));
        jdbc.sql("INSERT INTO audit_seal (seq, entry_id, hash) VALUES (?, ?, ?)")
                .params(seq, entry.id(), hash)
                .update();
        jdbc.sql("UPDATE audit_chain_head SET last_seq = ?, last_hash = ?, head_mac = ? WHERE id = 1")
                .params(seq, hash, headMac(seq, hash))
                .update();
        head.lastSeq = seq;
        head.lastHash = hash;
    }

    /** Seals, in id order, the rows that existed when the chain was added; returns how many. Runs in a transaction. */
    int sealLegacyRows() {
        Head head = lockHead();
        List<AuditTrail.Entry> rows = jdbc.sql("SELECT * FROM audit_entry e WHERE e.id <= ? AND NOT EXISTS"
                        + " (SELECT 1 FROM audit_seal s WHERE s.entry_id = e.id) ORDER BY e.id")
                .param(head.legacyMaxId)
                .query(AuditTrail::entry)
                .list();
        for (AuditTrail.Entry row : rows) {
            seal(head, row);
        }
        return rows.size();
    }

    /** Checks every seal against its row and the row before, the chain's end, and that no row is unsealed. */
    public Verdict verify() {
        List<Seal> seals = new ArrayList<>();
        Walk walk = new Walk();
        // one pass, streamed: the seals (small) are kept for the search a moved row needs, the rows are not
        jdbc.sql("SELECT s.seq AS seal_seq, s.entry_id AS seal_entry, s.hash AS seal_hash, e.* FROM audit_seal s"
                        + " LEFT JOIN audit_entry e ON e.id = s.entry_id ORDER BY s.seq")
                .query(rs -> {
                    Seal seal = new Seal(rs.getLong("seal_seq"), rs.getLong("seal_entry"), rs.getString("seal_hash"));
                    seals.add(seal);
                    if (walk.fault != null) {
                        return;
                    }
                    if (seal.seq() != walk.expectedSeq) {
                        walk.fail(
                                seal,
                                Fault.DELETED,
                                "chain positions " + walk.expectedSeq + " to " + (seal.seq() - 1)
                                        + " before it are gone");
                        return;
                    }
                    rs.getLong("id");
                    if (rs.wasNull()) {
                        walk.fail(seal, Fault.DELETED, "chain position " + seal.seq());
                        return;
                    }
                    AuditTrail.Entry row = AuditTrail.entry(rs, 0);
                    if (!key.mac(canonical(seal.seq(), seal.entryId(), row, walk.previous))
                            .equals(seal.hash())) {
                        walk.fail(seal, Fault.EDITED, "chain position " + seal.seq());
                        walk.row = row;
                        walk.index = seals.size() - 1;
                        return;
                    }
                    walk.previous = seal.hash();
                    walk.expectedSeq++;
                });
        if (walk.fault == Fault.EDITED) {
            Optional<Seal> home = sealedFor(seals, walk.index, walk.row);
            if (home.isPresent()) {
                return broken(
                        seals.size(),
                        walk.seal.entryId(),
                        Fault.REORDERED,
                        "its content was sealed as row " + home.get().entryId());
            }
        }
        if (walk.fault != null) {
            return broken(seals.size(), walk.seal.entryId(), walk.fault, walk.detail);
        }
        long lastSeq = walk.expectedSeq - 1;
        String lastHash = walk.previous;
        boolean endIntact = jdbc.sql("SELECT last_seq, last_hash, head_mac FROM audit_chain_head WHERE id = 1")
                .query((rs, row) -> rs.getLong(1) == lastSeq
                        && lastHash.equals(rs.getString(2))
                        && (lastSeq == 0
                                ? rs.getString(3) == null
                                : headMac(lastSeq, lastHash).equals(rs.getString(3))))
                .optional()
                .orElse(false);
        if (!endIntact) {
            long last = seals.isEmpty() ? 0 : seals.getLast().entryId();
            return broken(seals.size(), last, Fault.TRUNCATED, "the chain's end does not match its last seal");
        }
        Optional<Long> unsealed = jdbc.sql("SELECT MIN(e.id) FROM audit_entry e"
                        + " WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.entry_id = e.id)")
                .query((rs, row) -> {
                    long id = rs.getLong(1);
                    return rs.wasNull() ? null : id;
                })
                .optional();
        if (unsealed.isPresent()) {
            return broken(seals.size(), unsealed.get(), Fault.ADDED, "");
        }
        return new Verdict(seals.size(), Optional.empty());
    }

    /** Where {@link #verify()} is in the chain, and the first fault it met. */
    private static final class Walk {
        long expectedSeq = 1;
        String previous = "";
        Fault fault;
        Seal seal;
        String detail;
        AuditTrail.Entry row;
        int index;

        void fail(Seal at, Fault what, String why) {
            fault = what;
            seal = at;
            detail = why;
        }
    }

    /** The seal other than the {@code i}-th whose hash {@code row}'s content would match in that seal's place. */
    private Optional<Seal> sealedFor(List<Seal> seals, int i, AuditTrail.Entry row) {
        for (int j = 0; j < seals.size(); j++) {
            Seal other = seals.get(j);
            String before = j == 0 ? "" : seals.get(j - 1).hash();
            if (j != i
                    && key.mac(canonical(other.seq(), other.entryId(), row, before))
                            .equals(other.hash())) {
                return Optional.of(other);
            }
        }
        return Optional.empty();
    }

    private static Verdict broken(long rows, long entryId, Fault fault, String detail) {
        return new Verdict(rows, Optional.of(new Break(entryId, fault, detail)));
    }

    private String headMac(long seq, String hash) {
        return key.mac("mhtrigger-audit-head-v1\u001f" + seq + "\u001f" + hash);
    }

    /** The sealed text: every field length-prefixed, so that no two different rows give the same text. */
    static String canonical(long seq, long entryId, AuditTrail.Entry e, String previous) {
        StringBuilder text = new StringBuilder("mhtrigger-audit-v1");
        for (Object value : new Object[] {
            seq,
            entryId,
            e.at().toString(),
            e.actor(),
            e.entity(),
            e.entityId(),
            e.reviewId(),
            e.field(),
            e.oldValue(),
            e.newValue(),
            e.reason(),
            previous
        }) {
            text.append('\u001f');
            if (value == null) {
                text.append('-');
            } else {
                String s = value.toString();
                text.append(s.length()).append(':').append(s);
            }
        }
        return text.toString();
    }
}
