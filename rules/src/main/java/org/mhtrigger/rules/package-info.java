/**
 * The rule base: the trigger catalogue, the editable thresholds and ingredient classes, and the Drools rules that turn
 * a {@link org.mhtrigger.engine.record.StayRecord} and its text hits into findings.
 *
 * <p>Start with {@link org.mhtrigger.rules.DroolsTriggerEvaluator}, built from a {@link org.mhtrigger.rules.RulesConfig}
 * ({@code RulesConfig.defaults()}, or {@code RulesConfig.load(dir)} for a folder with edited copies of
 * {@code thresholds.csv}, {@code ingredient-classes.csv} or {@code catalogue.csv}). The codes and names are in
 * {@link org.mhtrigger.rules.TriggerCatalogue}.
 *
 * <p>Files, all under {@code src/main/resources/org/mhtrigger/rules/}: {@code catalogue.csv} (every trigger),
 * {@code thresholds.csv} (every threshold and window), {@code ingredient-classes.csv} (which drugs are antipsychotics,
 * laxatives, …), {@code lexicon.csv} (the words of each text trigger), {@code word-senses.csv} (senses of those words
 * that are not the trigger), {@code context-cues.csv} (negation, history, hypothetical, other person, policy, form-line
 * and documentation-status cues, each with an example a test runs), {@code sections.csv}, and one DRL file per
 * catalogue module plus {@code text.drl}, the seam through which affirmed text hits become findings. To add a trigger: a catalogue row, a rule in the module's DRL file (thresholds as {@code limits}
 * methods backed by a {@code thresholds.csv} row), and a fires / does-not-fire test in the module's test class.
 */
package org.mhtrigger.rules;
