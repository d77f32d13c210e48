package org.mhtrigger.engine.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrderedParallelTest {
    private static final long SEED = 20261206L;

    /** Work that finishes out of order: later inputs often sleep less than earlier ones. */
    private static List<Integer> run(int threads, int window) {
        Random random = new Random(SEED);
        int[] sleeps = IntStream.range(0, 200).map(i -> random.nextInt(3)).toArray();
        List<Integer> delivered = new ArrayList<>();
        try (OrderedParallel<Integer, Integer> parallel = new OrderedParallel<>(
                "test-worker",
                threads,
                window,
                i -> {
                    try {
                        Thread.sleep(sleeps[i]);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return i * 10;
                },
                delivered::add)) {
            for (int i = 0; i < sleeps.length; i++) {
                parallel.submit(i);
            }
            parallel.finish();
        }
        return delivered;
    }

    @Test
    void resultsArriveInSubmissionOrder_whateverTheThreadCount() {
        List<Integer> expected =
                IntStream.range(0, 200).map(i -> i * 10).boxed().toList();
        for (int threads : new int[] {1, 2, 4}) {
            assertThat(run(threads, threads * 4))
                    .as("threads=%d, seed %d", threads, SEED)
                    .isEqualTo(expected);
        }
    }

    @Test
    void afterEachSubmit_noMoreThanTheWindowAreWaitingToBeDelivered() {
        List<Integer> delivered = new ArrayList<>();
        int mostWaiting = 0;
        try (OrderedParallel<Integer, Integer> parallel = new OrderedParallel<>(
                "test-worker",
                2,
                5,
                i -> {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return i;
                },
                delivered::add)) {
            for (int i = 0; i < 100; i++) {
                parallel.submit(i);
                mostWaiting = Math.max(mostWaiting, i + 1 - delivered.size());
            }
            parallel.finish();
        }
        assertThat(mostWaiting).isBetween(1, 5);
        assertThat(delivered).hasSize(100);
    }

    @Test
    void oneThread_worksOnTheSubmittingThread() {
        List<String> threads = new ArrayList<>();
        try (OrderedParallel<Integer, String> parallel = new OrderedParallel<>(
                "unused", 1, 1, i -> Thread.currentThread().getName(), threads::add)) {
            parallel.submit(1);
            parallel.finish();
        }
        assertThat(threads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void aFailingFunction_reachesTheSubmittingThreadUnchanged() {
        List<Integer> delivered = new ArrayList<>();
        assertThatThrownBy(() -> {
                    try (OrderedParallel<Integer, Integer> parallel = new OrderedParallel<>(
                            "test-worker",
                            2,
                            2,
                            i -> {
                                if (i == 3) {
                                    throw new IllegalArgumentException("input 3 is bad");
                                }
                                return i;
                            },
                            delivered::add)) {
                        for (int i = 0; i < 6; i++) {
                            parallel.submit(i);
                        }
                        parallel.finish();
                    }
                })
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("input 3 is bad");
        assertThat(delivered).containsExactly(0, 1, 2);
    }

    @Test
    void aWindowSmallerThanTheThreads_isRefusedNamingBoth() {
        assertThatThrownBy(() -> new OrderedParallel<Integer, Integer>("w", 4, 2, i -> i, i -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window 2 must be at least threads (4)");
    }

    @Test
    void aSharedPool_servesRunAfterRunInOrder_andOutlivesEachRun() {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (int run = 0; run < 2; run++) {
                List<Integer> delivered = new ArrayList<>();
                try (OrderedParallel<Integer, Integer> parallel =
                        new OrderedParallel<>(pool, 3, "reading", i -> i * 2, delivered::add)) {
                    for (int i = 0; i < 50; i++) {
                        parallel.submit(i);
                    }
                    parallel.finish();
                }
                assertThat(delivered)
                        .as("run %d", run)
                        .isEqualTo(
                                IntStream.range(0, 50).map(i -> i * 2).boxed().toList());
                assertThat(pool.isShutdown()).isFalse();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anInterruptedWait_isNamedByTheActivity() {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        CountDownLatch never = new CountDownLatch(1);
        try (OrderedParallel<Integer, Integer> parallel = new OrderedParallel<>(
                pool,
                1,
                "reading",
                i -> {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return i;
                },
                i -> {})) {
            parallel.submit(1);
            Thread.currentThread().interrupt();
            assertThatThrownBy(parallel::finish)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("interrupted while reading");
            assertThat(Thread.interrupted()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
