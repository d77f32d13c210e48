/**
 * Synthetic mental-health records with gold labels, and their generator. No real patient data, ever. The hand-written
 * set under {@code corpus-samples/handwritten} covers every structured trigger and its edges.
 */
package org.mhtrigger.corpus;
