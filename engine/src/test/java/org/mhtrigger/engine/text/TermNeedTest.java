package org.mhtrigger.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.text.context.ContextRules;

class TermNeedTest {
    private static final ClinicalAnalyzer ANALYZER = new ClinicalAnalyzer();
    private static final NoteTermMatcher MATCHER =
            NoteTermMatcher.create(List.of(), new ContextRules(List.of(), List.of()));

    private static final List<String> PATTERNS = List.of(
            "(tied|tying|ties) ... (ligature|ligture)",
            "self-harm*",
            "found ...2 on the floor",
            "(slipped|tripped) and (fell|fallen)",
            "IM (lorazepam|haloperidol)",
            "(started|commenced|on) ...3 (antibiotics|co-amoxiclav)",
            "(a&e|ed) attendance",
            "defib*",
            "?seizure");

    private static final List<String> WORDS = List.of(
            "tied",
            "a",
            "ligature",
            "ties",
            "self",
            "harm",
            "harming",
            "self-harmed",
            "found",
            "on",
            "the",
            "floor",
            "slipped",
            "and",
            "fell",
            "IM",
            "lorazepam",
            "haloperidol",
            "started",
            "co-amoxiclav",
            "antibiotics",
            "A&E",
            "ED",
            "attendance",
            "defibrillated",
            "defib",
            "?seizure",
            "seizure",
            "query",
            "pt",
            "was",
            ".",
            "\n",
            "no");

    private static String text(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.append(WORDS.get(random.nextInt(WORDS.size()))).append(' ');
        }
        return text.toString();
    }

    @Test
    void wheneverAPatternMatches_theNoteHasTheTermsItNeeds() {
        SplittableRandom random = new SplittableRandom(20261124L);
        int matched = 0;
        int skipped = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = text(random);
            for (String pattern : PATTERNS) {
                LexiconEntry entry = new LexiconEntry("MH-T01", pattern, 4, false, "");
                TermIndex index = new TermIndex();
                TermNeed need = Lexicon.need(entry, ANALYZER, index);
                boolean needMet = need.metBy(NoteTerms.of(ANALYZER, Lexicon.FIELD, text, index));
                boolean found = !MATCHER.find(entry, text).isEmpty();
                if (found) {
                    matched++;
                    assertThat(needMet)
                            .as("pattern '%s' matched '%s' but its needed terms were not found", pattern, text)
                            .isTrue();
                } else if (!needMet) {
                    skipped++;
                }
            }
        }
        assertThat(matched).as("texts on which some pattern matched").isGreaterThan(1_000);
        assertThat(skipped).as("pattern and text pairs the prefilter rules out").isGreaterThan(10_000);
    }

    @Test
    void anyOfManyParts_isMetExactlyWhenOneOfItsPartsIs() {
        List<String> patterns = new java.util.ArrayList<>(PATTERNS);
        patterns.addAll(List.of(
                "pt (slipped|fell)",
                "no ... seizure",
                "(IM|query) ...2 (haloperidol|lorazepam)",
                "the (floor|attendance)",
                "was found",
                "defib* ... the",
                "tied a (ligature|floor)",
                "self ... (harm|harming) ... no"));
        TermIndex index = new TermIndex();
        List<TermNeed> parts = patterns.stream()
                .map(pattern -> Lexicon.need(new LexiconEntry("MH-T01", pattern, 4, false, ""), ANALYZER, index))
                .toList();
        TermNeed any = TermNeed.any(parts);
        SplittableRandom random = new SplittableRandom(20261207L);
        int met = 0;
        for (int i = 0; i < 20_000; i++) {
            NoteTerms terms = NoteTerms.of(ANALYZER, Lexicon.FIELD, text(random), index);
            boolean expected = parts.stream().anyMatch(part -> part.metBy(terms));
            assertThat(any.metBy(terms)).as("any of %s on note %d", parts, i).isEqualTo(expected);
            met += expected ? 1 : 0;
        }
        assertThat(met).as("notes that meet some part").isBetween(1_000, 19_000);
    }

    @Test
    void aPrefixIsMetOnlyByATermThatStartsWithIt() {
        TermIndex index = new TermIndex();
        List<TermNeed> needs = List.of(
                TermNeed.prefix("defib", index.prefix("defib")),
                TermNeed.prefix("d", index.prefix("d")),
                TermNeed.prefix("transferred", index.prefix("transferred")),
                TermNeed.prefix("transferring", index.prefix("transferring")),
                TermNeed.prefix("defic", index.prefix("defic")),
                TermNeed.prefix("zz", index.prefix("zz")),
                TermNeed.term("defib", index.term("defib")),
                TermNeed.term("once", index.term("once")));
        NoteTerms terms = NoteTerms.of(ANALYZER, Lexicon.FIELD, "Defibrillated once, then transferred", index);

        assertThat(needs.stream().map(n -> n.metBy(terms)))
                .containsExactly(true, true, true, false, false, false, false, true);
    }
}
