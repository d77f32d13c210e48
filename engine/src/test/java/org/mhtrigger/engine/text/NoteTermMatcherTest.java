package org.mhtrigger.engine.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.ConfigurationException;
import org.mhtrigger.engine.record.EncounterKind;
import org.mhtrigger.engine.record.LinkedEncounter;
import org.mhtrigger.engine.record.Note;
import org.mhtrigger.engine.record.Patient;
import org.mhtrigger.engine.record.SourceRef;
import org.mhtrigger.engine.record.Stay;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.engine.record.TextSpan;
import org.mhtrigger.engine.screen.Assertion;
import org.mhtrigger.engine.screen.TextHit;
import org.mhtrigger.engine.text.context.ContextCue;
import org.mhtrigger.engine.text.context.ContextRules;
import org.mhtrigger.engine.text.context.CueCategory;
import org.mhtrigger.engine.text.context.CueDirection;
import org.mhtrigger.engine.text.section.SectionRule;

class NoteTermMatcherTest {
    private static final List<LexiconEntry> LEXICON = List.of(
            new LexiconEntry("MH-B01", "(tied|tying|ties) ... (ligature|ligture)", 4, false, ""),
            new LexiconEntry("MH-B01", "self-harm*", 0, false, ""),
            new LexiconEntry("MH-B01", "SH", 0, false, ""),
            new LexiconEntry("MH-C01", "(fell|fall|falls)", 0, false, ""),
            new LexiconEntry("MH-C01", "found ... on the floor", 3, false, ""),
            new LexiconEntry("MH-C01", "(fell|falls|fall) asleep", 0, true, ""),
            new LexiconEntry("MH-B05", "(absconded|awol|absconding)", 0, false, ""),
            new LexiconEntry("MH-R03", "IM (lorazepam|haloperidol)", 0, false, ""));

    private static final ContextRules CONTEXT = new ContextRules(
            List.of(
                    new ContextCue("denies", CueCategory.NEGATED, CueDirection.FORWARD, 6),
                    new ContextCue("no", CueCategory.NEGATED, CueDirection.FORWARD, 4),
                    new ContextCue("h/o", CueCategory.HISTORICAL, CueDirection.FORWARD, 6),
                    new ContextCue("risk of", CueCategory.HYPOTHETICAL, CueDirection.FORWARD, 4),
                    new ContextCue("if required", CueCategory.HYPOTHETICAL, CueDirection.BACKWARD, 4),
                    new ContextCue("mother", CueCategory.OTHER_EXPERIENCER, CueDirection.FORWARD, 5),
                    new ContextCue("will not be tolerated", CueCategory.POLICY, CueDirection.BACKWARD, 6),
                    new ContextCue("no change", CueCategory.PSEUDO, CueDirection.BOTH, 0),
                    new ContextCue("query", CueCategory.HYPOTHETICAL, CueDirection.FORWARD, 1),
                    new ContextCue("staff", CueCategory.OTHER_EXPERIENCER, CueDirection.FORWARD, 3, Set.of("MH-B05")),
                    new ContextCue("today", CueCategory.TERMINATE, CueDirection.BOTH, 0),
                    new ContextCue("but", CueCategory.TERMINATE, CueDirection.BOTH, 0)),
            List.of(
                    new SectionRule("Past psychiatric history", Assertion.HISTORICAL),
                    new SectionRule("Family history", Assertion.OTHER_EXPERIENCER),
                    new SectionRule("MSE", Assertion.AFFIRMED)));

    private static final Instant ADMITTED = Instant.parse("2026-03-01T02:00:00Z");
    private static final NoteTermMatcher MATCHER = NoteTermMatcher.create(LEXICON, CONTEXT);

    private static List<TextHit> hits(String text) {
        return hits(text, Instant.parse("2026-03-04T10:00:00Z"));
    }

    private static List<TextHit> hits(String text, Instant written) {
        Note note = new Note(new SourceRef("DocumentReference", "n-1"), "nursing", written, text);
        return MATCHER.match(note, ADMITTED);
    }

    private static TextHit only(String text, Instant written) {
        List<TextHit> hits = hits(text, written);
        assertThat(hits).hasSize(1);
        return hits.get(0);
    }

