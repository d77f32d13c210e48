package org.mhtrigger.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mhtrigger.rules.Fixtures.at;
import static org.mhtrigger.rules.Fixtures.lab;
import static org.mhtrigger.rules.Fixtures.only;
import static org.mhtrigger.rules.Fixtures.stay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhtrigger.engine.ConfigurationException;

/** RulesConfig: shipped defaults, folder overrides, and errors that name file and line. */
class RulesConfigTest {

    @TempDir
    Path dir;

    private static String shipped(String name) throws IOException {
        try (InputStream in = RulesConfigTest.class.getResourceAsStream("/org/mhtrigger/rules/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void defaults_holdTheCatalogueThresholds() {
        RulesConfig config = RulesConfig.defaults();

        assertThat(config.number("lithium.high")).isEqualTo(1.5);
        assertThat(config.enabled("lithium.warning.enabled")).isFalse();
        assertThat(config.number("lithium.warning.low")).isEqualTo(1.0);
        assertThat(config.enabled("clozapine.amber.enabled")).isFalse();
        assertThat(config.number("sodium.low")).isEqualTo(130);
        assertThat(config.number("potassium.low")).isEqualTo(3.0);
        assertThat(config.number("potassium.high")).isEqualTo(6.0);
        assertThat(config.number("qtc.high")).isEqualTo(500);
        assertThat(config.number("qtc.rise")).isEqualTo(60);
        assertThat(config.number("creatinine.baseline.factor")).isEqualTo(2);
        assertThat(config.number("glucose.low")).isEqualTo(2.8);
        assertThat(config.number("alt.uln")).isEqualTo(40);
        assertThat(config.number("ck.high")).isEqualTo(1000);
        assertThat(config.number("readmission.days")).isEqualTo(30);
        assertThat(config.number("ed-after-discharge.days")).isEqualTo(7);
        assertThat(config.number("care-plan.days")).isEqualTo(7);
        assertThat(config.number("risk-assessment.hours")).isEqualTo(72);
        assertThat(config.number("hai.hours")).isEqualTo(48);
        assertThat(config.number("death.days")).isEqualTo(30);
        assertThat(config.number("review-window.days")).isEqualTo(90);
        assertThat(config.number("systolic-bp.low")).isEqualTo(90);
        assertThat(config.number("respiratory-rate.low")).isEqualTo(10);
        assertThat(config.number("gcs.low")).isEqualTo(9);
        assertThat(config.maxDailyDoseMg("quetiapine")).hasValue(750);
        assertThat(config.maxDailyDoseMg("lorazepam")).isEmpty();
        assertThat(config.isA("senna", "laxative")).isTrue();
        assertThat(config.classesOf("haloperidol")).containsExactlyInAnyOrder("antipsychotic", "rapid-tranquilliser");
    }

    @Test
    void unknownKey_isAnErrorThatListsTheKnownKeys() {
        assertThatThrownBy(() -> RulesConfig.defaults().number("lithium.hgih"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lithium.hgih")
                .hasMessageContaining("lithium.high");
    }

    @Test
    void emptyFolder_keepsTheDefaults() {
        RulesConfig config = RulesConfig.load(dir);

        assertThat(config.number("lithium.high")).isEqualTo(1.5);
        assertThat(new DroolsTriggerEvaluator(config).rulesetVersion()).isEqualTo(Fixtures.RULES.rulesetVersion());
    }

    @Test
    void editedLithiumThreshold_changesTheOutcomeAndTheRulesetVersion() throws IOException {
        Files.writeString(
                dir.resolve("thresholds.csv"),
                shipped("thresholds.csv").replace("lithium.high,1.5,", "lithium.high,1.2,"));
        DroolsTriggerEvaluator edited = new DroolsTriggerEvaluator(RulesConfig.load(dir));
        var record = stay().lab(lab("li-1", "lithium", 1.3, "mmol/L", at(2))).build();

        assertThat(only("MH-L01", Fixtures.RULES.evaluate(record, List.of()))).isEmpty();
        assertThat(only("MH-L01", edited.evaluate(record, List.of())))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.evidence()).isEqualTo("Lithium 1.3 mmol/L (threshold 1.2)");
                    assertThat(f.ruleset()).isEqualTo(edited.rulesetVersion());
                });
        assertThat(edited.rulesetVersion())
                .startsWith("1.0.0+")
                .matches("1\\.0\\.0\\+[0-9a-f]{12}")
                .isNotEqualTo(Fixtures.RULES.rulesetVersion());
    }

    @Test
    void warningBandSwitchedOn_firesBetween1And1point5() throws IOException {
        Files.writeString(
                dir.resolve("thresholds.csv"),
                shipped("thresholds.csv").replace("lithium.warning.enabled,false,", "lithium.warning.enabled,true,"));
        var record = stay().lab(lab("li-1", "lithium", 1.2, "mmol/L", at(2))).build();

        assertThat(only("MH-L01", new DroolsTriggerEvaluator(RulesConfig.load(dir)).evaluate(record, List.of())))
                .singleElement()
                .satisfies(f -> assertThat(f.evidence()).isEqualTo("Lithium 1.2 mmol/L (warning band 1 to < 1.5)"));
    }

    @Test
    void editedIngredientClasses_changeWhatCounts() throws IOException {
        Files.writeString(
                dir.resolve("ingredient-classes.csv"), shipped("ingredient-classes.csv") + "domperidone,antiemetic\n");
        var record = stay().medication(
                        Fixtures.given("d-1", "domperidone", 10.0, org.mhtrigger.engine.record.Route.ORAL, at(2)))
                .build();

        assertThat(only("MH-M07", Fixtures.RULES.evaluate(record, List.of()))).isEmpty();
        assertThat(only("MH-M07", new DroolsTriggerEvaluator(RulesConfig.load(dir)).evaluate(record, List.of())))
                .hasSize(1);
    }

    @Test
    void malformedThresholdValue_namesFileAndLine() throws IOException {
        // line 1 is the header, lithium.high is line 2
        Files.writeString(
                dir.resolve("thresholds.csv"),
                shipped("thresholds.csv").replace("lithium.high,1.5,", "lithium.high,1,5,"));

        assertThatThrownBy(() -> RulesConfig.load(dir))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(dir.resolve("thresholds.csv").toString())
                .hasMessageContaining("line 2:")
                .hasMessageContaining("5 columns, expected 4");
    }

    @Test
    void nonNumericThreshold_namesFileLineAndValue() throws IOException {
        Files.writeString(
                dir.resolve("thresholds.csv"),
                shipped("thresholds.csv").replace("sodium.low,130,", "sodium.low,one-thirty,"));

        assertThatThrownBy(() -> RulesConfig.load(dir))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("thresholds.csv line 10: value 'one-thirty' of sodium.low must be a number");
    }

    @Test
    void missingThresholdKey_isAnError() throws IOException {
        Files.writeString(
                dir.resolve("thresholds.csv"), shipped("thresholds.csv").replaceAll("(?m)^ck\\.high,.*\\n", ""));

        assertThatThrownBy(() -> RulesConfig.load(dir))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("missing key 'ck.high'");
    }

    @Test
    void misspeltThresholdKey_isAnError() throws IOException {
        Files.writeString(dir.resolve("thresholds.csv"), shipped("thresholds.csv") + "lithium.hihg,1.2,mmol/L,typo\n");

        assertThatThrownBy(() -> RulesConfig.load(dir))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("unknown key 'lithium.hihg'");
    }

    @Test
    void wrongHeaderInIngredientClasses_isAnError() throws IOException {
        Files.writeString(dir.resolve("ingredient-classes.csv"), "drug,group\nsenna,laxative\n");

        assertThatThrownBy(() -> RulesConfig.load(dir))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ingredient-classes.csv line 1: header drug,group must be ingredient,class");
    }

    @Test
    void catalogueWithoutACodeTheRulesFire_isAnError() throws IOException {
        Files.writeString(dir.resolve("catalogue.csv"), shipped("catalogue.csv").replaceAll("(?m)^MH-L01,.*\\n", ""));

        assertThatThrownBy(() -> RulesConfig.load(dir))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("MH-L01 is missing");
    }

    @Test
    void missingFolder_isAnError() {
        assertThatThrownBy(() -> RulesConfig.load(dir.resolve("nope")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("is not a folder");
    }
}
