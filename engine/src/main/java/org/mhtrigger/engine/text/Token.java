package org.mhtrigger.engine.text;

/** One analysed token: its term and its character offsets into the analysed text. Immutable, thread-safe. */
record Token(String term, int start, int end) {}
