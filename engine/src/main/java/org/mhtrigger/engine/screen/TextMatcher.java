package org.mhtrigger.engine.screen;

import java.util.List;
import org.mhtrigger.engine.record.StayRecord;

/** Finds trigger mentions in a record's notes and classifies their context. Implementations say whether they are thread-safe. */
@FunctionalInterface
public interface TextMatcher {
    /** A matcher that finds nothing, for structured-only screening. */
    TextMatcher NONE = record -> List.of();

    /** Every mention in the record's notes, affirmed or not, in note and offset order. */
    List<TextHit> match(StayRecord record);
}
