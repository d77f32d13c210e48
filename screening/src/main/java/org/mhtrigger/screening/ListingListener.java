package org.mhtrigger.screening;

import java.io.PrintWriter;
import java.util.Objects;
import org.mhtrigger.engine.screen.Rejection;

/**
 * A listener that lists rejected input and warnings on a diagnostic stream, one line each ({@code rejected: …},
 * {@code warning: …}), as the commands and the review UI's start-up import show them; subclasses take the records.
 * Called on the thread that runs the pipeline.
 */
public abstract class ListingListener implements ScreeningPipeline.Listener {
    private final PrintWriter err;

    protected ListingListener(PrintWriter err) {
        this.err = Objects.requireNonNull(err, "err must not be null");
    }

    @Override
    public void rejected(Rejection rejection) {
        err.println("rejected: " + rejection);
    }

    @Override
    public void warning(Rejection warning) {
        err.println("warning: " + warning);
    }
}
