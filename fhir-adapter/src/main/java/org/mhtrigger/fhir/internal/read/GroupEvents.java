package org.mhtrigger.fhir.internal.read;

import java.util.ArrayList;
import java.util.List;
import org.mhtrigger.engine.record.StayRecord;

/**
 * What reading one group produced, in the order it happened: rejections, warnings, stripped elements, resources
 * counted and records. A group read on a worker thread reports here, and the reading thread replays it to the session
 * in group order, so a parallel read reports exactly what a serial one does. Not thread-safe: one per group.
 */
final class GroupEvents implements GroupSink {
    private sealed interface Event {}

    private record Rejected(String source, String reason) implements Event {}

    private record Warned(String source, String reason) implements Event {}

    private record Stripped(int count) implements Event {}

    private record Delivered(StayRecord record) implements Event {}

    private final List<Event> events = new ArrayList<>();
    private long counted;

    @Override
    public void rejected(String source, String reason) {
        events.add(new Rejected(source, reason));
    }

    @Override
    public void warning(String source, String reason) {
        events.add(new Warned(source, reason));
    }

    @Override
    public void stripped(int count) {
        events.add(new Stripped(count));
    }

    @Override
    public void counted() {
        counted++;
    }

    void record(StayRecord record) {
        events.add(new Delivered(record));
    }

    /** Replays everything, in order, to {@code session}; records go to {@code deliver}. */
    void replayTo(GroupSink session, java.util.function.Consumer<StayRecord> deliver) {
        for (long i = 0; i < counted; i++) {
            session.counted();
        }
        for (Event event : events) {
            switch (event) {
                case Rejected r -> session.rejected(r.source(), r.reason());
                case Warned w -> session.warning(w.source(), w.reason());
                case Stripped s -> session.stripped(s.count());
                case Delivered d -> deliver.accept(d.record());
            }
        }
    }
}
