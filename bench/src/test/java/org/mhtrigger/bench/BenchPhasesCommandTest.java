package org.mhtrigger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark's output contract; its figures are measured by running it, never asserted here. */
class BenchPhasesCommandTest {
    @Test
    void benchOnATinyCorpus_printsEveryPhaseAndTheRatioLine() {
        CommandRun run = CommandRun.run("bench-phases", "--stays", "12");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(BenchMain.OK);
        assertThat(run.out())
                .contains("corpus: 12 stays")
                .contains("warm-up: 12 other stays, untimed")
                .contains("pipeline, 1 thread")
                .contains("pipeline, 2 threads")
                .contains("reading FHIR into records only, 1 thread")
                .contains("reading FHIR into records only, 2 threads")
                .contains("screening records in memory, 1 thread")
                .contains("screening records in memory, 2 threads")
                .contains("baseline: Lucene StandardAnalyzer");
        assertThat(run.outLines())
                .anyMatch(l -> l.matches("ratio pipeline / baseline \\(MB/s of note text\\): \\d+\\.\\d{3}"))
                .anyMatch(
                        l -> l.matches("pipeline on 2 threads / baseline on 1 \\(MB/s of note text\\): \\d+\\.\\d{3}"));
        assertThat(run.outLines())
                .filteredOn(l -> l.contains("stays/s"))
                .hasSize(7)
                .allMatch(l -> l.matches(".*\\d+\\.\\d stays/s +\\d+\\.\\d\\d MB/s of notes .*peak heap +\\d+ MB"));
    }

    @Test
    void zeroStays_isAUsageError() {
        assertThat(CommandRun.run("bench-phases", "--stays", "0").exitCode()).isEqualTo(BenchMain.USAGE);
    }

    @Test
    void aNegativeWarmUp_isAUsageError_andZeroSkipsIt() {
        assertThat(CommandRun.run("bench-phases", "--stays", "3", "--warm-up", "-1")
                        .exitCode())
                .isEqualTo(BenchMain.USAGE);

        CommandRun run = CommandRun.run("bench-phases", "--stays", "3", "--warm-up", "0");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(BenchMain.OK);
        assertThat(run.out()).contains("warm-up: 0 other stays, untimed");
        assertThat(run.err()).doesNotContain("warming up");
    }
}
