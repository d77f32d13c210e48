package org.mhtrigger.fhir.internal;

/** Where a {@link Group} reports: its problems, and each resource it counts as newly read. */
interface GroupSink extends Reporter {
    /** A resource newly read (not a duplicate). */
    void counted();
}
