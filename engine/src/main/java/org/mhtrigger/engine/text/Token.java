package org.mhtrigger.engine.text;

/** One analysed token: its term and its character offsets into the analysed text. Immutable, thread-safe. */
public record Token(String term, int start, int end) {}
