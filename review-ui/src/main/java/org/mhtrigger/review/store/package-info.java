/**
 * Persistence of the review over JDBC: stays and their timelines, findings, periods and samples, reviews, adverse
 * events, signatures, users and the append-only {@link org.mhtrigger.review.store.AuditTrail}. Every change of a
 * review goes through {@link org.mhtrigger.review.store.ReviewService}, which checks the caller's role, checks the
 * version the caller saw (optimistic locking: {@link org.mhtrigger.review.store.StaleEditException}) and writes the
 * audit rows in the same transaction.
 */
package org.mhtrigger.review.store;
