package org.mhtrigger.fhir.server;

/**
 * Hears how a pull is going. Messages name counts, URLs of searches and durations, never resource content. Called
 * from the pulling thread.
 */
public interface PullListener {
    /** A listener that ignores everything. */
    PullListener SILENT = message -> {};

    /** One line of progress, for a person watching. */
    void progress(String message);
}
