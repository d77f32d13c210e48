package org.mhtrigger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code corpus blind}: the blind sentence set as one-note stays, whose only findings come from their note. */
class CorpusBlindCommandTest {
    private static final Path BLIND = CommandRun.CORPUS.resolve("blind");

    @TempDir
    Path tmp;

    @Test
    void corpusBlind_buildsTheCommittedSentenceSetIntoStaysAndGold() throws IOException {
        CommandRun run = CommandRun.run(
                "corpus", "blind", "--in", BLIND.resolve("sentences.tsv").toString(), "--out", tmp.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
        assertThat(run.out()).startsWith("built 446 one-note stays: 2230 resources, ");
        assertThat(Files.readAllBytes(tmp.resolve("gold.csv")))
                .isEqualTo(Files.readAllBytes(BLIND.resolve("gold.csv")));
    }

    @Test
    void committedBlindStays_raiseFindingsFromTheirNoteOnly() {
        // a structured finding (no care plan, no risk assessment, readmission, ...) would score against the text
        // gold as a false positive that no sentence caused
        CommandRun run = CommandRun.run(
                "screen",
                "--quiet",
                "--format",
                "csv",
                "--input",
                BLIND.resolve("stays").toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
        List<String> rows = run.outLines().subList(1, run.outLines().size());
        assertThat(rows)
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.split(",")[4]).as(row).isEqualTo("DocumentReference"));
    }

    @Test
    void withoutTheAdmissionDayCarePlanAndRiskAssessment_aOneNoteStayWouldRaiseQ01AndQ02() throws IOException {
        Path tsv = tmp.resolve("one.tsv");
        Files.writeString(
                tsv,
                "id\tvoice\tnote_type\tnote_day\ttext\texpected\ttrap_class\n"
                        + "b001\tUK\tnursing-shift\t3\tSettled on the ward, ate well.\t\tevent\n");
        Path out = tmp.resolve("one");
        assertThat(CommandRun.run("corpus", "blind", "--in", tsv.toString(), "--out", out.toString())
                        .exitCode())
                .isEqualTo(Main.OK);

        CommandRun with = CommandRun.run("screen", "--quiet", "--format", "csv", "--input", out.toString());
        Files.delete(out.resolve("stays/CarePlan.ndjson"));
        Files.delete(out.resolve("stays/RiskAssessment.ndjson"));
        CommandRun without = CommandRun.run("screen", "--quiet", "--format", "csv", "--input", out.toString());

        assertThat(with.outLines()).as(with.err()).hasSize(1); // the header only
        assertThat(without.out()).contains(",MH-Q01,").contains(",MH-Q02,");
    }

    @Test
    void aMissingSentenceFile_failsWithOneClearLine() {
        CommandRun run = CommandRun.run(
                "corpus", "blind", "--in", tmp.resolve("nope.tsv").toString(), "--out", tmp.toString());

        assertThat(run.exitCode()).isEqualTo(Main.FAILURE);
        assertThat(run.errLines())
                .singleElement()
                .satisfies(line -> assertThat(line).contains("nope.tsv").contains("not found"));
    }
}
