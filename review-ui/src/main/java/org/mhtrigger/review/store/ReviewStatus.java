package org.mhtrigger.review.store;

/** Where a sampled record is in the two-stage review (method.md §2). Thread-safe. */
public enum ReviewStatus {
    ASSIGNED("assigned"),
    IN_PROGRESS("in progress"),
    SUBMITTED("submitted, awaiting signature"),
    AUTHENTICATED("authenticated"),
    CHANGED_SINCE_SIGNATURE("changed since signature");

    private final String label;

    ReviewStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the review has been submitted at least once, so that changes need a reason. */
    public boolean submitted() {
        return this == SUBMITTED || this == AUTHENTICATED || this == CHANGED_SINCE_SIGNATURE;
    }

    /** Whether a physician can sign it now. */
    public boolean awaitingSignature() {
        return this == SUBMITTED || this == CHANGED_SINCE_SIGNATURE;
    }
}
