package org.mhtrigger.fhir.internal.read;

import org.mhtrigger.fhir.internal.extract.Reporter;

/** Where a {@link Group} reports: its problems, and each resource it counts as newly read. */
interface GroupSink extends Reporter {
    /** A resource newly read (not a duplicate). */
    void counted();
}
