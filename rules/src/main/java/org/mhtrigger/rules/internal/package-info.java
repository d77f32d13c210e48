/**
 * Not API: the facts, globals and helpers the DRL files use ({@link org.mhtrigger.rules.internal.ReviewWindow},
 * {@link org.mhtrigger.rules.internal.Limits}, {@link org.mhtrigger.rules.internal.FindingSink},
 * {@link org.mhtrigger.rules.internal.Evidence}), the CSV reader and the rule-base compiler. Public only because
 * Drools needs to see them; may change in any release.
 */
package org.mhtrigger.rules.internal;
