package org.mhtrigger.engine.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Test;

class FuturesTest {
    @Test
    void givesTheResultAndWhatTheWorkThrewUnchanged() {
        assertThat(Futures.await(CompletableFuture.completedFuture("ok"), "reading"))
                .isEqualTo("ok");

        IllegalArgumentException thrown = new IllegalArgumentException("bad rule");
        FutureTask<String> failing = new FutureTask<>(() -> {
            throw thrown;
        });
        failing.run();
        assertThatThrownBy(() -> Futures.await(failing, "building the rules")).isSameAs(thrown);
    }

    @Test
    void aCheckedFailureOrAnInterruptNamesTheActivity() {
        FutureTask<String> checked = new FutureTask<>(() -> {
            throw new IOException("disk");
        });
        checked.run();
        assertThatThrownBy(() -> Futures.await(checked, "reading"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("reading failed")
                .hasCauseInstanceOf(IOException.class);

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Futures.await(new CompletableFuture<String>(), "building the rules"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("interrupted while building the rules");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
