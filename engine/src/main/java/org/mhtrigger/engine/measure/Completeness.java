package org.mhtrigger.engine.measure;

/**
 * How far a period's sample has been reviewed: how many of its sampled records carry a physician's signature. A
 * period's harm rates are final only once every sampled record is signed; until then they are provisional and are
 * kept out of centre lines, limits and signals. Immutable, thread-safe.
 *
 * @param sampled records in the period's sample (first reviews only; second reviews are never counted)
 * @param signed of those, records whose review is authenticated now
 */
public record Completeness(int sampled, int signed) {
    public Completeness {
        if (sampled < 0 || signed < 0 || signed > sampled) {
            throw new IllegalArgumentException(
                    "signed " + signed + " of sampled " + sampled + " must satisfy 0 <= signed <= sampled");
        }
    }

    /** Where the period's review stands. */
    public enum State {
        /** Drawn, no record signed yet. */
        SAMPLED("sampled"),
        /** Some records signed, not all. */
        IN_REVIEW("in review"),
        /** Every sampled record signed. */
        COMPLETE("complete");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public State state() {
        if (sampled > 0 && signed == sampled) {
            return State.COMPLETE;
        }
        return signed == 0 ? State.SAMPLED : State.IN_REVIEW;
    }

    public boolean complete() {
        return state() == State.COMPLETE;
    }

    /** In words, as every chart, table and report prints it: "in review: 1 of 13 signed". */
    public String label() {
        return state().label() + ": " + signed + " of " + sampled + " signed";
    }
}
