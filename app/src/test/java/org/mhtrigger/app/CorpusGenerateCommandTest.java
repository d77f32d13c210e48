package org.mhtrigger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code corpus generate --traps}: which gold-negative trap sentences the regression corpus holds. */
class CorpusGenerateCommandTest {
    @TempDir
    Path tmp;

    @Test
    void defaultTraps_areListedAsHardNegatives_andNoneLeavesThemOut() throws IOException {
        CommandRun withTraps = generate(tmp.resolve("default"), "default");
        CommandRun without = generate(tmp.resolve("none"), "none");

        assertThat(withTraps.exitCode()).as(withTraps.err()).isEqualTo(Main.OK);
        assertThat(without.exitCode()).as(without.err()).isEqualTo(Main.OK);
        List<String> trapped = Files.readAllLines(tmp.resolve("default/hard-negatives.csv"));
        assertThat(trapped).anyMatch(l -> l.contains(",trap-"));
        assertThat(Files.readAllLines(tmp.resolve("none/hard-negatives.csv"))).noneMatch(l -> l.contains(",trap-"));
        assertThat(Files.readAllBytes(tmp.resolve("default/gold.csv")))
                .as("traps are gold-negative: the gold is the same")
                .isEqualTo(Files.readAllBytes(tmp.resolve("none/gold.csv")));
    }

    @Test
    void anUnknownTrapSetting_isOneUsageLine() {
        CommandRun run = generate(tmp.resolve("bad"), "some");

        assertThat(run.exitCode()).isEqualTo(Main.USAGE);
        assertThat(run.errLines().getFirst()).contains("traps 'some' must be none, default or all");
    }

    private static CommandRun generate(Path out, String traps) {
        return CommandRun.run(
                "corpus",
                "generate",
                "--stays",
                "60",
                "--seed",
                "3",
                "--format",
                "ndjson",
                "--traps",
                traps,
                "--out",
                out.toString());
    }
}
