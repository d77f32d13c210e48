package org.mhtrigger.engine.parallel;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work done on another thread, by a caller that cannot go on without its result. */
public final class Futures {
    private Futures() {}

    /**
     * The result of {@code future}, waiting for it. What the work threw reaches the caller unchanged (a {@link
     * RuntimeException} or {@link Error}); anything else, and an interrupt, become an {@link IllegalStateException}
     * saying {@code "<activity> failed"} or {@code "interrupted while <activity>"} (the interrupt flag is set again).
     *
     * @param activity what the work is, for those messages ("reading")
     */
    public static <T> T await(Future<T> future, String activity) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + activity, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(activity + " failed", e.getCause());
        }
    }
}
