/**
 * Finding trigger mentions in note text.
 *
 * <p>{@link org.mhtrigger.engine.text.NoteTermMatcher} is the entry point: it splits a note into sentences
 * ({@link org.mhtrigger.engine.text.SentenceSplitter}, OpenNLP inside line and list structure), matches each
 * trigger's {@link org.mhtrigger.engine.text.Lexicon} on the note's tokens from Lucene's analysis chain ({@link
 * org.mhtrigger.engine.text.ClinicalAnalyzer}) to get exact character offsets. Nothing is indexed or searched: the
 * term patterns ({@link org.mhtrigger.engine.text.SpanPattern}) match as Lucene span queries would in a one-document
 * index, which a test checks against Lucene itself. Each mention's context comes from {@code text.context}, and the
 * note section it stands in from {@code text.section}.
 *
 * <p>Lexicons and cues are data: the {@code rules} module loads them from CSV files that a clinical lead can edit.
 */
package org.mhtrigger.engine.text;
