package org.mhtrigger.engine.record;

/** Half-open character range {@code [start, end)} into a note's decoded text. Immutable, thread-safe. */
public record TextSpan(int start, int end) {
    public TextSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("span [" + start + ", " + end + ") must satisfy 0 <= start <= end");
        }
    }

    public int length() {
        return end - start;
    }

    /** Whether this span and {@code other} share at least one character. */
    public boolean overlaps(TextSpan other) {
        return start < other.end && other.start < end;
    }
}
