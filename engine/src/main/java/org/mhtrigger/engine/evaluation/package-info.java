/**
 * Scoring findings against gold labels: per trigger true and false positives, false negatives, precision and recall,
 * and micro-averaged figures. Start with {@link org.mhtrigger.engine.evaluation.Evaluation}.
 */
package org.mhtrigger.engine.evaluation;
