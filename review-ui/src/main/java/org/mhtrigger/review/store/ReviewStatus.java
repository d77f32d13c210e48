package org.mhtrigger.review.store;

/** Where a sampled record is in the two-stage review (docs/spec/method.md §2). Thread-safe. */
public enum ReviewStatus {
    ASSIGNED("assigned"),
    IN_PROGRESS("in progress"),
    SUBMITTED("submitted, awaiting signature"),
    AUTHENTICATED("authenticated"),
    CHANGED_SINCE_SIGNATURE("changed since signature"),
    /** The physician sent it back to the reviewer with a comment; the reviewer changes it and submits it again. */
    RETURNED("returned to reviewer");

    private final String label;

    ReviewStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Whether the review is with the physician or signed, so that changes need a reason. A returned record is back with
     * its reviewer: not submitted until it is submitted again.
     */
    public boolean submitted() {
        return this == SUBMITTED || this == AUTHENTICATED || this == CHANGED_SINCE_SIGNATURE;
    }

    /** Whether a physician can sign it (or return it) now. */
    public boolean awaitingSignature() {
        return this == SUBMITTED || this == CHANGED_SINCE_SIGNATURE;
    }

    /** Whether the next step is the reviewer's: assigned, in progress or returned. */
    public boolean withReviewer() {
        return this == ASSIGNED || this == IN_PROGRESS || this == RETURNED;
    }

    /** Whether a physician may open it: once submitted, and after returning it. */
    public boolean openToPhysician() {
        return submitted() || this == RETURNED;
    }
}
