/**
 * The review web application (docs/spec/method.md §2): review periods and samples, a queue per reviewer, the record view with
 * the engine's triggers and their evidence, adverse events with harm categories, the physician's electronic
 * signature and an append-only audit trail. Start at {@link org.mhtrigger.review.ReviewServer}; the {@code app}
 * module starts it for {@code mhtrigger demo} and {@code mhtrigger serve}.
 *
 * <p>Sub-packages: {@code store} (JDBC persistence, audit trail, optimistic locking), {@code security} (form login,
 * roles, throttling, headers), {@code web} (controllers and note highlighting).
 */
package org.mhtrigger.review;
