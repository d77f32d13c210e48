-- Optional two independent primary reviews (method.md §2): a second review of a sampled record is a review row of
-- its own (its own reviewer, events, timer and submission) pointing at the first through second_of. Neither reviewer
-- sees the other's review; once both are submitted the consensus is recorded on the first (consensus_by, _at), and
-- only then does the physician see it. Second reviews are never signed and never counted in the measures.
ALTER TABLE review ADD COLUMN second_of BIGINT REFERENCES review (id);
ALTER TABLE review ADD COLUMN pair_role INT DEFAULT 1 NOT NULL;
ALTER TABLE review ADD COLUMN consensus_by VARCHAR(100);
ALTER TABLE review ADD COLUMN consensus_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE review DROP CONSTRAINT review_once_per_period;
ALTER TABLE review ADD CONSTRAINT review_once_per_period_and_role UNIQUE (period_id, stay_id, pair_role);
CREATE UNIQUE INDEX review_second_once ON review (second_of);
-- Each reviewer's highest harm category (or "none") as submitted, kept when the consensus is recorded (Cohen's κ).
ALTER TABLE review ADD COLUMN independent_harm_first VARCHAR(10);
ALTER TABLE review ADD COLUMN independent_harm_second VARCHAR(10);
