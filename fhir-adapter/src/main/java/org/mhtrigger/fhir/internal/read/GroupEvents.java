package org.mhtrigger.fhir.internal.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.mhtrigger.engine.record.StayRecord;

/**
 * What reading one part of a group produced, in the order it happened: rejections, warnings, stripped elements,
 * resources counted and records, each event marked with where in the whole group it happened ({@link #at}). A part read
 * on a worker thread reports here, and the reading thread replays a group's parts to the session together, merged in
 * the order of those marks ({@link #replayMerged}), so a read in parts or on several threads reports exactly what a
 * serial read of whole groups does. Not thread-safe: one per part.
 */
final class GroupEvents implements GroupSink {
    private sealed interface Event {}

    private record Rejected(String source, String reason) implements Event {}

    private record Warned(String source, String reason) implements Event {}

    private record Stripped(int count) implements Event {}

    private record Delivered(StayRecord record) implements Event {}

    private final int part;
    private final List<Event> events = new ArrayList<>();
    /** Each event's mark, as {@link #at} set it when the event came. */
    private long[] orders = new long[16];

    private long at;
    private long counted;

    /** @param part the part of the split read (its group is {@code part / parts}) */
    GroupEvents(int part) {
        this.part = part;
    }

    int part() {
        return part;
    }

    @Override
    public void at(long order) {
        at = order;
    }

    @Override
    public void rejected(String source, String reason) {
        add(new Rejected(source, reason));
    }

    @Override
    public void warning(String source, String reason) {
        add(new Warned(source, reason));
    }

    @Override
    public void stripped(int count) {
        add(new Stripped(count));
    }

    @Override
    public void counted() {
        counted++;
    }

    void record(StayRecord record) {
        add(new Delivered(record));
    }

    private void add(Event event) {
        if (events.size() == orders.length) {
            orders = Arrays.copyOf(orders, orders.length * 2);
        }
        orders[events.size()] = at;
        events.add(event);
    }

    /**
     * Replays the parts of one group to {@code session} as the whole group read at once would have reported them:
     * counts first, then every event in the order of its mark (a part's own events are already in that order, and no
     * two parts share a mark, as each resource and each stay is in one part only). Records go to {@code deliver}.
     */
    static void replayMerged(List<GroupEvents> parts, GroupSink session, Consumer<StayRecord> deliver) {
        int[] next = new int[parts.size()];
        for (GroupEvents events : parts) {
            for (long i = 0; i < events.counted; i++) {
                session.counted();
            }
        }
        while (true) {
            int first = -1;
            for (int i = 0; i < next.length; i++) {
                GroupEvents events = parts.get(i);
                if (next[i] < events.events.size()
                        && (first < 0 || events.orders[next[i]] < parts.get(first).orders[next[first]])) {
                    first = i;
                }
            }
            if (first < 0) {
                return;
            }
            GroupEvents from = parts.get(first);
            long order = from.orders[next[first]];
            while (next[first] < from.events.size() && from.orders[next[first]] == order) {
                switch (from.events.get(next[first]++)) {
                    case Rejected r -> session.rejected(r.source(), r.reason());
                    case Warned w -> session.warning(w.source(), w.reason());
                    case Stripped s -> session.stripped(s.count());
                    case Delivered d -> deliver.accept(d.record());
                }
            }
        }
    }
}
