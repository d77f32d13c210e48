/**
 * Finding trigger mentions in note text, with their clinical context.
 *
 * <p>{@link org.mhtrigger.engine.text.LuceneTextMatcher} is the entry point: it splits a note into sentences
 * ({@link org.mhtrigger.engine.text.SentenceSplitter}, OpenNLP inside line and list structure), matches each
 * trigger's {@link org.mhtrigger.engine.text.Lexicon} on the note's analysed tokens exactly as Lucene span queries over
 * the note in a one-document index would (without building the index) to get exact character offsets, and asks the {@link org.mhtrigger.engine.text.ContextClassifier} (a ConText-style algorithm
 * driven by {@link org.mhtrigger.engine.text.ContextRules}: cues, termination cues, sections, dates) whether each
 * mention is affirmed, negated, historical, hypothetical, about someone else, or a policy statement.
 *
 * <p>Lexicons and cues are data: the {@code rules} module loads them from CSV files that a clinical lead can edit.
 */
package org.mhtrigger.engine.text;
