package org.mhtrigger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mhtrigger.testkit.ChildJvm;

/** Replays every case in the repository's {@code bad-input} folder (see its README) through {@code screen}. */
class FaultsBadInputTest {
    static final Path BAD_INPUT = CommandRun.CORPUS.resolve("../bad-input").normalize();
    /** Fixture patient ids look like {@code p-g1}, {@code p-x911}: none may reach stderr. */
    private static final Pattern PATIENT_ID = Pattern.compile("\\bp-[a-z]\\d+");

    @TempDir
    Path tmp;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("huge-number", Main.REJECTED_INPUT, "b-huge-value.json entry 3", "value is out of range"),
                Arguments.of("huge-number", Main.REJECTED_INPUT, "c-huge-value.ndjson:3", "value is out of range"),
                Arguments.of("long-line", Main.REJECTED_INPUT, "b-long-line.ndjson:4", "too large: 203.3 KiB"),
                Arguments.of(
                        "reused-encounter-id",
                        Main.REJECTED_INPUT,
                        "b-second-patient.json entry 2",
                        "a-first-patient.json entry 2 for a different patient"),
                Arguments.of(
                        "reused-result-id",
                        Main.REJECTED_INPUT,
                        "b-second-patient.json entry 3",
                        "a-first-patient.json entry 3 for a different patient"),
                Arguments.of(
                        "duplicate-keys", Main.REJECTED_INPUT, "b-duplicate-status.json", "duplicate key 'status'"),
                Arguments.of(
                        "duplicate-keys", Main.REJECTED_INPUT, "c-duplicate-status.ndjson:3", "duplicate key 'status'"),
                Arguments.of(
                        "dangling-symlink", Main.REJECTED_INPUT, "b-missing-target.json", "dangling symbolic link"),
                Arguments.of("empty-folder", Main.OK, "b-empty", "folder holds no .json or .ndjson files"),
                Arguments.of("future-stay", Main.OK, "b-dated-2099.json", "ends in the future (2099-03-10)"),
                Arguments.of(
                        "interrupted-pull", Main.OK, "mhtrigger-pull.state", "did not finish (1 of 3 stays pulled)"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cases")
    void eachBadInput_isNamedInOneLine_andTheRestOfTheBatchIsScreened(
            String name, int exit, String file, String problem) throws IOException {
        Path folder = BAD_INPUT.resolve(name);
        List<String> args = new ArrayList<>(List.of("screen"));
        Path extra = folder.resolve("args");
        if (Files.exists(extra)) {
            Files.readAllLines(extra).stream().filter(l -> !l.isBlank()).forEach(args::add);
        }
        args.addAll(List.of("--input", folder.toString()));

        CommandRun run = CommandRun.run(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(exit);
        assertThat(run.errLines())
                .as(run.err())
                .filteredOn(l -> l.contains(file) && l.contains(problem))
                .hasSize(1);
        assertClean(run);
        assertThat(run.outField("record"))
                .as("the good stays are screened")
                .anyMatch(r -> r.startsWith("e-g") || r.equals("e-i1"));
    }

    @Test
    void reusedEncounterId_mergesNothing_andScreensNeitherStay() {
        CommandRun run = CommandRun.run(
                "screen", "--input", BAD_INPUT.resolve("reused-encounter-id").toString());

        assertThat(run.outField("record")).containsOnly("e-g3");
        assertThat(run.out()).doesNotContain("obs-x912-01").doesNotContain("obs-x911-01");
    }

    @Test
    void reusedResultId_joinsNeitherPatientsStay_andBothStaysAreRefusedNamingBothFiles() {
        CommandRun run = CommandRun.run(
                "screen", "--input", BAD_INPUT.resolve("reused-result-id").toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.REJECTED_INPUT);
        assertThat(run.outField("record")).containsOnly("e-g3");
        assertThat(run.out()).doesNotContain("obs-x911-01");
        for (String stay : List.of("Encounter/e-x911", "Encounter/e-x912")) {
            assertThat(run.errLines())
                    .as(run.err())
                    .filteredOn(l -> l.contains(
                                    stay + " refused: Observation/obs-x911-01 is read for two different" + " patients")
                            && l.contains("a-first-patient.json entry 3")
                            && l.contains("b-second-patient.json entry 3"))
                    .hasSize(1);
        }
    }

    @Test
    void aLineBreakInAFileName_isEscaped_soTheMessageStaysOneLine() throws IOException {
        Files.copy(BAD_INPUT.resolve("huge-number/a-good.json"), tmp.resolve("a-good.json"));
        Files.writeString(tmp.resolve("b-bad\nrejected: forged.json"), "{ not json");
        Files.writeString(tmp.resolve("c-bad\nname.json"), "{ not json");

        CommandRun run = CommandRun.run("screen", "--input", tmp.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.REJECTED_INPUT);
        assertThat(run.errLines()).filteredOn(l -> l.startsWith("rejected:")).hasSize(2);
        assertThat(run.errLines()).noneMatch(l -> l.startsWith("rejected: forged.json"));
        assertThat(run.errLines())
                .filteredOn(l -> l.contains("c-bad\\nname.json") && l.contains("malformed JSON"))
                .hasSize(1);
        assertClean(run);
        assertThat(run.outField("record")).containsOnly("e-g1");
    }

    @Test
    void anInputFolderWithoutFhirFiles_isRejected() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "not FHIR");

        CommandRun run = CommandRun.run(
                "screen",
                "--input",
                empty.toString(),
                BAD_INPUT.resolve("future-stay/a-good.json").toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.REJECTED_INPUT);
        assertThat(run.errLines())
                .filteredOn(l -> l.contains(empty.toString()) && l.contains("folder holds no .json or .ndjson files"))
                .hasSize(1);
        assertThat(run.outField("record")).containsOnly("e-g4");
    }

    @Test
    void a200MegabyteLine_inA512MegabyteHeap_isRejectedWithItsSize_andTheRestIsScreened() throws Exception {
        Path input = Files.createDirectories(tmp.resolve("input"));
        Files.copy(BAD_INPUT.resolve("huge-number/a-good.json"), input.resolve("a-good.json"));
        try (OutputStream out =
                new java.io.BufferedOutputStream(Files.newOutputStream(input.resolve("b-huge.ndjson")), 1 << 20)) {
            out.write("{\"resourceType\":\"DocumentReference\",\"id\":\"d1\",\"description\":\""
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 200; i++) {
                out.write(chunk);
            }
            out.write("\"}\n".getBytes(StandardCharsets.US_ASCII));
        }
        Process process = new ProcessBuilder(ChildJvm.command(
                        List.of("-Xmx512m"), Main.class, "screen", "--threads", "2", "--input", input.toString()))
                .redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile())
                .start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("finished").isTrue();
        String err = Files.readString(tmp.resolve("err.txt"));
        String out = Files.readString(tmp.resolve("out.txt"));

        assertThat(process.exitValue()).as(err).isEqualTo(Main.REJECTED_INPUT);
        assertThat(err).doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
        assertThat(err.lines())
                .filteredOn(l -> l.contains("b-huge.ndjson:1") && l.contains("too large: 200.0 MiB"))
                .hasSize(1);
        assertThat(out).contains("\"record\":\"e-g1\"");
    }

    /** No stack trace, no note text, no patient id on stderr. */
    private static void assertClean(CommandRun run) {
        assertThat(run.err())
                .doesNotContain("\tat ")
                .doesNotContain("Exception")
                .doesNotContain("padding line");
        assertThat(PATIENT_ID.matcher(run.err()).find()).as(run.err()).isFalse();
    }
}
