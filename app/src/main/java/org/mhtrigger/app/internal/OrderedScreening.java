package org.mhtrigger.app.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.engine.screen.Rejection;
import org.mhtrigger.engine.screen.Screener;
import org.mhtrigger.engine.screen.Screening;

/**
 * Screens records on a pool of threads and delivers the screenings, in the order the records were submitted, on the
 * thread that submits them. At most a few records per thread are in flight, so memory does not grow with the input.
 * With one thread, records are screened on the submitting thread. Not thread-safe: one submitting thread.
 */
final class OrderedScreening implements AutoCloseable {
    private static final int IN_FLIGHT_PER_THREAD = 4;

    private final Screener screener;
    private final Consumer<Screening> deliver;
    private final Consumer<Rejection> failed;
    private final ExecutorService pool;
    private final int window;
    /** Each holds a {@link Screening} or, when screening failed, a {@link Rejection}. */
    private final Deque<Future<Object>> pending = new ArrayDeque<>();

    /** @param failed hears a record whose screening failed; the others are still screened and delivered */
    OrderedScreening(Screener screener, int threads, Consumer<Screening> deliver, Consumer<Rejection> failed) {
        this.screener = screener;
        this.deliver = deliver;
        this.failed = failed;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, OrderedScreening::daemon);
        this.window = threads * IN_FLIGHT_PER_THREAD;
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "mhtrigger-screen");
        thread.setDaemon(true);
        return thread;
    }

    void submit(StayRecord record) {
        if (pool == null) {
            Object result = screen(record);
            deliverOrReport(result);
            return;
        }
        pending.addLast(pool.submit(() -> screen(record)));
        while (!pending.isEmpty()
                && (pending.size() > window || pending.peekFirst().isDone())) {
            deliverOrReport(take());
        }
    }

    /** One record's screening; a failure rejects that record only (its message may quote note text: not shown). */
    private Object screen(StayRecord record) {
        try {
            return screener.screen(record);
        } catch (RuntimeException e) {
            return new Rejection(
                    "Encounter/" + record.id(),
                    "screening failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void deliverOrReport(Object result) {
        if (result instanceof Screening screening) {
            deliver.accept(screening);
        } else {
            failed.accept((Rejection) result);
        }
    }

    /** Waits for every submitted record and delivers the rest. */
    void finish() {
        while (!pending.isEmpty()) {
            deliverOrReport(take());
        }
    }

    private Object take() {
        Future<Object> next = pending.removeFirst();
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while screening", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("screening failed", e.getCause());
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pending.forEach(f -> f.cancel(true));
            pool.shutdownNow();
        }
    }
}
