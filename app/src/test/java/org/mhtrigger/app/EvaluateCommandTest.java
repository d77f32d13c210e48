package org.mhtrigger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline over the hand-written corpus against its gold labels. */
class EvaluateCommandTest {
    private static final Pattern MICRO =
            Pattern.compile("micro precision=(\\d\\.\\d{3}) recall=(\\d\\.\\d{3}) f1=(\\d\\.\\d{3}) records=(\\d+)");

    @TempDir
    Path tmp;

    @Test
    void handwrittenCorpus_scoresPerfectPrecisionAndRecallOnStructuredTriggers() throws IOException {
        Path gold = CommandRun.HANDWRITTEN.resolve("gold.csv");

        CommandRun run =
                CommandRun.run("evaluate", "--input", CommandRun.HANDWRITTEN.toString(), "--gold", gold.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
        List<String> lines = run.outLines();
        String last = lines.get(lines.size() - 1);
        Matcher micro = MICRO.matcher(last);
        assertThat(micro.matches()).as(last).isTrue();
        long goldRecords = Files.readAllLines(gold).stream()
                .skip(1)
                .filter(l -> !l.isBlank())
                .map(l -> l.split(",", -1)[0])
                .distinct()
                .count();
        assertThat(Integer.parseInt(micro.group(4))).isEqualTo(goldRecords);
        assertThat(lines)
                .as("every trigger row has no false positive and no false negative:%n%s", run.out())
                .filteredOn(l -> l.startsWith("MH-"))
                .allSatisfy(l -> assertThat(l.split("\\s+")[2]).isEqualTo("0"))
                .allSatisfy(l -> assertThat(l.split("\\s+")[3]).isEqualTo("0"));
        assertThat(micro.group(1)).isEqualTo("1.000");
        assertThat(micro.group(2)).isEqualTo("1.000");
    }

    @Test
    void aMissedTriggerInTheGold_showsAsAFalseNegative() throws IOException {
        Path gold = tmp.resolve("gold.csv");
        List<String> rows = Files.readAllLines(CommandRun.HANDWRITTEN.resolve("gold.csv"));
        String firstRecord = rows.get(1).split(",", -1)[0];
        Files.write(gold, List.of("record,trigger", firstRecord + ",MH-C05"));

        CommandRun run = CommandRun.run(
                "evaluate", "--quiet", "--input", CommandRun.HANDWRITTEN.toString(), "--gold", gold.toString());

        assertThat(run.outLines())
                .filteredOn(l -> l.startsWith("MH-C05"))
                .singleElement()
                .satisfies(l -> assertThat(l.split("\\s+")[3]).isEqualTo("1"));
        assertThat(run.outLines().get(run.outLines().size() - 1)).contains("recall=0.000");
    }

    @Test
    void aMissingGoldFile_failsWithOneClearLine() {
        CommandRun run = CommandRun.run(
                "evaluate",
                "--input",
                CommandRun.HANDWRITTEN.toString(),
                "--gold",
                tmp.resolve("nope.csv").toString());

        assertThat(run.exitCode()).isEqualTo(Main.FAILURE);
        assertThat(run.err()).contains("nope.csv").contains("not found");
    }

    @Test
    void committedGeneratedSample_keepsItsRecordAndMentionScores() {
        // regression guard over the committed 200-stay development sample (seed 1), NDJSON form
        Path sample = CommandRun.CORPUS.resolve("sample/ndjson");

        CommandRun run = CommandRun.run(
                "evaluate",
                "--quiet",
                "--input",
                sample.toString(),
                "--gold",
                sample.resolve("gold.csv").toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
        Matcher micro = MICRO.matcher(run.outLines().get(run.outLines().size() - 1));
        assertThat(micro.matches()).isTrue();
        assertThat(Double.parseDouble(micro.group(1))).as("record precision").isGreaterThanOrEqualTo(0.99);
        assertThat(Double.parseDouble(micro.group(2))).as("record recall").isGreaterThanOrEqualTo(0.99);
        assertThat(micro.group(4)).isEqualTo("200");
        String recordRows = run.out().substring(run.out().indexOf("record level:"));
        assertThat(recordRows.lines().filter(l -> l.startsWith("MH-")))
                .as("every trigger keeps precision and recall of at least 0.9")
                .allSatisfy(l -> {
                    String[] cells = l.trim().split("\\s+");
                    assertThat(Double.parseDouble(cells[4])).as(l).isGreaterThanOrEqualTo(0.9);
                    assertThat(Double.parseDouble(cells[5])).as(l).isGreaterThanOrEqualTo(0.9);
                });
        Matcher mentions = Pattern.compile("mentions precision=(\\d\\.\\d{3}) recall=(\\d\\.\\d{3}).*")
                .matcher(run.out()
                        .lines()
                        .filter(l -> l.startsWith("mentions "))
                        .findFirst()
                        .orElseThrow());
        assertThat(mentions.matches()).isTrue();
        assertThat(Double.parseDouble(mentions.group(2))).as("mention recall").isGreaterThanOrEqualTo(0.95);
    }
}
