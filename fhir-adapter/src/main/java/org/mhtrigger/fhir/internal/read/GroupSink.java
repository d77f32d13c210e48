package org.mhtrigger.fhir.internal.read;

import org.mhtrigger.fhir.internal.extract.Reporter;

/** Where a {@link Group} reports: its problems, and each resource it counts as newly read. */
interface GroupSink extends Reporter {
    /** Added to an Encounter's read sequence number to mark what its stay reports: after every resource's reports. */
    long STAYS = 1L << 62;

    /** A resource newly read (not a duplicate). */
    void counted();

    /**
     * Marks what comes next: the resource with read sequence number {@code order}, or the stay of the Encounter read as
     * {@code order - STAYS}. Only a part read to be merged with others ({@link GroupEvents}) needs it.
     */
    default void at(long order) {}
}
