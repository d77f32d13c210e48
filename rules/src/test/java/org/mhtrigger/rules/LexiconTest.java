package org.mhtrigger.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.mhtrigger.engine.ConfigurationException;
import org.mhtrigger.engine.record.Note;
import org.mhtrigger.engine.record.SourceRef;
import org.mhtrigger.engine.record.TextSpan;
import org.mhtrigger.engine.screen.Assertion;
import org.mhtrigger.engine.screen.TextHit;
import org.mhtrigger.engine.text.LexiconEntry;
import org.mhtrigger.engine.text.NoteTermMatcher;

/** Every lexicon entry is checked against the example sentence written beside it. */
class LexiconTest {
    private static final RulesConfig CONFIG = RulesConfig.defaults();
    private static final NoteTermMatcher MATCHER = NoteTermMatcher.create(CONFIG.lexicon(), CONFIG.context());

    @TempDir
    Path tmp;

    private static List<TextHit> hits(String text) {
        Note note = new Note(
                new SourceRef("DocumentReference", "n-1"), "nursing", Instant.parse("2026-03-04T10:00:00Z"), text);
        return MATCHER.match(note, Instant.parse("2026-03-01T02:00:00Z"));
    }

    @TestFactory
    Stream<DynamicTest> everyIncludeEntry_matchesItsExampleAndTheExampleIsAnAffirmedMention() {
        return CONFIG.lexicon().stream()
                .filter(e -> !e.exclude())
                .map(entry -> DynamicTest.dynamicTest(entry.trigger() + " " + entry.pattern(), () -> {
                    assertThat(entry.example()).as("every entry has an example").isNotBlank();
                    assertThat(MATCHER.find(entry, entry.example()))
                            .as("'%s' matches '%s'", entry.pattern(), entry.example())
                            .isNotEmpty();
                    assertThat(hits(entry.example()))
                            .as("the example '%s' is an affirmed mention of %s", entry.example(), entry.trigger())
                            .anySatisfy(h -> {
                                assertThat(h.trigger()).isEqualTo(entry.trigger());
                                assertThat(h.assertion()).isEqualTo(Assertion.AFFIRMED);
                            });
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyExcludeEntry_cancelsTheMentionsInItsExample() {
        return CONFIG.lexicon().stream()
                .filter(LexiconEntry::exclude)
                .map(entry -> DynamicTest.dynamicTest(entry.trigger() + " not " + entry.pattern(), () -> {
                    LexiconEntry asInclude =
                            new LexiconEntry(entry.trigger(), entry.pattern(), entry.window(), false, "");
                    List<TextSpan> excluded = MATCHER.find(asInclude, entry.example());
                    assertThat(excluded)
                            .as("'%s' matches '%s'", entry.pattern(), entry.example())
                            .isNotEmpty();
                    assertThat(hits(entry.example()))
                            .as("no %s mention overlaps the exclusion in '%s'", entry.trigger(), entry.example())
                            .noneSatisfy(h -> {
                                assertThat(h.trigger()).isEqualTo(entry.trigger());
                                assertThat(excluded)
                                        .anySatisfy(x ->
                                                assertThat(x.overlaps(h.span())).isTrue());
                            });
                }));
    }

    @Test
    void everyTextTriggerExceptTheAbsenceTriggers_hasLexiconEntries() {
        List<String> withEntries =
                CONFIG.lexicon().stream().map(LexiconEntry::trigger).distinct().toList();

        assertThat(CONFIG.catalogue().all())
                .filteredOn(
                        d -> d.text() && !d.code().equals("MH-Q01") && !d.code().equals("MH-Q02"))
                .allSatisfy(d -> assertThat(withEntries).as(d.code()).contains(d.code()));
    }

    @Test
    void clinicalContext_suppressesTheHardNegatives() {
        assertThat(hits("Pt denies any self-harm or suicidal thoughts."))
                .singleElement()
                .extracting(TextHit::assertion)
                .isEqualTo(Assertion.NEGATED);
        assertThat(hits("h/o overdose in 2016 and 2019"))
                .singleElement()
                .extracting(TextHit::assertion)
                .isEqualTo(Assertion.HISTORICAL);
        assertThat(hits("Remains a high risk of absconding, on Q15min obs."))
                .singleElement()
                .extracting(TextHit::assertion)
                .isEqualTo(Assertion.HYPOTHETICAL);
        assertThat(hits("Her mother attempted suicide when pt was 12."))
                .extracting(TextHit::assertion)
                .containsOnly(Assertion.OTHER_EXPERIENCER);
        assertThat(hits("Aggression towards staff will not be tolerated.")).isEmpty();
        assertThat(hits("Reminded that physical aggression will not be tolerated on the ward."))
                .singleElement()
                .extracting(TextHit::assertion)
                .isEqualTo(Assertion.POLICY);
        assertThat(hits("Past psychiatric history: overdose 2016, cutting as a teenager."))
                .extracting(TextHit::assertion)
                .containsOnly(Assertion.HISTORICAL);
        assertThat(hits("Drowsy but rousable after PRN.")).isEmpty();
    }

    @Test
    void aReplacementLexiconWithABadPattern_isRejectedNamingFileAndLine() throws IOException {
        Files.writeString(
                tmp.resolve("lexicon.csv"),
                "trigger,pattern,window,kind,example\n"
                        + "MH-C01,fell,0,include,pt fell\n"
                        + "MH-C01,(fell|fall,0,include,pt fell\n");

        assertThatThrownBy(() -> RulesConfig.load(tmp))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("lexicon.csv line 3")
                .hasMessageContaining("without ')'");
    }

    @Test
    void aLexiconEntryForAStructuredOnlyTrigger_isRejected() throws IOException {
        Files.writeString(
                tmp.resolve("lexicon.csv"), "trigger,pattern,window,kind,example\nMH-L01,lithium,0,include,x\n");

        assertThatThrownBy(() -> RulesConfig.load(tmp))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("MH-L01 is not read from text");
    }

    @Test
    void aCueWithAnUnknownCategory_isRejectedNamingFileAndLine() throws IOException {
        Files.writeString(
                tmp.resolve("context-cues.csv"),
                "cue,category,direction,window,applies_to,example\ndenies,maybe,forward,5,,\n");

        assertThatThrownBy(() -> RulesConfig.load(tmp))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("context-cues.csv line 2")
                .hasMessageContaining("maybe");
    }

    @Test
    void anEditedWordSenseFile_replacesTheShippedExclusions() throws IOException {
        Files.writeString(
                tmp.resolve("word-senses.csv"),
                "trigger,pattern,window,example\nMH-C01,fell over laughing,0,she fell over laughing\n");

        RulesConfig edited = RulesConfig.load(tmp);

        assertThat(edited.lexicon().stream().filter(LexiconEntry::exclude))
                .singleElement()
                .satisfies(e -> assertThat(e.pattern()).isEqualTo("fell over laughing"));
        assertThat(new DroolsTriggerEvaluator(edited).rulesetVersion())
                .isNotEqualTo(new DroolsTriggerEvaluator(CONFIG).rulesetVersion());
    }

    @Test
    void anEditedLexicon_changesTheRulesetVersion() throws IOException {
        Files.writeString(
                tmp.resolve("lexicon.csv"),
                "trigger,pattern,window,kind,example\nMH-C01,(fell|tumbled),0,include,pt tumbled\n");

        RulesConfig edited = RulesConfig.load(tmp);

        // the one include entry of the edited lexicon, then the shipped word senses
        assertThat(edited.lexicon().stream().filter(e -> !e.exclude())).hasSize(1);
        assertThat(edited.lexicon().stream().filter(LexiconEntry::exclude))
                .hasSameSizeAs(
                        CONFIG.lexicon().stream().filter(LexiconEntry::exclude).toList());
        assertThat(new DroolsTriggerEvaluator(edited).rulesetVersion())
                .isNotEqualTo(new DroolsTriggerEvaluator(CONFIG).rulesetVersion());
    }
}
