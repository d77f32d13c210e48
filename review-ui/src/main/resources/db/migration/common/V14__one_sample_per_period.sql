-- A period's sample is never silently replaced. A period (one label) has one sample: its first draw (draw_kind
-- 'sample') and any stays added to it later ('addition'), all counted together. A sample can be withdrawn, with a
-- reason, only while none of its records is signed; withdrawn draws keep their rows and leave the figures.
ALTER TABLE review_period ADD COLUMN draw_kind VARCHAR(20) DEFAULT 'sample' NOT NULL;
ALTER TABLE review_period ADD COLUMN withdrawn_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE review_period ADD COLUMN withdrawn_by VARCHAR(100);
ALTER TABLE review_period ADD COLUMN withdrawn_reason VARCHAR(2000);
CREATE INDEX review_period_by_start ON review_period (start_date, end_exclusive);

-- A measure's target, set by the safety lead (the assurance icon compares the process with it). Changes are audited;
-- a cleared target keeps its row with target NULL.
CREATE TABLE measure_target (
    measure VARCHAR(60) PRIMARY KEY,
    target DOUBLE PRECISION,
    set_by VARCHAR(100) NOT NULL,
    set_at TIMESTAMP WITH TIME ZONE NOT NULL
);
