/**
 * Immutable records of one inpatient stay: the patient, the stay, other encounters of the patient, notes, lab results
 * and vital signs, medication events, procedures, conditions, flags, care plans and risk assessments.
 *
 * <p>Values here are already normalised by the adapter that built them: analytes and ingredients are lower-case
 * canonical names ({@code "lithium"}, {@code "clozapine"}), lab values carry their SI conversion, and kinds of
 * procedure, flag and document are canonical keys. Start with {@link org.mhtrigger.engine.record.StayRecord}.
 */
package org.mhtrigger.engine.record;
