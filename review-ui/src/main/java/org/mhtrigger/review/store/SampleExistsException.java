package org.mhtrigger.review.store;

/** A sample was drawn for a period that already has one: refused, so that no sample is ever silently replaced. */
public final class SampleExistsException extends IllegalStateException {
    private final String period;

    public SampleExistsException(String period, String message) {
        super(message);
        this.period = period;
    }

    /** The period's label, e.g. 2025-02. */
    public String period() {
        return period;
    }
}
