/**
 * Synthetic mental-health records with gold labels, and their generator. No real patient data, ever. Start at
 * {@link org.mhtrigger.corpus.CorpusGenerator}. The hand-written set under {@code corpus-samples/handwritten} covers
 * every structured trigger and its edges; the generated sample under {@code corpus-samples/sample} covers every
 * trigger through each of its sources, with hard negatives. {@link org.mhtrigger.corpus.BlindSetBuilder} builds the
 * blind sentence set under {@code corpus-samples/blind} (written without sight of the lexicon, cues or generator) into
 * one-note stays with gold.
 */
package org.mhtrigger.corpus;
