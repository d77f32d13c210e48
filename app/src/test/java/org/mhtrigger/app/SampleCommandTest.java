package org.mhtrigger.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STAYS = CommandRun.HANDWRITTEN.resolve("stays").toString();

    @TempDir
    Path tmp;

    private static List<String> chosen(JsonNode manifest) {
        List<String> ids = new ArrayList<>();
        manifest.get("chosen").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    @Test
    void sample_writesAManifestWithFrameCriteriaSeedProtocolAndChosenStays() throws IOException {
        CommandRun run = CommandRun.run(
                "sample", "--input", STAYS, "--period", "2025-09", "--size", "3", "--seed", "42", "--min-age", "0");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
        JsonNode manifest = JSON.readTree(run.out());
        assertThat(manifest.get("protocolVersion").asText()).isEqualTo("1.0");
        assertThat(manifest.get("period").get("label").asText()).isEqualTo("2025-09");
        assertThat(manifest.get("period").get("start").asText()).isEqualTo("2025-09-01");
        assertThat(manifest.get("period").get("endExclusive").asText()).isEqualTo("2025-10-01");
        assertThat(manifest.get("criteria").get("minAgeYears").asInt()).isZero();
        assertThat(manifest.get("criteria").get("minLengthOfStayHours").asDouble())
                .isEqualTo(24.0);
        assertThat(manifest.get("criteria").get("stratifyBy").isNull()).isTrue();
        assertThat(manifest.get("seed").asLong()).isEqualTo(42);
        assertThat(manifest.get("requestedSize").asInt()).isEqualTo(3);
        assertThat(manifest.get("frameSize").asInt()).isPositive();
        assertThat(chosen(manifest))
                .hasSize(Math.min(3, manifest.get("frameSize").asInt()))
                .allSatisfy(id -> assertThat(id).startsWith("e-"));
        assertThat(run.err()).contains("seed 42");
    }

    @Test
    void theSameInputAndSeed_giveTheSameManifestAndAnotherSeedAnotherDraw() throws IOException {
        String[] common = {"sample", "--input", STAYS, "--period", "2025-01-01/2025-12-31", "--size", "5"};
        CommandRun first = CommandRun.run(concat(common, "--seed", "42"));
        CommandRun again = CommandRun.run(concat(common, "--seed", "42"));
        CommandRun other = CommandRun.run(concat(common, "--seed", "4242"));

        assertThat(again.out()).isEqualTo(first.out());
        assertThat(chosen(JSON.readTree(first.out()))).hasSize(5);
        assertThat(chosen(JSON.readTree(other.out()))).isNotEqualTo(chosen(JSON.readTree(first.out())));
    }

    @Test
    void outOption_writesTheManifestToAFile() throws IOException {
        Path out = tmp.resolve("samples/2025-09.json");

        CommandRun run = CommandRun.run(
                "sample",
                "--input",
                STAYS,
                "--period",
                "2025-09",
                "--seed",
                "1",
                "--stratify",
                "ward",
                "--out",
                out.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
        assertThat(run.out()).isEmpty();
        JsonNode manifest = JSON.readTree(out.toFile());
        assertThat(manifest.get("criteria").get("stratifyBy").asText()).isEqualTo("ward");
        assertThat(chosen(manifest)).hasSize(manifest.get("frameSize").asInt());
    }

    @Test
    void aBadPeriodOrStratification_isAUsageErrorNamingTheValue() {
        CommandRun period = CommandRun.run("sample", "--input", STAYS, "--period", "March");
        CommandRun stratify = CommandRun.run("sample", "--input", STAYS, "--period", "2025-09", "--stratify", "team");

        assertThat(period.exitCode()).isEqualTo(Main.USAGE);
        assertThat(period.err()).contains("'March'");
        assertThat(stratify.exitCode()).isEqualTo(Main.USAGE);
        assertThat(stratify.err()).contains("'team'");
    }

    @Test
    void sampleAnswersHelp() {
        CommandRun run = CommandRun.run("sample", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Usage: mhtrigger sample")
                .contains("--period")
                .contains("--seed");
    }

    @Test
    void aRejectedFile_givesExit3AndTheSampleOfTheRest() throws IOException {
        Path input = tmp.resolve("input");
        Files.createDirectories(input);
        Files.copy(CommandRun.HANDWRITTEN.resolve("stays/e-1001.json"), input.resolve("e-1001.json"));
        Files.writeString(input.resolve("broken.json"), "{");

        CommandRun run = CommandRun.run(
                "sample", "--input", input.toString(), "--period", "2025-01-01/2025-12-31", "--seed", "3");

        assertThat(run.exitCode()).isEqualTo(Main.REJECTED_INPUT);
        assertThat(run.err()).contains("broken.json");
        assertThat(JSON.readTree(run.out()).get("frameSize").asInt()).isLessThanOrEqualTo(1);
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
