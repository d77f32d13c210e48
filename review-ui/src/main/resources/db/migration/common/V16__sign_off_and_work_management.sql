-- Sign-off as the method describes it, and work management.
-- A physician may return a record to its reviewer with a comment (status RETURNED): the comment, who and when are kept
-- on the review (the status change is audited with the comment as its reason), and stay after the record is
-- submitted again.
ALTER TABLE review ADD COLUMN returned_comment VARCHAR(2000);
ALTER TABLE review ADD COLUMN returned_by VARCHAR(100);
ALTER TABLE review ADD COLUMN returned_at TIMESTAMP WITH TIME ZONE;
-- The date a draw's records should be reviewed and signed by: one period length after the later of the period's end
-- and the day the sample was drawn (a month's sample drawn on 3 May for March is due on 3 June; a fortnight's, two
-- weeks after). Set when a sample is drawn; filled here for the draws made before.
ALTER TABLE review_period ADD COLUMN due_date DATE;
UPDATE review_period SET due_date = CAST(GREATEST(end_exclusive, CAST(created_at AS DATE))
    + (end_exclusive - start_date) AS DATE);
-- A reviewer's queue: their records by status.
CREATE INDEX review_by_reviewer ON review (reviewer, status);
