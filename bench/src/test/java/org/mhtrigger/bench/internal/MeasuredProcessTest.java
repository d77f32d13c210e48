package org.mhtrigger.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the benchmarks read of a process from outside, on processes whose CPU use is known by construction. */
class MeasuredProcessTest {
    @TempDir
    Path dir;

    private MeasuredProcess.Result run(String script) throws Exception {
        return MeasuredProcess.run(List.of("sh", "-c", script), dir.resolve("out"), dir.resolve("err"));
    }

    @Test
    void aProcessThatWaits_takesWallTimeButAlmostNoCpu() throws Exception {
        MeasuredProcess.Result result = run("sleep 0.6");

        assertThat(result.exitCode()).isZero();
        assertThat(result.seconds()).isGreaterThanOrEqualTo(0.6);
        assertThat(result.cpuSeconds()).isBetween(0.0, 0.2);
    }

    @Test
    void aProcessThatComputes_hasItsCpuTimeCounted_upToItsWallTimeOnOneThread() throws Exception {
        // a shell loop on one thread: several tenths of a second of CPU, never more than the wall time
        MeasuredProcess.Result result = run("i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done");

        assertThat(result.exitCode()).isZero();
        assertThat(result.cpuSeconds()).isGreaterThan(0.1);
        assertThat(result.cpuSeconds()).isLessThanOrEqualTo(result.seconds() + 0.05);
        assertThat(result.peakRssBytes()).isPositive();
    }
}
