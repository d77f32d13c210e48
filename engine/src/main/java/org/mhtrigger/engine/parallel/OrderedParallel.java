package org.mhtrigger.engine.parallel;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Applies a function to inputs on a pool of threads and hands each result to a consumer on the submitting thread, in
 * the order the inputs were submitted. At most {@code window} inputs are in flight: {@link #submit} waits for the
 * oldest when the window is full, so memory does not grow with the input. With one thread the function runs on the
 * submitting thread and no pool is made. Not thread-safe: one submitting thread per instance.
 *
 * <p>A function that throws fails the whole run: the exception reaches the submitting thread from {@link #submit} or
 * {@link #finish} unchanged (a {@link RuntimeException} or {@link Error}). A caller that wants one bad input to fail
 * alone catches inside the function and returns a value that says so.
 *
 * @param <I> the input
 * @param <O> the result
 */
public final class OrderedParallel<I, O> implements AutoCloseable {
    private final Function<? super I, ? extends O> work;
    private final Consumer<? super O> deliver;
    private final ExecutorService pool;
    private final boolean ownsPool;
    /** What the work is, for messages ("interrupted while reading"). */
    private final String activity;

    private final int window;
    private final Deque<Future<O>> pending = new ArrayDeque<>();

    /**
     * @param threadName the name of the pool's (daemon) threads
     * @param threads 1 to work on the submitting thread; more for a pool of that many threads
     * @param window the most inputs in flight at once, at least {@code threads}
     * @param work the function, called on a pool thread (or the submitting thread with one thread)
     * @param deliver hears each result on the submitting thread, in submission order
     */
    public OrderedParallel(
            String threadName,
            int threads,
            int window,
            Function<? super I, ? extends O> work,
            Consumer<? super O> deliver) {
        this(ownPool(threadName, threads, window), true, window, "running parallel work", work, deliver);
    }

    /**
     * Works on a pool the caller owns and may share between runs: {@link #close} cancels this run's work but leaves
     * the pool running.
     *
     * @param pool the threads to work on
     * @param window the most inputs in flight at once, at least 1
     * @param activity what the work is, for messages: {@code "interrupted while <activity>"}, {@code "<activity>
     *     failed"}
     * @param work the function, called on a pool thread
     * @param deliver hears each result on the submitting thread, in submission order
     */
    public OrderedParallel(
            ExecutorService pool,
            int window,
            String activity,
            Function<? super I, ? extends O> work,
            Consumer<? super O> deliver) {
        this(
                Objects.requireNonNull(pool, "pool must not be null"),
                false,
                atLeastOne(window),
                Objects.requireNonNull(activity, "activity must not be null"),
                work,
                deliver);
    }

    private OrderedParallel(
            ExecutorService pool,
            boolean ownsPool,
            int window,
            String activity,
            Function<? super I, ? extends O> work,
            Consumer<? super O> deliver) {
        this.work = Objects.requireNonNull(work, "work must not be null");
        this.deliver = Objects.requireNonNull(deliver, "deliver must not be null");
        this.pool = pool;
        this.ownsPool = ownsPool;
        this.window = window;
        this.activity = activity;
    }

    /** A pool of {@code threads} daemon threads, or {@code null} for one thread (the submitting one). */
    private static ExecutorService ownPool(String threadName, int threads, int window) {
        Objects.requireNonNull(threadName, "threadName must not be null");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        if (window < threads) {
            throw new IllegalArgumentException("window " + window + " must be at least threads (" + threads + ")");
        }
        return threads == 1
                ? null
                : Executors.newFixedThreadPool(threads, task -> {
                    Thread thread = new Thread(task, threadName);
                    thread.setDaemon(true);
                    return thread;
                });
    }

    private static int atLeastOne(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, was " + window);
        }
        return window;
    }

    /**
     * Queues {@code input}; delivers the results that are ready at the head of the queue, and waits for the oldest
     * while more than {@code window} are in flight.
     */
    public void submit(I input) {
        if (pool == null) {
            deliver.accept(work.apply(input));
            return;
        }
        pending.addLast(pool.submit(() -> work.apply(input)));
        while (!pending.isEmpty()
                && (pending.size() > window || pending.peekFirst().isDone())) {
            deliver.accept(take());
        }
    }

    /** Waits for every submitted input and delivers the remaining results. */
    public void finish() {
        while (!pending.isEmpty()) {
            deliver.accept(take());
        }
    }

    private O take() {
        return Futures.await(pending.removeFirst(), activity);
    }

    /** Cancels what was not delivered and stops the pool if this instance made it. */
    @Override
    public void close() {
        if (pool != null) {
            pending.forEach(f -> f.cancel(true));
            pending.clear();
            if (ownsPool) {
                pool.shutdownNow();
            }
        }
    }
}
