package org.mhtrigger.engine.record;

/** Route of administration, normalised. */
public enum Route {
    ORAL,
    INTRAMUSCULAR,
    INTRAVENOUS,
    SUBCUTANEOUS,
    RECTAL,
    BUCCAL,
    INHALED,
    TOPICAL,
    OTHER,
    UNKNOWN;

    /** Intramuscular or intravenous: the routes of rapid tranquillisation. */
    public boolean parenteral() {
        return this == INTRAMUSCULAR || this == INTRAVENOUS;
    }
}
