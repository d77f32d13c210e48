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

    /** A listener that hands records, rejections and warnings to the three consumers. */
    static RecordListener of(
            Consumer<StayRecord> records, Consumer<Rejection> rejections, Consumer<Rejection> warnings) {
        Objects.requireNonNull(records, "records must not be null");
        Objects.requireNonNull(rejections, "rejections must not be null");
        Objects.requireNonNull(warnings, "warnings must not be null");
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
        };
    }
}
