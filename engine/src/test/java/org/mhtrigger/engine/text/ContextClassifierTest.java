package org.mhtrigger.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.record.TextSpan;
import org.mhtrigger.engine.screen.Assertion;

class ContextClassifierTest {
    private static final Instant ADMITTED = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant WRITTEN = Instant.parse("2026-03-05T10:00:00Z");
    private final ContextClassifier classifier = new ContextClassifier(
            new ContextRules(
                    List.of(
                            new ContextCue("denies", CueCategory.NEGATED, CueDirection.FORWARD, 3),
                            new ContextCue("not needed", CueCategory.NEGATED, CueDirection.BACKWARD, 4),
                            new ContextCue("nil known", CueCategory.NEGATED, CueDirection.BACKWARD, 3),
                            new ContextCue("no", CueCategory.NEGATED, CueDirection.FORWARD, 3),
                            new ContextCue("history of", CueCategory.HISTORICAL, CueDirection.FORWARD, 6),
                            new ContextCue("possible", CueCategory.UNCERTAIN, CueDirection.FORWARD, 3),
                            new ContextCue("if", CueCategory.HYPOTHETICAL, CueDirection.FORWARD, 6),
                            new ContextCue("entered in error", CueCategory.NEGATED, CueDirection.BOTH, 20)),
                    List.of()),
            new ClinicalAnalyzer());

    private MentionContext assess(String sentence, String mention) {
        int at = sentence.indexOf(mention);
        return classifier.assess(
                sentence,
                new TextSpan(0, sentence.length()),
                new TextSpan(at, at + mention.length()),
                "MH-B01",
                WRITTEN,
                ADMITTED);
    }

    @Test
    void negationAfterTheTerm_namesTheCueAndItsSpan() {
        MentionContext context = assess("Seclusion was not needed at any point.", "Seclusion");

        assertThat(context.assertion()).isEqualTo(Assertion.NEGATED);
        assertThat(context.decidedBy().describe()).isEqualTo("negated by 'not needed'");
        assertThat(context.decidedBy().span()).isEqualTo(new TextSpan(14, 24));
    }

    @Test
    void negatedAndHistorical_areIndependentAttributes() {
        MentionContext context = assess("Denies history of overdose.", "overdose");

        assertThat(context.attributes()).containsExactlyInAnyOrder(Assertion.NEGATED, Assertion.HISTORICAL);
        assertThat(context.assertion()).isEqualTo(Assertion.NEGATED);
    }

    @Test
    void aCoordinatedList_countsAsOneWordOfTheCuesScope() {
        assertThat(assess("He denies fever, chest pain, low mood or self-harm.", "self-harm")
                        .is(Assertion.NEGATED))
                .isTrue();
        assertThat(assess("He denies fever and chest pain and then he cut his arm.", "cut")
                        .is(Assertion.NEGATED))
                .isFalse();
    }

    @Test
    void listItems_mayHaveSeveralWords_andAListMayFollowTheFollowingColon() {
        assertThat(assess(
                                "Call the ward if any of the following: low mood, thoughts of harm, any "
                                        + "self-harm.",
                                "self-harm")
                        .decidedBy()
                        .describe())
                .isEqualTo("hypothetical by 'if'");
    }

    @Test
    void formLine_valueAfterTheColonNegatesTheLabel_butACueDoesNotReachAcrossALabel() {
        assertThat(assess("Violence: nil known", "Violence").assertion()).isEqualTo(Assertion.NEGATED);
        assertThat(assess("Complications: no drain; self-harm later", "self-harm")
                        .assertion())
                .isEqualTo(Assertion.AFFIRMED);
        assertThat(assess("No concerns overnight Plan: self-harm review", "self-harm")
                        .assertion())
                .isEqualTo(Assertion.AFFIRMED);
    }

    @Test
    void uncertainty_isAnAttributeOfItsOwn_screenedAsHypothetical() {
        MentionContext context = assess("Possible overdose, empty packs found.", "overdose");

        assertThat(context.has(CueCategory.UNCERTAIN)).isTrue();
        assertThat(context.has(CueCategory.HYPOTHETICAL)).isFalse();
        assertThat(context.assertion()).isEqualTo(Assertion.HYPOTHETICAL);
        assertThat(context.decidedBy().describe()).isEqualTo("uncertain by 'Possible'");
    }

    @Test
    void documentationStatus_suppressesTheWholeEntry() {
        assertThat(assess("Patient secluded at 14:00 - entry made in wrong notes, entered in error.", "secluded")
                        .decidedBy()
                        .describe())
                .isEqualTo("negated by 'entered in error'");
    }

    @Test
    void aYearBeforeAdmission_isHistoricalByDate() {
        MentionContext context = assess("Overdose in 2019 with paracetamol.", "Overdose");

        assertThat(context.assertion()).isEqualTo(Assertion.HISTORICAL);
        assertThat(context.decidedBy().describe()).isEqualTo("historical by date '2019'");
    }
}
