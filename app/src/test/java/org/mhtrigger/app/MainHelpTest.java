package org.mhtrigger.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The product jar carries no benchmark, and its help says where the benchmarks are. */
class MainHelpTest {
    @Test
    void help_pointsToTheBenchModule_andTheProductHasNoBenchCommands() {
        CommandRun run = CommandRun.run("--help");

        assertThat(run.exitCode()).isEqualTo(Main.OK);
        assertThat(run.out().replaceAll("\\s+", " "))
                .contains("Benchmarks run from the bench module, not this jar: ./mhtrigger bench")
                .contains("bench-phases, bench-ui");
        java.io.PrintWriter nowhere = new java.io.PrintWriter(java.io.Writer.nullWriter());
        assertThat(Main.commandLine(nowhere, nowhere).getSubcommands())
                .containsKey("screen")
                .doesNotContainKeys("bench", "bench-phases", "bench-ui");
    }
}