    private static TextHit only(String text) {
        List<TextHit> hits = hits(text);
        assertThat(hits).hasSize(1);
        return hits.get(0);
    }

    @Test
    void proximityPattern_reportsTheExactSpanFromFirstToLastWord() {
        String text = "Pt settled. At 14:30 pt tied a ligature around neck, removed by staff.";

        TextHit hit = only(text);

        assertThat(hit.trigger()).isEqualTo("MH-B01");
        assertThat(hit.span()).isEqualTo(new TextSpan(24, 39));
        assertThat(text.substring(24, 39)).isEqualTo("tied a ligature");
        assertThat(hit.assertion()).isEqualTo(Assertion.AFFIRMED);
        assertThat(hit.sentence()).isEqualTo("At 14:30 pt tied a ligature around neck, removed by staff.");
    }

    @Test
    void misspellingListedInTheLexicon_isFound() {
        String text = "pt found tying ligture in bathroom";

        TextHit hit = only(text);

        assertThat(text.substring(hit.span().start(), hit.span().end())).isEqualTo("tying ligture");
    }

    @Test
    void hyphenatedPrefixPattern_matchesInflections() {
        String text = "She self-harmed by scratching forearm.";

        TextHit hit = only(text);

        assertThat(hit.span()).isEqualTo(new TextSpan(4, 15));
    }

    @Test
    void negationCueBeforeTheMention_negatesIt() {
        TextHit hit = only("Pt denies SH or thoughts of harm.");

        assertThat(hit.assertion()).isEqualTo(Assertion.NEGATED);
        assertThat(hit.span()).isEqualTo(new TextSpan(10, 12));
    }

    @Test
    void negationBeyondItsWindow_doesNotReachTheMention() {
        TextHit hit = only("No concerns raised by family at visiting time and later pt tied a ligature");

        assertThat(hit.assertion()).isEqualTo(Assertion.AFFIRMED);
    }

    @Test
    void historyCue_makesTheMentionHistorical_untilATerminationCue() {
        List<TextHit> hits = hits("h/o self-harm as teenager but today tied a ligature");

        assertThat(hits).extracting(TextHit::assertion).containsExactly(Assertion.HISTORICAL, Assertion.AFFIRMED);
    }

    @Test
    void hypotheticalCues_forwardAndBackward() {
        assertThat(only("Remains at risk of absconding.").assertion()).isEqualTo(Assertion.HYPOTHETICAL);
        assertThat(only("IM lorazepam if required for agitation").assertion()).isEqualTo(Assertion.HYPOTHETICAL);
    }

    @Test
    void otherExperiencer_isNotAboutThePatient() {
        TextHit hit = only("Her mother self-harmed in her twenties.");

        assertThat(hit.assertion()).isEqualTo(Assertion.OTHER_EXPERIENCER);
    }

    @Test
    void questionMarkBeforeAWord_readsAsQueryAndKeepsOffsets() {
        String text = "?absconded earlier";

        TextHit hit = only(text);

        assertThat(hit.assertion()).isEqualTo(Assertion.HYPOTHETICAL);
        assertThat(text.substring(hit.span().start(), hit.span().end())).isEqualTo("absconded");
    }

