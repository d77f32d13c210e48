-- Indexes the pages need once a database holds years of screened stays (measured with mhtrigger bench-ui).
-- The dashboard names each event's trigger by the highest trigger_name of its code: an index-only lookup instead
-- of a scan of every finding per event.
CREATE INDEX finding_by_trigger_name ON finding (trigger_code, trigger_name);
-- Restrictive-practice episodes of a period: findings of three trigger codes within a time range.
CREATE INDEX finding_by_trigger_time ON finding (trigger_code, occurred_at);
-- The record view reads a review's events and signatures; the dashboard joins events to reviews.
CREATE INDEX adverse_event_by_review ON adverse_event (review_id);
CREATE INDEX signature_by_review ON signature (review_id);
