package org.mhtrigger.app.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.mhtrigger.engine.screen.Screening;

/** Writes the findings of screened records in one format. Not thread-safe. */
public interface FindingWriter extends Closeable {
    /** Writes one record's findings (and, when explaining, its suppressed mentions). */
    void write(Screening screening);

    /** Flushes and closes the underlying writer. */
    @Override
    void close();

    /** Wraps an I/O failure of the output. */
    static UncheckedIOException failed(IOException e) {
        return new UncheckedIOException("cannot write findings: " + e.getMessage(), e);
    }
}
