package org.mhtrigger.fhir;

import java.util.Objects;
import java.util.function.Consumer;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.engine.screen.Rejection;

/**
 * Receives what {@link FhirRecordReader#read} makes of its input. Called from the thread that called {@code read},
 * one call at a time; an implementation need not be thread-safe unless it is shared between concurrent reads.
 *
 * <p>Rejections and warnings arrive while files are read and while groups of patients are assembled; records arrive
 * once all files are read, group by group (see {@link FhirRecordReader#read}). Reasons are one line and never contain
 * note text, names or identifiers.
 */
public interface RecordListener {
    /** A record ready for screening. */
    void record(StayRecord record);

    /** Input that was not used: a file, a line, a Bundle entry, a resource or a whole stay, with the reason. */
    void rejected(Rejection rejection);

    /** Input that was used although something about it was off (for example a unit that could not be converted). */
    void warning(Rejection warning);

    /**
     * How much of the input has been read: {@code bytesRead} of the {@code bytesTotal} bytes of its {@code .json} and
     * {@code .ndjson} files, reported as they are read (at the end of each file, and about every {@value
     * #PROGRESS_BYTES} bytes within an NDJSON file; a {@code .json} file is read whole), never decreasing, the last
     * report of a read saying all. A split read reports while it routes the input, before any record. For a progress
     * display; by default ignored.
     */
    default void progress(long bytesRead, long bytesTotal) {}

    /** Bytes read between two {@link #progress} reports within an NDJSON file, at most. */
    long PROGRESS_BYTES = 16L * 1024 * 1024;

    /** A listener that hands records, rejections and warnings to the three consumers, and ignores progress. */
    static RecordListener of(
            Consumer<StayRecord> records, Consumer<Rejection> rejections, Consumer<Rejection> warnings) {
        return of(records, rejections, warnings, (read, total) -> {});
    }

    /** A listener that hands records, rejections, warnings and progress to the four. */
    static RecordListener of(
            Consumer<StayRecord> records,
            Consumer<Rejection> rejections,
            Consumer<Rejection> warnings,
            Progress progress) {
        Objects.requireNonNull(records, "records must not be null");
        Objects.requireNonNull(rejections, "rejections must not be null");
        Objects.requireNonNull(warnings, "warnings must not be null");
        Objects.requireNonNull(progress, "progress must not be null");
        return new RecordListener() {
            @Override
            public void record(StayRecord record) {
                records.accept(record);
            }

            @Override
            public void rejected(Rejection rejection) {
                rejections.accept(rejection);
            }

            @Override
            public void warning(Rejection warning) {
                warnings.accept(warning);
            }

            @Override
            public void progress(long bytesRead, long bytesTotal) {
                progress.progress(bytesRead, bytesTotal);
            }
        };
    }

    /** Receives {@link #progress} reports. */
    @FunctionalInterface
    interface Progress {
        void progress(long bytesRead, long bytesTotal);
    }
}
