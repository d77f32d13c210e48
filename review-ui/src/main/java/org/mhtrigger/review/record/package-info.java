/**
 * The record page, built for the 20-minute review: what a reviewer reads (the timeline with its filters and grouped
 * administrations, flagged results and their trend charts, suppressed mentions with their reasons, triggers grouped by
 * code) and what they type (the event and trigger forms, validated field by field so nothing typed is lost).
 *
 * <p>Start with {@link org.mhtrigger.review.record.RecordPage}, which assembles the page's model from
 * {@link org.mhtrigger.review.record.RecordTimeline} (read-only SQL over the stay's timeline and suppressed mentions),
 * {@link org.mhtrigger.review.record.LabLimits} (the trigger thresholds of the bundled rules) and
 * {@link org.mhtrigger.review.record.LocalTimes} (the organisation's time zone, setting {@code mhtrigger.time-zone}).
 * Everything here only reads; changes go through {@link org.mhtrigger.review.store.ReviewService}.
 */
package org.mhtrigger.review.record;
