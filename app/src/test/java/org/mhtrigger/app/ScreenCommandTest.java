package org.mhtrigger.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScreenCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void screeningTheHandwrittenCorpus_writesOneJsonFindingPerLineWithTheRequiredKeys() throws IOException {
        CommandRun run = CommandRun.run("screen", "--input", CommandRun.HANDWRITTEN.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.OK);
        assertThat(run.outLines()).isNotEmpty();
        for (String line : run.outLines()) {
            assertThat(line).startsWith("{").endsWith("}");
            JsonNode finding = JSON.readTree(line);
            assertThat(finding.fieldNames())
                    .toIterable()
                    .contains("record", "patient", "trigger", "name", "source", "evidence", "at", "ruleset");
            assertThat(finding.get("trigger").asText()).matches("MH-[A-Z][0-9]{2}");
            assertThat(finding.get("source").get("type").asText()).isNotBlank();
            assertThat(finding.get("source").get("id").asText()).isNotBlank();
            assertThat(finding.get("ruleset").asText()).matches("1\\.0\\.0\\+[0-9a-f]{12}");
        }
        assertThat(run.err()).contains("records").contains("findings");
    }

    @Test
    void screeningOnSeveralThreads_writesTheSameFindingsInTheSameOrderAsOneThread() {
        String sample = CommandRun.HANDWRITTEN.getParent().resolve("sample").toString();
        CommandRun one = CommandRun.run("screen", "--quiet", "--threads", "1", "--input", sample);
        CommandRun three = CommandRun.run("screen", "--quiet", "--threads", "3", "--input", sample);

        assertThat(one.exitCode()).as(one.err()).isEqualTo(Main.OK);
        assertThat(three.exitCode()).as(three.err()).isEqualTo(Main.OK);
        assertThat(one.outLines()).hasSizeGreaterThan(100);
        assertThat(three.outLines()).containsExactlyElementsOf(one.outLines());
    }

    @Test
    void zeroThreads_isAUsageError() {
        CommandRun run = CommandRun.run("screen", "--threads", "0", "--input", CommandRun.HANDWRITTEN.toString());

        assertThat(run.exitCode()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("--threads must be at least 1");
    }

    @Test
    void csvFormat_hasAHeaderAndTheSameNumberOfFindingsAsJsonl() {
        CommandRun jsonl = CommandRun.run("screen", "--quiet", "--input", CommandRun.HANDWRITTEN.toString());
        CommandRun csv =
                CommandRun.run("screen", "--quiet", "--format", "csv", "--input", CommandRun.HANDWRITTEN.toString());

        assertThat(csv.exitCode()).isEqualTo(Main.OK);
        assertThat(csv.outLines().get(0))
                .isEqualTo("record,patient,trigger,name,source_type,source_id,start,end,evidence,at,ruleset");
        assertThat(csv.outLines()).hasSize(jsonl.outLines().size() + 1);
    }

    @Test
    void tableFormat_showsAHeaderRow() {
        CommandRun run =
                CommandRun.run("screen", "--quiet", "--format", "table", "--input", CommandRun.HANDWRITTEN.toString());

        assertThat(run.exitCode()).isEqualTo(Main.OK);
        assertThat(run.outLines().get(0))
                .startsWith("RECORD")
                .contains("TRIGGER")
                .contains("EVIDENCE");
    }

    @Test
    void outOption_writesFindingsToTheFileAndNothingToStdout() throws IOException {
        Path out = tmp.resolve("nested/findings.jsonl");

        CommandRun run =
                CommandRun.run("screen", "--input", CommandRun.HANDWRITTEN.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(Main.OK);
        assertThat(run.out()).isEmpty();
        assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).isNotEmpty();
    }

    @Test
    void aBrokenFileBesideGoodOnes_isRejectedByNameWithExit3AndTheRestStillScreened() throws IOException {
        Path input = tmp.resolve("input");
        Files.createDirectories(input);
        try (var stays = Files.list(CommandRun.HANDWRITTEN.resolve("stays"))) {
            for (Path stay : stays.sorted().limit(3).toList()) {
                Files.copy(stay, input.resolve(stay.getFileName()));
            }
        }
        Files.writeString(input.resolve("truncated.json"), "{\"resourceType\": \"Bundle\", \"type\": \"coll");

        CommandRun run = CommandRun.run("screen", "--input", input.toString());

        assertThat(run.exitCode()).isEqualTo(Main.REJECTED_INPUT);
        assertThat(run.errLines())
                .filteredOn(l -> l.startsWith("rejected:"))
                .singleElement()
                .asString()
                .contains("truncated.json");
        assertThat(run.err()).contains("screened 3 records");
    }

    @Test
    void aMissingInputPath_isRejectedWithExit3() {
        CommandRun run = CommandRun.run(
                "screen", "--input", tmp.resolve("no-such-export").toString());

        assertThat(run.exitCode()).isEqualTo(Main.REJECTED_INPUT);
        assertThat(run.err()).contains("no-such-export");
    }

    @Test
    void noInputOption_isAUsageErrorWithExit2() {
        CommandRun run = CommandRun.run("screen");

        assertThat(run.exitCode()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("--input");
    }

    @Test
    void anUnknownFormat_isAUsageErrorWithExit2() {
        CommandRun run = CommandRun.run("screen", "--format", "xml", "--input", CommandRun.HANDWRITTEN.toString());

        assertThat(run.exitCode()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("xml");
    }

    @Test
    void everyCommandAnswersHelp() {
        for (String command : List.of("screen", "evaluate", "demo")) {
            CommandRun run = CommandRun.run(command, "--help");
            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).as(command).contains("Usage: mhtrigger " + command);
        }
    }

    @Test
    void editedThresholds_changeTheFindingsAndTheRulesetVersion() throws IOException {
        Path rules = tmp.resolve("rules");
        Files.createDirectories(rules);
        try (var in = getClass().getResourceAsStream("/org/mhtrigger/rules/thresholds.csv")) {
            assertThat(in).isNotNull();
            String csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(csv).contains("lithium.high,1.5,");
            Files.writeString(rules.resolve("thresholds.csv"), csv.replace("lithium.high,1.5,", "lithium.high,1.4,"));
        }
        CommandRun defaults = CommandRun.run("screen", "--quiet", "--input", CommandRun.HANDWRITTEN.toString());
        CommandRun edited = CommandRun.run(
                "screen", "--quiet", "--rules", rules.toString(), "--input", CommandRun.HANDWRITTEN.toString());

        // e-1002 has a lithium of 1.49: under the default 1.5 it does not fire, under 1.4 it does
        assertThat(defaults.outLines()).noneMatch(l -> l.contains("\"record\":\"e-1002\"") && l.contains("MH-L01"));
        assertThat(edited.outLines()).anyMatch(l -> l.contains("\"record\":\"e-1002\"") && l.contains("MH-L01"));
        String defaultVersion =
                JSON.readTree(defaults.outLines().get(0)).get("ruleset").asText();
        String editedVersion =
                JSON.readTree(edited.outLines().get(0)).get("ruleset").asText();
        assertThat(editedVersion).isNotEqualTo(defaultVersion);
    }

    @Test
    void explain_listsSuppressedMentionsWithTheirReason() throws IOException {
        CommandRun run = CommandRun.run("screen", "--quiet", "--explain", "--input", CommandRun.HANDWRITTEN.toString());

        List<JsonNode> suppressed = new java.util.ArrayList<>();
        for (String line : run.outLines()) {
            JsonNode node = JSON.readTree(line);
            if (node.has("suppressed")) {
                suppressed.add(node);
            }
        }
        assertThat(suppressed).isNotEmpty();
        assertThat(suppressed)
                .extracting(n -> n.get("suppressed").asText())
                .isSubsetOf("negated", "historical", "hypothetical", "other", "policy")
                .contains("negated", "historical");
        assertThat(suppressed)
                .allSatisfy(n -> assertThat(n.get("source").has("start")).isTrue());
        // the cue or rule that decided, in words, for every suppressed mention
        assertThat(suppressed)
                .allSatisfy(n -> assertThat(n.get("reason").asText())
                        .startsWith(n.get("suppressed").asText() + " by "));
        assertThat(suppressed)
                .extracting(n ->
                        n.get("evidence").asText() + " | " + n.get("reason").asText())
                .contains(
                        "No falls this shift. | negated by 'No'",
                        "Mother has h/o suicide attempt. | other by 'Mother'");
    }

    @Test
    void explainAsATable_saysWhichCueSuppressedTheMention() {
        CommandRun run = CommandRun.run(
                "screen", "--quiet", "--explain", "--format", "table", "--input", CommandRun.HANDWRITTEN.toString());

        assertThat(run.out()).contains("(suppressed: negated by 'No')");
    }
}
