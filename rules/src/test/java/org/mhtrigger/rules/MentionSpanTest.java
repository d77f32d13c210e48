package org.mhtrigger.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mhtrigger.engine.record.Note;
import org.mhtrigger.engine.record.SourceRef;
import org.mhtrigger.engine.record.TextSpan;
import org.mhtrigger.engine.screen.Assertion;
import org.mhtrigger.engine.screen.TextHit;
import org.mhtrigger.engine.text.NoteTermMatcher;
import org.mhtrigger.tables.CsvTable;

/**
 * Exact offsets for every text trigger and every context class with the shipped lexicon and cues
 * ({@code mention-spans.csv}: a sentence, the mention's exact characters, and its assertion).
 */
class MentionSpanTest {
    private static final RulesConfig CONFIG = RulesConfig.defaults();
    private static final NoteTermMatcher MATCHER = NoteTermMatcher.create(CONFIG.lexicon(), CONFIG.context());
    private static final Instant ADMITTED = Instant.parse("2026-03-01T02:00:00Z");

    @TestFactory
    Stream<DynamicTest> everyRow_findsExactlyTheExpectedCharactersWithTheExpectedAssertion() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("mention-spans.csv")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<CsvTable.Row> rows = CsvTable.parse(
                        "mention-spans.csv", text, List.of("trigger", "sentence", "mention", "assertion"))
                .rows();
        return rows.stream()
                .map(row -> DynamicTest.dynamicTest(
                        row.get("trigger") + " " + row.get("assertion") + ": " + row.get("sentence"), () -> {
                            String sentence = row.get("sentence");
                            int start = sentence.indexOf(row.get("mention"));
                            assertThat(start)
                                    .as("the mention is in its sentence")
                                    .isNotNegative();
                            TextSpan expected = new TextSpan(
                                    start, start + row.get("mention").length());
                            Note note = new Note(
                                    new SourceRef("DocumentReference", "n-1"),
                                    "nursing",
                                    Instant.parse("2026-03-04T10:00:00Z"),
                                    sentence);

                            List<TextHit> hits = MATCHER.match(note, ADMITTED).stream()
                                    .filter(h -> h.trigger().equals(row.get("trigger")))
                                    .toList();

                            assertThat(hits)
                                    .as("mentions of %s", row.get("trigger"))
                                    .isNotEmpty();
                            assertThat(hits.get(0).span()).isEqualTo(expected);
                            assertThat(hits.get(0).assertion().label()).isEqualTo(row.get("assertion"));
                        }));
    }

    @TestFactory
    Stream<DynamicTest> everyContextClass_isCovered() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("mention-spans.csv")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> labels = CsvTable.parse(
                        "mention-spans.csv", text, List.of("trigger", "sentence", "mention", "assertion"))
                .rows()
                .stream()
                .map(r -> r.get("assertion"))
                .toList();
        return Stream.of(Assertion.values())
                .map(a -> DynamicTest.dynamicTest(
                        a.label(), () -> assertThat(labels).contains(a.label())));
    }
}
