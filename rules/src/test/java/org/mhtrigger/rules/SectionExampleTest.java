package org.mhtrigger.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mhtrigger.engine.record.Note;
import org.mhtrigger.engine.record.SourceRef;
import org.mhtrigger.engine.record.TextSpan;
import org.mhtrigger.engine.screen.Assertion;
import org.mhtrigger.engine.screen.TextHit;
import org.mhtrigger.engine.text.NoteTermMatcher;
import org.mhtrigger.engine.text.section.NoteSections;
import org.mhtrigger.engine.text.section.SectionRule;

/** Every section in the shipped {@code sections.csv} recognises the example line written beside it. */
class SectionExampleTest {
    private static final RulesConfig CONFIG = RulesConfig.defaults();
    private static final List<SectionRule> SECTIONS = CONFIG.context().sections();
    private static final NoteSections NOTE_SECTIONS = new NoteSections(SECTIONS);
    private static final NoteTermMatcher MATCHER = NoteTermMatcher.create(CONFIG.lexicon(), CONFIG.context());
    private static final Instant ADMITTED = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant WRITTEN = Instant.parse("2026-03-05T10:00:00Z");
    /** A section a neutral header must end: without the header, the mention after it would be historical. */
    private static final String BEFORE_NEUTRAL = "Past psychiatric history: one admission in 2015.\n";

    static Stream<SectionRule> sections() {
        return SECTIONS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sections")
    void everySection_recognisesItsExample(SectionRule rule) {
        String written = rule.example();
        int open = written.indexOf('[');
        int close = written.indexOf(']');
        assertThat(open)
                .as("the example of '%s' marks its mention in [brackets]: %s", rule.header(), written)
                .isGreaterThanOrEqualTo(0);
        assertThat(close)
                .as("the example of '%s' closes its bracket", rule.header())
                .isGreaterThan(open);
        String line = written.substring(0, open) + written.substring(open + 1, close) + written.substring(close + 1);

        // the line opens with this header, not a longer or shorter one
        Matcher header = NoteSections.headerPattern(SECTIONS).matcher(line);
        assertThat(header.lookingAt())
                .as("'%s' opens with a section header", line)
                .isTrue();
        assertThat(header.group(1)).as("the header read in '%s'", line).isEqualToIgnoringCase(rule.header());

        boolean neutral = rule.assertion() == Assertion.AFFIRMED;
        String text = neutral ? BEFORE_NEUTRAL + line : line;
        int base = text.length() - line.length();
        TextSpan mention = new TextSpan(base + open, base + close - 1);
        if (neutral) {
            assertThat(NoteSections.at(NOTE_SECTIONS.of(text), mention.start()))
                    .as("'%s' ends the section before it", rule.header())
                    .isNull();
        } else {
            assertThat(NoteSections.at(NOTE_SECTIONS.of(text), mention.start()))
                    .as("the mention in '%s' stands in its section", line)
                    .satisfies(section -> {
                        assertThat(section).isNotNull();
                        assertThat(section.header()).isEqualToIgnoringCase(rule.header());
                        assertThat(section.assertion()).isEqualTo(rule.assertion());
                    });
        }

        Note note = new Note(new SourceRef("DocumentReference", "n-1"), "nursing", WRITTEN, text);
        List<TextHit> hits = MATCHER.match(note, ADMITTED);
        assertThat(hits)
                .as(
                        "'%s' is a trigger mention read as %s in '%s'",
                        line.substring(open, close - 1), rule.assertion(), text)
                .anySatisfy(hit -> {
                    assertThat(hit.span().overlaps(mention)).isTrue();
                    assertThat(hit.assertion()).isEqualTo(rule.assertion());
                });
    }
}