    @Test
    void aCueForSomeTriggersOnly_leavesTheOthersAlone() {
        List<TextHit> hits = hits("staff absconded with keys; staff tied a ligature");

        assertThat(hits)
                .extracting(TextHit::trigger, TextHit::assertion)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("MH-B05", Assertion.OTHER_EXPERIENCER),
                        org.assertj.core.groups.Tuple.tuple("MH-B01", Assertion.AFFIRMED));
    }

    @Test
    void aCueCannotBothListAndExcludeTriggers() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ContextCue(
                        "staff", CueCategory.OTHER_EXPERIENCER, CueDirection.FORWARD, 3, Set.of("MH-B03", "!MH-R01")))
                .hasMessageContaining("staff");
        ContextCue except =
                new ContextCue("staff", CueCategory.OTHER_EXPERIENCER, CueDirection.FORWARD, 3, Set.of("!MH-R01"));
        assertThat(except.appliesTo("MH-R01")).isFalse();
        assertThat(except.appliesTo("MH-B03")).isTrue();
    }

    @Test
    void policyStatement_isNotAnEvent() {
        TextHit hit = only("Absconding will not be tolerated and police will be informed.");

        assertThat(hit.assertion()).isEqualTo(Assertion.POLICY);
    }

    @Test
    void aYearBeforeAdmission_makesAnUncuedMentionHistorical() {
        assertThat(only("Overdosed and self-harmed in 2016.").assertion()).isEqualTo(Assertion.HISTORICAL);
        assertThat(only("Self-harmed on 03/03/2026 at 14:00.").assertion()).isEqualTo(Assertion.AFFIRMED);
    }

    @Test
    void aDayBeforeAdmission_givenRelativeToTheNote_makesTheMentionHistorical() {
        Instant admissionDay = Instant.parse("2026-03-01T09:00:00Z");
        Instant thirdDay = Instant.parse("2026-03-03T09:00:00Z");

        assertThat(only("self-harmed yesterday evening at home", admissionDay).assertion())
                .isEqualTo(Assertion.HISTORICAL);
        assertThat(only("self-harmed yesterday evening in the bathroom", thirdDay)
                        .assertion())
                .isEqualTo(Assertion.AFFIRMED);
        assertThat(only("absconded 2 days ago from the garden", thirdDay).assertion())
                .isEqualTo(Assertion.AFFIRMED);
        assertThat(only("absconded 3 days ago from the garden", thirdDay).assertion())
                .isEqualTo(Assertion.HISTORICAL);
        assertThat(only("absconded a week ago", thirdDay).assertion()).isEqualTo(Assertion.HISTORICAL);
    }

    @Test
    void pseudoCue_doesNotNegate() {
        TextHit hit = only("no change in obs after pt absconded");

        assertThat(hit.assertion()).isEqualTo(Assertion.AFFIRMED);
    }

    @Test
    void sectionAssertion_appliesUntilTheNextHeaderOrBlankLine() {
        String text = "Past psychiatric history: tied ligature 2019, overdose.\n"
                + "MSE: calm, settled.\n"
                + "Family history: father self-harmed\n"
                + "\n"
                + "Pt absconded from ward at 15:00.";

        List<TextHit> hits = hits(text);

        assertThat(hits)
                .extracting(TextHit::trigger, TextHit::assertion)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("MH-B01", Assertion.HISTORICAL),
                        org.assertj.core.groups.Tuple.tuple("MH-B01", Assertion.OTHER_EXPERIENCER),
                        org.assertj.core.groups.Tuple.tuple("MH-B05", Assertion.AFFIRMED));
    }

    @Test
    void exclusionEntry_cancelsAnOverlappingMention() {
        assertThat(hits("Pt fell asleep at 23:00.")).isEmpty();
        assertThat(only("Pt fell in corridor at 23:00.").trigger()).isEqualTo("MH-C01");
    }

    @Test
    void linesEndSentencesEvenWithoutFullStops() {
        String text = "- obs maintained\n- found lying on the floor of bedroom\n- no injuries";

        TextHit hit = only(text);

        assertThat(hit.sentence()).isEqualTo("- found lying on the floor of bedroom");
        assertThat(text.substring(hit.span().start(), hit.span().end())).isEqualTo("found lying on the floor");
    }

    @Test
    void aPatternAcrossTwoSentences_isNotAMention() {
        assertThat(hits("Pt tied shoelaces.\nLigature risk assessed.")).isEmpty();
    }

    @Test
    void aPatternAcrossTwoSentences_doesNotTakeAMentionInTheNextSentenceWithIt() {
        // "tied his shoes. Tying a ligature" crosses the full stop and overlaps "Tying a ligature"
        String text = "Pt tied his shoes. Tying a ligature was stopped by staff.";

        TextHit hit = only(text);

        assertThat(hit.trigger()).isEqualTo("MH-B01");
        assertThat(hit.span()).isEqualTo(new TextSpan(19, 35));
        assertThat(hit.sentence()).isEqualTo("Tying a ligature was stopped by staff.");
    }

    @Test
    void aMentionDatedInsideAnEarlierStayOfThePatient_belongsToThatStay() {
        // given a patient who was an inpatient from 28 December to 10 January, readmitted on 1 March
        Stay earlier = new Stay(
                "e-0",
                "p-1",
                Instant.parse("2025-12-28T10:00:00Z"),
                Instant.parse("2026-01-10T12:00:00Z"),
                "Ward 6",
                null);
        Stay stay = new Stay("e-1", "p-1", ADMITTED, Instant.parse("2026-03-20T10:00:00Z"), "Ward 6", null);
        Note note = new Note(
                new SourceRef("DocumentReference", "n-1"),
                "nursing",
                Instant.parse("2026-03-04T10:00:00Z"),
                "Absconded on 03/01 from the garden.\nAbsconded on 20/01 from home.\nAbsconded from the ward.\n"
                        + "Absconded on 10/01 from the crisis house.");
        StayRecord record = StayRecord.builder(new Patient("p-1", null, null, null), stay)
                .encounter(new LinkedEncounter(
                        earlier.encounterId(),
                        EncounterKind.PSYCHIATRIC_INPATIENT,
                        earlier.admitted(),
                        earlier.discharged()))
                .encounter(new LinkedEncounter(
                        "ed-1",
                        EncounterKind.EMERGENCY,
                        Instant.parse("2026-01-20T10:00:00Z"),
                        Instant.parse("2026-01-20T16:00:00Z")))
                .note(note)
                .build();

        // when
        List<TextHit> hits = MATCHER.match(record);

        // then the date inside the earlier stay names it; one after it (an ED visit is no stay) is only before
        // admission
        assertThat(hits)
                .extracting(TextHit::assertion, TextHit::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                Assertion.HISTORICAL,
                                "historical: dated 2026-01-03 ('03/01'), during the previous stay 2025-12-28 to"
                                        + " 2026-01-10"),
                        org.assertj.core.groups.Tuple.tuple(
                                Assertion.HISTORICAL,
                                "historical by date '20/01' (2026-01-20) before admission 2026-03-01"),
                        org.assertj.core.groups.Tuple.tuple(Assertion.AFFIRMED, ""),
                        // the day of discharge may be after it: not placed in the stay
                        org.assertj.core.groups.Tuple.tuple(
                                Assertion.HISTORICAL,
                                "historical by date '10/01' (2026-01-10) before admission 2026-03-01"));
        // without the earlier stay in the record, the first is only before admission
        assertThat(MATCHER.match(StayRecord.builder(new Patient("p-1", null, null, null), stay)
                                .note(note)
                                .build())
                        .get(0)
                        .reason())
                .isEqualTo("historical by date '03/01' (2026-01-03) before admission 2026-03-01");
    }

    @Test
    void everyMention_isReportedInOffsetOrder() {
        List<TextHit> hits = hits("AWOL at 10:00, returned; IM haloperidol 5mg given; later fell in dining room");

        assertThat(hits).extracting(TextHit::trigger).containsExactly("MH-B05", "MH-R03", "MH-C01");
        assertThat(hits).allSatisfy(h -> assertThat(h.assertion()).isEqualTo(Assertion.AFFIRMED));
    }

    @Test
    void multiwordAlternatives_matchAsPhrases() {
        LexiconEntry entry = new LexiconEntry("MH-C06", "(passed away|died|found dead)", 0, false, "");

        assertThat(MATCHER.find(entry, "Pt passed away at 04:20")).containsExactly(new TextSpan(3, 14));
        assertThat(MATCHER.find(entry, "passed the away team")).isEmpty();
    }

    @Test
    void findChecksOneEntryOnItsOwn() {
        LexiconEntry entry = LEXICON.get(4);

        assertThat(MATCHER.find(entry, "Pt was found by staff on the floor")).containsExactly(new TextSpan(7, 34));
        assertThat(MATCHER.find(entry, "found keys on the table")).isEmpty();
    }

    @Test
    void malformedPattern_isAConfigurationErrorNamingTheEntry() {
        assertThatThrownBy(() ->
                        NoteTermMatcher.create(List.of(new LexiconEntry("MH-C01", "fell ...", 3, false, "")), CONTEXT))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("MH-C01")
                .hasMessageContaining("fell ...");
        assertThatThrownBy(() ->
                        NoteTermMatcher.create(List.of(new LexiconEntry("MH-C01", "(fell| )", 3, false, "")), CONTEXT))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> NoteTermMatcher.create(
                        List.of(new LexiconEntry("MH-C01", "(fell|fall", 3, false, "")), CONTEXT))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("without ')'");
    }
}
