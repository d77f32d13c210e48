package org.mhtrigger.fhir;

import java.util.ArrayList;
import java.util.List;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.engine.screen.Rejection;

/**
 * A {@link RecordListener} that keeps everything in memory, for tests, {@code evaluate} and other small inputs. Not
 * thread-safe; use one per read.
 */
public final class CollectingListener implements RecordListener {
    private final List<StayRecord> records = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private final List<Rejection> warnings = new ArrayList<>();

    @Override
    public void record(StayRecord record) {
        records.add(record);
    }

    @Override
    public void rejected(Rejection rejection) {
        rejections.add(rejection);
    }

    @Override
    public void warning(Rejection warning) {
        warnings.add(warning);
    }

    /** Records in the order they were delivered. */
    public List<StayRecord> records() {
        return List.copyOf(records);
    }

    public List<Rejection> rejections() {
        return List.copyOf(rejections);
    }

    public List<Rejection> warnings() {
        return List.copyOf(warnings);
    }
}
