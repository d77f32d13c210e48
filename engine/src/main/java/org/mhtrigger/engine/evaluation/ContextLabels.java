package org.mhtrigger.engine.evaluation;

/**
 * The four context attributes an annotated sentence kit scores, each independent of the others. Immutable,
 * thread-safe.
 *
 * @param negated the condition is denied or ruled out
 * @param historical it belongs to the past, before this encounter
 * @param hypothetical it is a possibility, plan or condition ("Not particular" in the NegEx/ConText kit)
 * @param other it is someone else's (experiencer Other or Family member)
 */
public record ContextLabels(boolean negated, boolean historical, boolean hypothetical, boolean other) {}
