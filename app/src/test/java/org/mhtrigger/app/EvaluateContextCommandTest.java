package org.mhtrigger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateContextCommandTest {
    private static final String HEADER = "line number\tCondition\tsentence\tnegation\ttemporality\texperiencer\n";

    @TempDir
    Path dir;

    @Test
    void tinyKit_printsExactCountsPerAttribute_andSkipsAConditionNotInItsSentence() throws IOException {
        // given: one line per attribute, one plain line, and one whose condition is not in its sentence
        Path kit = Files.writeString(
                dir.resolve("kit.tsv"),
                HEADER
                        + "1\tpneumonia\tThere is no evidence of pneumonia.\tNegated\tRecent\tPatient\n"
                        + "2\tasthma\tHistory of ASTHMA.\tAffirmed\tHistorical\tPatient\n"
                        + "3\tdiabetes\tHis mother has diabetes.\tAffirmed\tRecent\tFamily member\n"
                        + "4\tfever\tReturn if fever develops.\tAffirmed\tNot particular\tPatient\n"
                        + "5\tcough\tHe has a cough.\tAffirmed\tRecent\tPatient\n"
                        + "6\trash\tNo rash was seen.\tAffirmed\tRecent\tPatient\n"
                        + "7\tembolism\tThe lungs are clear.\tNegated\tRecent\tPatient\n");

        // when
        CommandRun run = CommandRun.run("evaluate-context", "--kit", kit.toString());

        // then: line 6 is a false positive for negated; line 7 is skipped
        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines())
                .contains(
                        "negated           1     1     0     0.500   1.000  0.667    0.833",
                        "historical        1     0     0     1.000   1.000  1.000    1.000",
                        "hypothetical      1     0     0     1.000   1.000  1.000    1.000",
                        "other             1     0     0     1.000   1.000  1.000    1.000");
        assertThat(run.outLines())
                .anyMatch(l -> l.matches(
                        "sentences/s: [0-9,]+ \\(one thread, wall clock\\); [0-9,]+ per CPU-second of that thread"));
        assertThat(run.outLines().getLast())
                .isEqualTo("negated=0.667 historical=1.000 hypothetical=1.000 other=1.000 lines=6 skipped=1");
    }

    @Test
    void kitLineWithFewerColumns_isRefusedNamingTheLine() throws IOException {
        Path kit = Files.writeString(dir.resolve("bad.tsv"), HEADER + "1\tfever\tNo fever.\tNegated\n");

        CommandRun run = CommandRun.run("evaluate-context", "--kit", kit.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("bad.tsv line 2: 4 tab-separated columns, expected 6");
    }

    @Test
    void help_describesTheKitFormatAndTheLastLine() {
        CommandRun run = CommandRun.run("evaluate-context", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--kit=FILE", "negated=F1 historical=F1 hypothetical=F1 other=F1 lines=N");
    }
}
