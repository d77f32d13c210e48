/**
 * The machinery behind {@link org.mhtrigger.fhir.FhirRecordReader}; not API, may change without notice. One
 * sub-package per job, dependencies pointing one way (read → spill → extract → parse → guard; extract → mapping):
 *
 * <ul>
 *   <li>{@link org.mhtrigger.fhir.internal.read} — one read: files, JSON checks, Bundles, NDJSON lines, error wording,
 *       groups of patients read on one or several threads. Start at {@link
 *       org.mhtrigger.fhir.internal.read.ReadSession}.
 *   <li>{@link org.mhtrigger.fhir.internal.spill} — what a resource's JSON says about where it belongs ({@link
 *       org.mhtrigger.fhir.internal.spill.Route}), and the split read of large inputs through spill files.
 *   <li>{@link org.mhtrigger.fhir.internal.parse} — the fast path past HAPI's parser for plainly written resources.
 *   <li>{@link org.mhtrigger.fhir.internal.extract} — HAPI resources to small facts, and facts to stays.
 *   <li>{@link org.mhtrigger.fhir.internal.mapping} — the CSV code, unit and name tables.
 *   <li>{@link org.mhtrigger.fhir.internal.guard} — the anonymisation guard.
 * </ul>
 *
 * <p>Here: {@link org.mhtrigger.fhir.internal.FhirContexts}, the JVM's one HAPI context, and {@link
 * org.mhtrigger.fhir.internal.Text}, the text helpers every job uses.
 */
package org.mhtrigger.fhir.internal;
