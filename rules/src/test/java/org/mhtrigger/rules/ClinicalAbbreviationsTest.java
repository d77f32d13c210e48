package org.mhtrigger.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhtrigger.engine.ConfigurationException;
import org.mhtrigger.engine.text.SentenceSplitter;
import org.mhtrigger.rules.internal.Resources;
import org.mhtrigger.tables.CsvTable;

/** clinical-abbreviations.csv: the ward abbreviations the sentence splitter keeps inside a sentence. */
class ClinicalAbbreviationsTest {
    private static final SentenceSplitter SPLITTER =
            SentenceSplitter.pretrained(RulesConfig.defaults().context().abbreviations());

    @TempDir
    Path dir;

    private static List<String> sentences(SentenceSplitter splitter, String text) {
        return splitter.split(text).stream()
                .map(s -> text.substring(s.start(), s.end()))
                .toList();
    }

    @Test
    void everyAbbreviationInTheTable_staysInsideTheSentenceOfItsExample() {
        // the shipped list, as it was written in the code before it became a table
        assertThat(RulesConfig.defaults().context().abbreviations())
                .containsExactlyInAnyOrder(
                        "pt", "pts", "obs", "approx", "dr", "mr", "mrs", "ms", "ie", "eg", "re", "hx", "dx", "tx", "vs",
                        "incl", "inc", "sr", "sn", "rmn", "hca", "cont", "max", "min", "mins", "hrs", "hr", "resp",
                        "temp", "wt", "ht", "ref");
        CsvTable table = CsvTable.parse(
                RulesConfig.ABBREVIATIONS,
                Resources.classpathText(RulesConfig.ABBREVIATIONS),
                RulesConfig.ABBREVIATION_HEADER);
        assertThat(table.rows()).hasSize(32);
        for (CsvTable.Row row : table.rows()) {
            String example = row.get("example");
            String abbreviation = row.get("abbreviation");
            assertThat(example.replace(".", "").toLowerCase(Locale.ROOT))
                    .as("%s: the example must use %s", row.where(), abbreviation)
                    .containsPattern("\\b" + abbreviation + "\\b");
            assertThat(sentences(SPLITTER, example))
                    .as("%s: %s", row.where(), abbreviation)
                    .containsExactly(example);
        }
    }

    @Test
    void anEditedTableInTheRulesFolder_changesTheSentencesAndTheRulesetVersion() throws IOException {
        // given a rules folder whose table no longer lists obs
        String shipped = Resources.classpathText(RulesConfig.ABBREVIATIONS);
        Files.writeString(
                dir.resolve(RulesConfig.ABBREVIATIONS), shipped.replace("obs,Obs. Stable throughout the shift.\n", ""));

        // when the rules are loaded from it
        RulesConfig edited = RulesConfig.load(dir);

        // then "Obs." ends a sentence again, and the findings say the rules are not the shipped ones
        assertThat(edited.context().abbreviations()).hasSize(31).doesNotContain("obs");
        String text = "Obs. Stable throughout the shift.";
        assertThat(sentences(SPLITTER, text)).containsExactly(text);
        assertThat(sentences(SentenceSplitter.pretrained(edited.context().abbreviations()), text))
                .containsExactly("Obs.", "Stable throughout the shift.");
        assertThat(new DroolsTriggerEvaluator(edited).rulesetVersion())
                .matches("1\\.0\\.0\\+[0-9a-f]{12}")
                .isNotEqualTo(Fixtures.RULES.rulesetVersion());
    }

    @Test
    void anAbbreviationWithItsDots_isRefusedWithFileAndLine() throws IOException {
        Path file = dir.resolve(RulesConfig.ABBREVIATIONS);
        Files.writeString(file, "abbreviation,example\n# a comment\nobs,Obs. Stable.\ni.e.,Left i.e. Via the fence.\n");

        assertThatThrownBy(() -> RulesConfig.load(dir))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(file + " line 4: abbreviation 'i.e.' must be lower-case letters without dots");
    }

    @Test
    void anAbbreviationListedTwice_orAWrongHeader_isRefusedWithFileAndLine() throws IOException {
        Path file = dir.resolve(RulesConfig.ABBREVIATIONS);
        Files.writeString(file, "abbreviation,example\nobs,Obs. Stable.\nobs,Obs. Settled.\n");
        assertThatThrownBy(() -> RulesConfig.load(dir))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(file + " line 3: abbreviation 'obs' is listed twice");

        Files.writeString(file, "abbreviation\nobs\n");
        assertThatThrownBy(() -> RulesConfig.load(dir))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(file + " line 1: header abbreviation must be abbreviation,example");
    }
}
