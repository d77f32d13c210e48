package org.mhtrigger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headline benchmark's output contract, on a small export with the real product jar run as a process; its figures
 * are measured by running it, never asserted here.
 */
class BenchCommandTest {
    static final String FIGURES =
            " +\\d+\\.\\d\\d s +\\d+\\.\\d stays/s +\\d+\\.\\d MB/s of input  peak RSS (\\d+ MB|n/a)"
                    + "  CPU (\\d+\\.\\d s(, user \\d+\\.\\d s)?|n/a)";

    private static final Pattern CPU = Pattern.compile("CPU (\\d+\\.\\d) s, user (\\d+\\.\\d) s$");

    @TempDir
    Path dir;

    @Test
    void smallExport_runsBothSidesAlternately_andEndsWithTheRatioLine() {
        CommandRun run = CommandRun.run("bench", "--stays", "15", "--runs", "2", "--threads", "1");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(BenchMain.OK);
        List<String> lines = run.outLines();
        assertThat(lines.getFirst()).startsWith("export: 15 generated stays (seed 7)");
        assertThat(lines)
                .anyMatch(l -> l.matches("machine: \\d+ processors, Java .*; both sides: 1 thread\\(s\\), .*"));
        // A B A B: each pair is the pipeline, then HAPI
        List<String> runs = lines.stream().filter(l -> l.startsWith("run ")).toList();
        assertThat(runs).hasSize(4);
        assertThat(runs.get(0)).matches("run 1 +pipeline \\(screen\\)" + FIGURES);
        assertThat(runs.get(1)).matches("run 1 +HAPI parse only" + FIGURES);
        assertThat(runs.get(2)).matches("run 2 +pipeline \\(screen\\)" + FIGURES);
        assertThat(runs.get(3)).matches("run 2 +HAPI parse only" + FIGURES);
        assertThat(lines).anyMatch(l -> l.matches("median +pipeline \\(screen\\)" + FIGURES));
        assertThat(lines).anyMatch(l -> l.matches("median +HAPI parse only" + FIGURES));
        // the 15 stays' figure is stays/s of what screen itself said it screened
        assertThat(runs.get(0)).contains(" stays/s");
        // a whole JVM run takes well over the 10 ms between readings, so its CPU time is known
        assertThat(runs).noneMatch(l -> l.endsWith("CPU n/a"));
        assertThat(lines)
                .anyMatch(l -> l.matches("CPU time \\(all threads, .*\\): HAPI parse / pipeline \\d+\\.\\d\\d"));
        if (Files.isReadable(Path.of("/proc/self/stat"))) {
            // Linux: each run's user time, a part of its CPU time, and the ratio of the medians' user time
            assertThat(runs).allSatisfy(l -> {
                Matcher cpu = CPU.matcher(l);
                assertThat(cpu.find()).as(l).isTrue();
                assertThat(Double.parseDouble(cpu.group(2)))
                        .as(l)
                        .isPositive()
                        .isLessThanOrEqualTo(Double.parseDouble(cpu.group(1)));
            });
            assertThat(lines).anyMatch(l -> l.matches("user CPU time \\(.*\\): HAPI parse / pipeline \\d+\\.\\d\\d"));
        }
        assertThat(lines)
                .anyMatch(
                        l -> l.matches("start-up: 'mhtrigger --version' process \\d+\\.\\d\\d s .*'screen' of 39 stays"
                                + " \\d+\\.\\d\\d s .*"));
        assertThat(lines.get(lines.size() - 2)).contains("above 1.00 the whole screen is faster");
        assertThat(lines.getLast()).matches("ratio pipeline / HAPI parse: \\d+\\.\\d\\d");
    }

    @Test
    void shortRunOptions_areThoseTheLauncherGave_upToItsSize() {
        System.setProperty("mhtrigger.short-run-java-options", "-XX:TieredStopAtLevel=1 -Xss2m");
        System.setProperty("mhtrigger.short-run-bytes", "400000000");
        try {
            assertThat(BenchCommand.shortRunOptions(2_000_000)).containsExactly("-XX:TieredStopAtLevel=1", "-Xss2m");
            assertThat(BenchCommand.shortRunOptions(400_000_000)).containsExactly("-XX:TieredStopAtLevel=1", "-Xss2m");
            assertThat(BenchCommand.shortRunOptions(400_000_001)).isEmpty();
        } finally {
            System.clearProperty("mhtrigger.short-run-java-options");
            System.clearProperty("mhtrigger.short-run-bytes");
        }
        // started without the launcher: none
        assertThat(BenchCommand.shortRunOptions(1)).isEmpty();
    }

    @Test
    void noRuns_isAUsageError() {
        CommandRun run = CommandRun.run("bench", "--runs", "0");

        assertThat(run.exitCode()).isEqualTo(BenchMain.USAGE);
        assertThat(run.err()).contains("--runs 0 must be at least 1");
    }

    @Test
    void aMissingProductJar_isOneLine() {
        Path missing = dir.resolve("none.jar");

        CommandRun run = CommandRun.run("bench", "--stays", "1", "--app-jar", missing.toString());

        assertThat(run.exitCode()).isEqualTo(BenchMain.USAGE);
        assertThat(run.errLines())
                .containsExactly("mhtrigger bench: the product jar " + missing
                        + " is missing; build it (./mhtrigger build) or give --app-jar FILE");
    }
}
