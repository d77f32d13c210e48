package org.mhtrigger.bench.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a command as a separate process and measures it from outside: wall time from just before the process is
 * started to its exit (JVM start-up included); its peak resident memory, read from the kernel's high-water mark
 * {@code VmHWM} in {@code /proc/<pid>/status} every {@value #POLL_MILLIS} ms while it runs (Linux only; the mark only
 * rises, so the last value read misses at most the process's last {@value #POLL_MILLIS} ms); and the CPU time of all
 * its threads, user and system, as the operating system reports it for the process ({@link
 * ProcessHandle.Info#totalCpuDuration()}), read as often and missing as little, with the part of it spent in the
 * program itself rather than in the kernel (the share of user time in {@code /proc/<pid>/stat}; Linux only). On a
 * machine whose processors are shared, CPU time moves much less between identical runs than wall time does, and user
 * time less again: the kernel's part (clearing fresh memory, copying files) varies most from run to run. Stateless,
 * thread-safe.
 */
public final class MeasuredProcess {
    static final int POLL_MILLIS = 10;
    /** Where {@code utime} is among the fields after the command name (the 3rd field, the state, is index 0). */
    private static final int USER_TIME_FIELD = 14 - 3;

    private static final Pattern HIGH_WATER_MARK = Pattern.compile("(?m)^VmHWM:\\s+(\\d+) kB");

    private MeasuredProcess() {}

    /**
     * What one run did.
     *
     * @param peakRssBytes peak resident memory, or -1 where {@code /proc} cannot tell
     * @param cpuSeconds CPU time of all its threads, user and system; -1 where the system cannot tell, or when the
     *     process ended before the first reading
     * @param userSeconds the part of {@code cpuSeconds} spent in user mode; -1 where {@code /proc} cannot tell
     */
    public record Result(
            int exitCode,
            double seconds,
            long peakRssBytes,
            double cpuSeconds,
            double userSeconds,
            Path stdout,
            Path stderr) {
        public String stdoutText() throws IOException {
            return Files.readString(stdout);
        }

        public String stderrText() throws IOException {
            return Files.readString(stderr);
        }
    }

    /** Runs {@code command} with its output and errors written to {@code stdout} and {@code stderr}. */
    public static Result run(List<String> command, Path stdout, Path stderr) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        long started = System.nanoTime();
        Process process = builder.start();
        Path proc = Path.of("/proc", Long.toString(process.pid()));
        ProcessHandle handle = process.toHandle();
        long peak = -1;
        double cpu = -1;
        double user = -1;
        while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, highWaterMark(proc.resolve("status")));
            double total = cpuSeconds(handle);
            if (total > cpu) {
                cpu = total;
                double userShare = userShare(proc.resolve("stat"));
                user = userShare < 0 ? -1 : total * userShare;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(process.exitValue(), seconds, peak, cpu, user, stdout, stderr);
    }

    /**
     * The share of user time in the process's CPU time so far, from the {@code utime} and {@code stime} fields of
     * {@code /proc/<pid>/stat} (the 14th and 15th; counted after the command name, which may hold spaces and
     * parentheses, so from the last {@code ')'}); -1 if the file is gone or says no time yet.
     */
    static double userShare(Path stat) {
        try {
            String text = Files.readString(stat);
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            long userTicks = Long.parseLong(fields[USER_TIME_FIELD]);
            long systemTicks = Long.parseLong(fields[USER_TIME_FIELD + 1]);
            return userTicks + systemTicks == 0 ? -1 : (double) userTicks / (userTicks + systemTicks);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The process's CPU time so far in seconds, or -1 if the system does not say (or it has ended). */
    static double cpuSeconds(ProcessHandle process) {
        return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
    }

    /** VmHWM in bytes, or -1 if the file is gone (the process ended) or has no such line. */
    static long highWaterMark(Path status) {
        try {
            Matcher m = HIGH_WATER_MARK.matcher(Files.readString(status));
            return m.find() ? Long.parseLong(m.group(1)) << 10 : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
