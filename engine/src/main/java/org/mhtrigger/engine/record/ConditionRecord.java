package org.mhtrigger.engine.record;

import java.time.Instant;

/**
 * A diagnosis or problem. Immutable, thread-safe.
 *
 * @param source the Condition
 * @param icd10 the ICD-10 code, upper case with its dot ({@code "X78.0"}), {@code ""} if none was coded
 * @param snomed the SNOMED CT code, {@code ""} if none
 * @param display the code's display or text
 * @param time onset, or recorded date when there is no onset
 */
public record ConditionRecord(SourceRef source, String icd10, String snomed, String display, Instant time) {
    public ConditionRecord {
        Checks.require(source, "condition source");
        Checks.require(time, "condition time");
        icd10 = icd10 == null ? "" : icd10;
        snomed = snomed == null ? "" : snomed;
        display = display == null ? "" : display;
    }
}
