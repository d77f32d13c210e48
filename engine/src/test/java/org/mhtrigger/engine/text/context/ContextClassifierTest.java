package org.mhtrigger.engine.text.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.record.TextSpan;
import org.mhtrigger.engine.screen.Assertion;
import org.mhtrigger.engine.text.ClinicalAnalyzer;

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
                            new ContextCue("entered in error", CueCategory.NEGATED, CueDirection.BOTH, 20),
                            new ContextCue("allergies:", CueCategory.HISTORICAL, CueDirection.FORWARD, 20),
                            new ContextCue("social history", CueCategory.HISTORICAL, CueDirection.FORWARD, 30),
                            new ContextCue("status post", CueCategory.HISTORICAL, CueDirection.FORWARD, 6),
                            new ContextCue("prior", CueCategory.HISTORICAL, CueDirection.FORWARD, 4),
                            new ContextCue("brother", CueCategory.OTHER_EXPERIENCER, CueDirection.FORWARD, 3),
                            new ContextCue("could no longer", CueCategory.NEGATED, CueDirection.FORWARD, 5),
                            new ContextCue("query", CueCategory.UNCERTAIN, CueDirection.FORWARD, 0)),
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
        assertThat(context.decidedBy().describe()).isEqualTo("historical by date '2019' before admission 2026-03-01");
    }

    @Test
    void aDayAndMonthBeforeAdmission_isHistorical_readDayFirstByDefault() {
        MentionContext context = assess("ED attendance 03/01 after an overdose.", "overdose");

        assertThat(context.assertion()).isEqualTo(Assertion.HISTORICAL);
        assertThat(context.decidedBy().describe())
                .isEqualTo("historical by date '03/01' (2026-01-03) before admission 2026-03-01");
        assertThat(context.decidedBy().span()).isEqualTo(new TextSpan(14, 19));
    }

    @Test
    void aDayAndMonthAfterAdmission_leavesTheMentionAffirmed() {
        assertThat(assess("Overdose on 04/03, found by staff.", "Overdose").assertion())
                .isEqualTo(Assertion.AFFIRMED);
        assertThat(assess("Overdose on 4 March, found by staff.", "Overdose").assertion())
                .isEqualTo(Assertion.AFFIRMED);
    }

    @Test
    void monthFirst_readsTheSameDigitsAsAnotherDay() {
        ContextClassifier us = new ContextClassifier(
                new ContextRules(List.of(), List.of(), DateOrder.MONTH_FIRST), new ClinicalAnalyzer());
        String sentence = "Overdose on 03/04, found by staff.";
        MentionContext context = us.assess(
                sentence, new TextSpan(0, sentence.length()), new TextSpan(0, 8), "MH-B01", WRITTEN, ADMITTED);

        // month first, 03/04 is 4 March (after admission); day first it is 3 April, a year ago (before)
        assertThat(context.assertion()).isEqualTo(Assertion.AFFIRMED);
        assertThat(assess(sentence, "Overdose").decidedBy().describe())
                .isEqualTo("historical by date '03/04' (2025-04-03) before admission 2026-03-01");
    }

    @Test
    void aDateOnlyOneOrderMakesReal_isReadThatWay() {
        // 3/18 cannot be day 3 of month 18: it is 18 March whatever the setting, and 18 March 2025 is before admission
        assertThat(assess("Overdose on 3/18 at home.", "Overdose").decidedBy().describe())
                .isEqualTo("historical by date '3/18' (2025-03-18) before admission 2026-03-01");
    }

    @Test
    void aMonthWithoutADay_isHistoricalOnlyWhenTheWholeMonthIsBeforeAdmission() {
        assertThat(assess("Overdose in August, seen in ED.", "Overdose")
                        .decidedBy()
                        .describe())
                .isEqualTo("historical by date 'August' (2025-08) before admission 2026-03-01");
        assertThat(assess("Had a fall last March.", "fall").decidedBy().describe())
                .isEqualTo("historical by date 'last March' (2025-03) before admission 2026-03-01");
        assertThat(assess("Overdose in March, found by staff.", "Overdose").assertion())
                .isEqualTo(Assertion.AFFIRMED);
    }

    @Test
    void aMonthAndYear_coverTheWholeMonth() {
        assertThat(assess("Inpatient stay (01/2026) included a fall.", "fall")
                        .decidedBy()
                        .describe())
                .isEqualTo("historical by date '01/2026' (2026-01) before admission 2026-03-01");
    }

    @Test
    void aFullDateWithItsYear_isResolvedAsWritten() {
        assertThat(assess("Overdose on 12/02/2026 at home.", "Overdose")
                        .decidedBy()
                        .describe())
                .isEqualTo("historical by date '12/02/2026' (2026-02-12) before admission 2026-03-01");
        assertThat(assess("Overdose on 2026-03-02 on the ward.", "Overdose").assertion())
                .isEqualTo(Assertion.AFFIRMED);
    }

    @Test
    void numbersThatAreNotDates_leaveTheMentionAffirmed() {
        // a blood pressure, a duration written as days of a week, a pain score, the verb "may"
        assertThat(assess("Fall with BP 84/50 after.", "Fall").assertion()).isEqualTo(Assertion.AFFIRMED);
        assertThat(assess("Fall, dizzy for 2/7.", "Fall").assertion()).isEqualTo(Assertion.AFFIRMED);
        assertThat(assess("Fall, pain 7/10.", "Fall").assertion()).isEqualTo(Assertion.AFFIRMED);
        assertThat(assess("Fall in the lounge, he may need a CT.", "Fall").assertion())
                .isEqualTo(Assertion.AFFIRMED);
    }

    @Test
    void aHeadingCue_countsOnlyBeforeItsColon_andReachesPastSemicolonsToTheNextHeading() {
        assertThat(assess("Allergies: penicillin; sulfa drugs.", "sulfa").is(Assertion.HISTORICAL))
                .isTrue();
        assertThat(assess("Allergies: nil Plan: overdose review", "overdose").is(Assertion.HISTORICAL))
                .isFalse();
        assertThat(assess("He has allergies and took an overdose.", "overdose").assertion())
                .isEqualTo(Assertion.AFFIRMED);
    }

    @Test
    void aLabelSaidAgainInItsValue_takesTheValuesContext() {
        assertThat(assess("Self-harm: no self-harm this shift.", "Self-harm").assertion())
                .isEqualTo(Assertion.NEGATED);
        assertThat(assess("Self-harm: cut her arm, no stitches needed.", "Self-harm")
                        .assertion())
                .isEqualTo(Assertion.AFFIRMED);
    }

    @Test
    void aNumberedItem_endsTheScopeOfTheItemBefore() {
        assertThat(assess("1) esophagitis status post biopsy 2) hiatal hernia", "biopsy")
                        .is(Assertion.HISTORICAL))
                .isTrue();
        assertThat(assess("1) esophagitis status post biopsy 2) hiatal hernia", "hernia")
                        .is(Assertion.HISTORICAL))
                .isFalse();
    }

    @Test
    void aCommaAndANewSubject_endTheScopeOfAForwardCue() {
        assertThat(assess("Denies low mood, self-harm.", "self-harm").is(Assertion.NEGATED))
                .isTrue();
        assertThat(assess("Denies low mood, she cut her arm.", "cut").is(Assertion.NEGATED))
                .isFalse();
    }

    @Test
    void aNegationAfterAHistoricalCue_speaksOfNow_butNotUnderAHeading() {
        MentionContext denied = assess("History of asthma and denies overdose.", "overdose");
        assertThat(denied.is(Assertion.NEGATED)).isTrue();
        assertThat(denied.is(Assertion.HISTORICAL)).isFalse();

        MentionContext social = assess("Social history: denies overdose.", "overdose");
        assertThat(social.attributes()).containsExactlyInAnyOrder(Assertion.NEGATED, Assertion.HISTORICAL);
    }

    @Test
    void statusPost_namesOneProcedure_upToAComma() {
        assertThat(assess("Status post back surgery, broken bolt.", "surgery").is(Assertion.HISTORICAL))
                .isTrue();
        assertThat(assess("Status post back surgery, broken bolt.", "bolt").is(Assertion.HISTORICAL))
                .isFalse();
    }

    @Test
    void aShortWindowCue_reachesAcrossShortListItemsOnly_anotherPersonAcrossAnyPredicate() {
        assertThat(assess("Prior falls and fractures.", "fractures").is(Assertion.HISTORICAL))
                .isTrue();
        assertThat(assess(
                                "Clips from prior wedge resection within the right upper lobe and atelectasis.",
                                "atelectasis")
                        .is(Assertion.HISTORICAL))
                .isFalse();
        assertThat(assess("Brother slipped on the wet floor in the corridor and fell.", "fell")
                        .is(Assertion.OTHER_EXPERIENCER))
                .isTrue();
    }

    @Test
    void aNegatedModal_governsOneVerbPhrase_upToAComma() {
        assertThat(assess("He could no longer take care of himself.", "take care")
                        .assertion())
                .isEqualTo(Assertion.NEGATED);
        assertThat(assess("She could no longer cope, took an overdose.", "overdose")
                        .assertion())
                .isEqualTo(Assertion.AFFIRMED);
    }

    @Test
    void aQuestionMark_queriesItsOwnItem_notWhatFollowsTheComma() {
        assertThat(assess("?NMS, transferred to medical ICU.", "transferred").assertion())
                .isEqualTo(Assertion.AFFIRMED);
        assertThat(assess("?NMS, transferred to medical ICU.", "NMS").assertion())
                .isEqualTo(Assertion.HYPOTHETICAL);
        assertThat(assess("?transferred to medical ICU.", "transferred").assertion())
                .isEqualTo(Assertion.HYPOTHETICAL);
    }
}
