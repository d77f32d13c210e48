package org.mhtrigger.engine.text.context;

/**
 * How a numeric date without a month name is read: "03/01" is 3 January day-first (UK, Singapore, Australia, most of
 * the world) and 1 March month-first (US). A date only one order makes real ("25/03", "3/18") is read that way in
 * either. Immutable, thread-safe.
 */
public enum DateOrder {
    DAY_FIRST,
    MONTH_FIRST
}
