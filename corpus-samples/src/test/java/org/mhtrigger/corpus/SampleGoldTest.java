package org.mhtrigger.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhtrigger.corpus.internal.Lexicon;
import org.mhtrigger.corpus.internal.Triggers;

/** Checks the committed 200-stay sample (seed 1) against what the issue asks of the corpus. */
class SampleGoldTest {
    private static final Path SAMPLE = CommittedSampleTest.SAMPLE.resolve("ndjson");
    private static final Set<String> ADVERSE_EVENT_CLUES = Set.of(
            "MH-C01", "MH-C02", "MH-C03", "MH-C04", "MH-C05", "MH-C06", "MH-C08", "MH-C09", "MH-B01", "MH-B02",
            "MH-M01", "MH-M02", "MH-M04");

    private static List<String[]> gold;
    private static List<String[]> sources;
    private static List<String[]> mentions;
    private static List<String[]> negatives;
    private static Map<String, String> notes;

    @BeforeAll
    static void readSample() throws IOException {
        gold = csv("gold.csv");
        sources = csv("gold-sources.csv");
        mentions = csv("mentions.csv");
        negatives = csv("hard-negatives.csv");
        notes = new TreeMap<>();
        Pattern id = Pattern.compile("\"id\":\"([^\"]+)\"");
        Pattern data = Pattern.compile("\"data\":\"([^\"]+)\"");
        for (String line : Files.readAllLines(SAMPLE.resolve("DocumentReference.ndjson"))) {
            Matcher i = id.matcher(line);
            Matcher d = data.matcher(line);
            assertThat(i.find() && d.find()).isTrue();
            notes.put(i.group(1), new String(Base64.getDecoder().decode(d.group(1)), StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyTrigger_appearsThroughEachSourceItCanFireFrom() {
        for (String trigger : Triggers.codes()) {
            boolean textOnly = false;
            boolean structuredOnly = false;
            boolean both = false;
            for (String[] row : sources) {
                if (row[1].equals(trigger)) {
                    boolean text = Boolean.parseBoolean(row[2]);
                    boolean structured = Boolean.parseBoolean(row[3]);
                    textOnly |= text && !structured;
                    structuredOnly |= structured && !text;
                    both |= text && structured;
                }
            }
            boolean absence = trigger.equals("MH-Q01") || trigger.equals("MH-Q02");
            switch (Triggers.source(trigger)) {
                case TEXT ->
                    assertThat(textOnly).as(trigger + " text only (seed 1)").isTrue();
                case STRUCTURED ->
                    assertThat(structuredOnly)
                            .as(trigger + " structured only (seed 1)")
                            .isTrue();
                case BOTH -> {
                    assertThat(structuredOnly)
                            .as(trigger + " structured only (seed 1)")
                            .isTrue();
                    if (!absence) {
                        assertThat(textOnly).as(trigger + " text only (seed 1)").isTrue();
                        assertThat(both)
                                .as(trigger + " text and structured (seed 1)")
                                .isTrue();
                    }
                }
            }
        }
    }

    @Test
    void everyTextTrigger_hasHardNegativesOfSeveralClassesInTheNotes() {
        for (String trigger : Lexicon.textTriggers()) {
            Set<String> classes = new TreeSet<>();
            for (String[] row : mentions) {
                if (row[4].equals(trigger) && !row[5].equals("affirmed")) {
                    classes.add(row[5]);
                }
            }
            int available = Lexicon.negativeClasses(trigger).size();
            assertThat(classes)
                    .as(trigger + " non-affirmed mention classes (seed 1)")
                    .hasSizeGreaterThanOrEqualTo(Math.min(3, available));
        }
    }

    @Test
    void everyStructuredTrigger_hasAValueOrResourceJustOutsideItsThreshold() {
        Set<String> nearMisses = new TreeSet<>();
        for (String[] row : negatives) {
            if (row[2].equals("near-threshold")) {
                nearMisses.add(row[1]);
            }
        }
        for (String trigger : Triggers.codes()) {
            if (Triggers.source(trigger) == Triggers.Source.STRUCTURED) {
                assertThat(nearMisses).as("near-threshold negatives (seed 1)").contains(trigger);
            }
        }
        assertThat(nearMisses).contains("MH-Q01", "MH-Q02", "MH-C04", "MH-B01", "MH-C06", "MH-R03", "MH-M04");
    }

    @Test
    void clarificationNearMisses_arePlacedForTheBorderlineCasesOfTheCatalogue() {
        Set<String> clarified = new TreeSet<>();
        for (String[] row : negatives) {
            if (row[2].equals("clarification")) {
                clarified.add(row[1]);
            }
        }
        assertThat(clarified).contains("MH-B01", "MH-C01", "MH-C02", "MH-M04", "MH-M05", "MH-R03", "MH-Q01", "MH-Q02");
    }

    @Test
    void everyMentionSpan_coversThePhraseTheGeneratorPlaced() {
        Map<String, List<Pattern>> cores = new TreeMap<>();
        for (String trigger : Triggers.codes()) {
            List<Pattern> patterns = new ArrayList<>();
            List<String> phrases = new ArrayList<>(Lexicon.cores(trigger));
            if (trigger.equals("MH-B01")) {
                phrases.addAll(Lexicon.cores("MH-B02")); // a suicide attempt is also self-harm
            }
            for (String core : phrases) {
                String regex = Pattern.quote(core).replaceAll("\\{[a-z]+\\}", "\\\\E.+?\\\\Q");
                patterns.add(Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
            }
            cores.put(trigger, patterns);
        }
        assertThat(mentions).hasSizeGreaterThan(500);
        for (String[] row : mentions) {
            String text = notes.get(row[1]);
            assertThat(text).as("note " + row[1]).isNotNull();
            String span = text.substring(Integer.parseInt(row[2]), Integer.parseInt(row[3]));
            assertThat(cores.get(row[4]))
                    .as("span '" + span + "' of " + row[4] + " in " + row[1])
                    .anyMatch(p -> p.matcher(span).matches());
        }
    }

    @Test
    void affirmedMentions_areAllInTheGold_andNonAffirmedOnesAddNothing() {
        Set<String> goldPairs = new TreeSet<>();
        gold.forEach(row -> goldPairs.add(row[0] + "," + (row.length > 1 ? row[1] : "")));
        for (String[] row : mentions) {
            if (row[5].equals("affirmed")) {
                assertThat(goldPairs).contains(row[0] + "," + row[4]);
            }
        }
        for (String[] row : sources) {
            assertThat(Boolean.parseBoolean(row[2]) || Boolean.parseBoolean(row[3]))
                    .as(row[0] + " " + row[1])
                    .isTrue();
        }
    }

    @Test
    void prevalence_isRoughlyAsPublished() {
        Map<String, Set<String>> byRecord = new TreeMap<>();
        for (String[] row : gold) {
            Set<String> triggers = byRecord.computeIfAbsent(row[0], k -> new TreeSet<>());
            if (row.length > 1 && !row[1].isEmpty()) {
                triggers.add(row[1]);
            }
        }
        assertThat(byRecord).hasSize(CommittedSampleTest.STAYS);
        long none = byRecord.values().stream().filter(Set::isEmpty).count();
        long adverse = byRecord.values().stream()
                .filter(t -> t.stream().anyMatch(ADVERSE_EVENT_CLUES::contains))
                .count();
        assertThat(none / (double) byRecord.size())
                .as("records with no trigger")
                .isBetween(0.12, 0.32);
        assertThat(adverse / (double) byRecord.size())
                .as("records with an adverse-event clue")
                .isBetween(0.12, 0.45);
    }

    private static List<String[]> csv(String name) throws IOException {
        List<String> lines = Files.readAllLines(SAMPLE.resolve(name));
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }
}
