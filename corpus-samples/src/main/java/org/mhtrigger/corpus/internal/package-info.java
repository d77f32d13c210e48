/**
 * How the generator works; not API. Start at {@link org.mhtrigger.corpus.internal.StayGenerator} (one stay), which
 * hands the work to {@link org.mhtrigger.corpus.internal.StayBuild} (what a stay holds),
 * {@link org.mhtrigger.corpus.internal.Planters} (one planter per catalogue module writes each trigger's structured
 * form and near-misses) and {@link org.mhtrigger.corpus.internal.NoteWriter} (the notes). Then
 * {@link org.mhtrigger.corpus.internal.PatientPlanner} (timelines, readmissions, deaths),
 * {@link org.mhtrigger.corpus.internal.Lexicon} (trigger phrases and hard negatives),
 * {@link org.mhtrigger.corpus.internal.Schedule} (which stay showcases which trigger) and
 * {@link org.mhtrigger.corpus.internal.TrapPlanter} (sentences that look like a trigger but are no event).
 */
package org.mhtrigger.corpus.internal;
