package org.mhtrigger.engine.record;

import java.time.Instant;

/**
 * A care plan document. Immutable, thread-safe.
 *
 * @param source the CarePlan
 * @param created when it was created (or its period start)
 * @param status FHIR status, lower case
 */
public record CarePlanRecord(SourceRef source, Instant created, String status) {
    public CarePlanRecord {
        Checks.require(source, "care plan source");
        Checks.require(created, "care plan created");
        status = status == null ? "" : status;
    }
}
