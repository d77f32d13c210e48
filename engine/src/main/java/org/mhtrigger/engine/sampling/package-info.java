/**
 * Reproducible review samples (docs/spec/method.md §1): which closed stays of a review period a team reads.
 *
 * <p>Start with {@link org.mhtrigger.engine.sampling.Sampler#draw}: it takes {@link
 * org.mhtrigger.engine.sampling.SamplingUnit}s (one per stay, {@link
 * org.mhtrigger.engine.sampling.SamplingUnit#of} makes one from a record), a {@link
 * org.mhtrigger.engine.sampling.ReviewPeriod}, {@link org.mhtrigger.engine.sampling.SamplingCriteria}, a size and a
 * seed, and returns a {@link org.mhtrigger.engine.sampling.SampleManifest} that holds everything an auditor needs to
 * redraw the same sample. Dates are compared in UTC.
 */
package org.mhtrigger.engine.sampling;
