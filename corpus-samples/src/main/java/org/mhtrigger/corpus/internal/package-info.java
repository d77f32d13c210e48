/**
 * How the generator works; not API. Start at {@link org.mhtrigger.corpus.internal.StayGenerator} (one stay),
 * {@link org.mhtrigger.corpus.internal.PatientPlanner} (timelines, readmissions, deaths),
 * {@link org.mhtrigger.corpus.internal.Lexicon} (trigger phrases and hard negatives) and
 * {@link org.mhtrigger.corpus.internal.Schedule} (which stay showcases which trigger).
 */
package org.mhtrigger.corpus.internal;
