-- The audit trail's keyed hash chain. Each audit row gets a seal: its place in the chain (seq) and
-- HMAC-SHA-256(key, seq, the row's content, the previous seal's hash). The key is held by the deployment, never by
-- the database, so a row edited, deleted or moved outside the application no longer matches its seal.
-- Seals are a table of their own because audit_entry stays insert-only (on PostgreSQL a trigger refuses UPDATE).
CREATE TABLE audit_seal (
    seq BIGINT PRIMARY KEY,
    entry_id BIGINT NOT NULL UNIQUE,
    hash VARCHAR(64) NOT NULL
);

-- One row: the end of the chain. Appends lock it (SELECT ... FOR UPDATE) so that seals follow one total order even
-- with concurrent writers; head_mac seals the end itself, so removing the newest rows is seen too.
-- legacy_max_id: rows that existed before this migration; they are sealed once, in id order, on the next start.
CREATE TABLE audit_chain_head (
    id INT PRIMARY KEY,
    last_seq BIGINT NOT NULL,
    last_hash VARCHAR(64) NOT NULL,
    head_mac VARCHAR(64),
    legacy_max_id BIGINT NOT NULL
);
INSERT INTO audit_chain_head (id, last_seq, last_hash, head_mac, legacy_max_id)
    SELECT 1, 0, '', NULL, COALESCE(MAX(id), 0) FROM audit_entry;
