package org.mhtrigger.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
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
        // the loop runs in the shell itself: nearly all of it is user time
        assertThat(result.userSeconds()).isBetween(result.cpuSeconds() * 0.6, result.cpuSeconds());
    }

    @Test
    void aProcessThatAsksTheKernelToWork_hasLittleOfItsCpuTimeAsUserTime() throws Exception {
        // random bytes are made by the kernel, in the read calls: nearly all of dd's time is system time
        MeasuredProcess.Result result = MeasuredProcess.run(
                List.of("dd", "if=/dev/urandom", "of=/dev/null", "bs=1M", "count=300"),
                dir.resolve("out"),
                dir.resolve("err"));

        assertThat(result.exitCode()).isZero();
        assertThat(result.cpuSeconds()).isGreaterThan(0.1);
        assertThat(result.userSeconds()).isBetween(0.0, result.cpuSeconds() * 0.3);
    }

    @Test
    void theUserShare_isReadAfterACommandNameWithSpacesAndParentheses() throws Exception {
        Path stat = dir.resolve("stat");
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
        Files.writeString(stat, "4242 (a (b) c) R 1 1 1 0 -1 4194304 10 0 0 0 300 100 0 0 20 0 1 0\n");

        assertThat(MeasuredProcess.userShare(stat)).isEqualTo(0.75);
        assertThat(MeasuredProcess.userShare(dir.resolve("gone"))).isEqualTo(-1.0);
    }
}
