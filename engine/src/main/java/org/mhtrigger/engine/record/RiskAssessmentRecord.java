package org.mhtrigger.engine.record;

import java.time.Instant;

/**
 * A risk assessment document. Immutable, thread-safe.
 *
 * @param source the RiskAssessment
 * @param time when it was done
 * @param status FHIR status, lower case
 */
public record RiskAssessmentRecord(SourceRef source, Instant time, String status) {
    public RiskAssessmentRecord {
        Checks.require(source, "risk assessment source");
        Checks.require(time, "risk assessment time");
        status = status == null ? "" : status;
    }
}
