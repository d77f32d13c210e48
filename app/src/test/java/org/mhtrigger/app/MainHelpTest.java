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

    @Test
    void aRun_buildsOnlyTheCommandItNames_helpAndSlipsGetThemAll() {
        picocli.CommandLine one = new picocli.CommandLine(new Main());
        Main.addCommands(one, "screen");
        assertThat(one.getSubcommands()).containsOnlyKeys("screen");

        picocli.CommandLine all = new picocli.CommandLine(new Main());
        Main.addCommands(all, "scren");
        assertThat(all.getSubcommands().keySet())
                .containsExactly(
                        "screen",
                        "evaluate",
                        "evaluate-context",
                        "corpus",
                        "demo",
                        "serve",
                        "sample",
                        "pull",
                        "report",
                        "audit",
                        "help");
        for (String first : new String[] {"help", "--help", "--version"}) {
            picocli.CommandLine cli = new picocli.CommandLine(new Main());
            Main.addCommands(cli, first);
            assertThat(cli.getSubcommands()).as(first).hasSize(11);
        }
    }

    @Test
    void aMistypedCommand_isStillAnsweredWithTheOnesItResembles() {
        // as main() builds it, from the first argument
        picocli.CommandLine cli = new picocli.CommandLine(new Main());
        Main.addCommands(cli, "scren");
        java.io.StringWriter err = new java.io.StringWriter();
        cli.setErr(new java.io.PrintWriter(err, true));

        int code = cli.execute("scren");

        assertThat(code).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("'scren'").contains("screen");
    }
}
