package org.mhtrigger.engine.record;

import java.time.Instant;

/**
 * A procedure done to the patient, with its canonical kind. Immutable, thread-safe.
 *
 * @param source the Procedure
 * @param kind canonical kind: {@code restraint}, {@code seclusion}, {@code rapid-tranquillisation},
 *     {@code resuscitation}, or {@code other}
 * @param display the code's display or text, for evidence
 * @param start when it began
 * @param end when it ended, {@code null} if unknown
 * @param status FHIR status, lower case
 */
public record ProcedureRecord(
        SourceRef source, String kind, String display, Instant start, Instant end, String status) {
    public ProcedureRecord {
        Checks.require(source, "procedure source");
        Checks.requireText(kind, "procedure kind");
        Checks.require(start, "procedure start");
        display = display == null ? "" : display;
        status = status == null ? "" : status;
    }
}
