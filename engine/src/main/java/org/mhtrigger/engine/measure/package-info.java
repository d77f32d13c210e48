/**
 * Harm measures, agreement and run-chart statistics (docs/spec/method.md §3–4): what the review is for.
 *
 * <p>Start with {@link org.mhtrigger.engine.measure.Measures#compute}: it takes one review period's {@link
 * org.mhtrigger.engine.measure.PeriodInput} (the sampled stays, their authenticated events, and every screened
 * stay with its restrictive-practice episodes) and returns {@link org.mhtrigger.engine.measure.PeriodMeasures}:
 * the rates of {@link org.mhtrigger.engine.measure.Measure}, breakdowns and per-trigger positive predictive value.
 * A series of periods goes to {@link org.mhtrigger.engine.measure.RunChart#analyse} (median and Anhøj signals) and
 * to {@link org.mhtrigger.engine.measure.ControlChart} (u- and p-charts). {@link
 * org.mhtrigger.engine.measure.CohensKappa} measures agreement between two independent primary reviewers.
 *
 * <p>Harm rates are for improvement over time inside one organisation, not for league tables.
 */
package org.mhtrigger.engine.measure;
