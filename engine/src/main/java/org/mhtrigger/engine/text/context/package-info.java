/**
 * The clinical context of a mention: negated, historical, hypothetical or uncertain, about someone else, a policy
 * statement, each an independent attribute with the cue or rule that gave it.
 *
 * <p>Start at {@link org.mhtrigger.engine.text.context.ContextClassifier}, a ConText-style algorithm driven by {@link
 * org.mhtrigger.engine.text.context.ContextRules}: cues before or after the mention, pseudo and termination cues,
 * form-line values, sentence-wide documentation-status cues, and dates written in the sentence resolved against the
 * admission ({@code WrittenDates}, read in the configured {@link org.mhtrigger.engine.text.context.DateOrder}).
 */
package org.mhtrigger.engine.text.context;
