/**
 * Screening: a {@link org.mhtrigger.engine.record.StayRecord} in, {@link org.mhtrigger.engine.screen.Finding}s out.
 *
 * <p>{@link org.mhtrigger.engine.screen.Screener} runs a {@link org.mhtrigger.engine.screen.TextMatcher} over the notes
 * (text hits with their context) and hands the record and the hits to a
 * {@link org.mhtrigger.engine.screen.TriggerEvaluator} (the rules). Both are interfaces so that the engine knows
 * neither Lucene queries' lexicons nor Drools.
 */
package org.mhtrigger.engine.screen;
