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
import org.junit.jupiter.api.io.TempDir;

/** Traps: sentences that look like a trigger but describe no event of the stay. */
class TrapTest {
    /** The trap classes the corpus must exercise, named as in hard-negatives.csv after {@code trap-}. */
    private static final List<String> CLASSES = List.of(
            "post-negation",
            "form-line",
            "word-sense",
            "before-admission",
            "conditional",
            "entered-in-error",
            "previous-admission");

    private static final long SEED = 3;
    private static final int STAYS = 140;

    @TempDir
    static Path temp;

    private static Path none;
    private static Path defaults;
    private static Path all;

    @BeforeAll
    static void generate() throws IOException {
        none = generate(CorpusGenerator.Traps.NONE);
        defaults = generate(CorpusGenerator.Traps.DEFAULT);
        all = generate(CorpusGenerator.Traps.ALL);
    }

    @Test
    void everyTrapClass_appearsInACorpusOfAFixedSeed_andIsGoldNegative() throws IOException {
        for (Path corpus : List.of(defaults, all)) {
            Set<String> gold = rows(corpus.resolve("gold.csv"), 2);
            Map<String, Integer> byClass = new TreeMap<>();
            for (String[] trap : traps(corpus)) {
                byClass.merge(trap[2].substring("trap-".length()), 1, Integer::sum);
                assertThat(gold)
                        .as("seed " + SEED + " " + corpus.getFileName() + ": trap " + String.join(",", trap)
                                + " must not be a gold row")
                        .doesNotContain(trap[0] + "," + trap[1]);
                assertThat(trap[3]).as("trap host").matches("n-\\d{6}-\\d{2}");
            }
            assertThat(byClass.keySet())
                    .as("seed " + SEED + " " + corpus.getFileName() + " trap classes")
                    .containsExactlyInAnyOrderElementsOf(CLASSES);
            assertThat(byClass.values()).as("traps per class").allMatch(n -> n >= 5);
        }
    }

    @Test
    void trapsChangeOnlyTheNotesTheyAreWrittenIn() throws IOException {
        for (String file : List.of(
                "gold.csv",
                "gold-sources.csv",
                "Encounter.ndjson",
                "Observation.ndjson",
                "MedicationAdministration.ndjson")) {
            assertThat(Files.readAllLines(defaults.resolve(file)))
                    .as("seed " + SEED + " " + file + " with and without traps")
                    .isEqualTo(Files.readAllLines(none.resolve(file)));
        }
        Map<String, String> without = notes(none);
        Map<String, String> with = notes(defaults);
        Set<String> hosts = new TreeSet<>();
        traps(defaults).forEach(trap -> hosts.add(trap[3]));
        // a trap line shifts the offsets of later mentions in its note, and adds no mention
        assertThat(mentionsWithoutOffsets(defaults, hosts)).isEqualTo(mentionsWithoutOffsets(none, hosts));
        assertThat(with.keySet()).isEqualTo(without.keySet());
        for (String id : with.keySet()) {
            if (hosts.contains(id)) {
                // the trap is an extra line: every line of the note without traps is still there
                assertThat(with.get(id)).as(id).isNotEqualTo(without.get(id));
                assertThat(with.get(id).length())
                        .as(id)
                        .isGreaterThan(without.get(id).length());
            } else {
                assertThat(with.get(id)).as(id).isEqualTo(without.get(id));
            }
        }
        List<String> plainNegatives = Files.readAllLines(defaults.resolve("hard-negatives.csv")).stream()
                .filter(l -> !l.contains(",trap-"))
                .toList();
        assertThat(plainNegatives).isEqualTo(Files.readAllLines(none.resolve("hard-negatives.csv")));
    }

    @Test
    void allTraps_includeTheOnesTheEngineMisreads_whileDefaultsLeaveThemOut() throws IOException {
        Set<String> defaultText = new TreeSet<>(trapLines(defaults));
        Set<String> allText = new TreeSet<>(trapLines(all));
        // the same stays get traps from a wider pool, so the texts differ; both are gold-negative (test above)
        assertThat(allText).as("seed " + SEED).isNotEqualTo(defaultText);
        assertThat(traps(none)).isEmpty();
    }

    private static Path generate(CorpusGenerator.Traps traps) throws IOException {
        Path out = temp.resolve(traps.name().toLowerCase(java.util.Locale.ROOT));
        new CorpusGenerator(CorpusGenerator.Settings.of(STAYS, SEED, CorpusGenerator.Format.NDJSON)
                        .withTraps(traps))
                .generate(out, CorpusGenerator.Progress.NONE);
        return out;
    }

    /** hard-negatives.csv rows of kind trap-*: record, trigger, kind, note. */
    private static List<String[]> traps(Path corpus) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(corpus.resolve("hard-negatives.csv"))) {
            String[] cells = line.split(",", -1);
            if (cells[2].startsWith("trap-")) {
                rows.add(cells);
            }
        }
        return rows;
    }

    /** The lines of trap host notes that are not in the same note without traps. */
    private static List<String> trapLines(Path corpus) throws IOException {
        Map<String, String> without = notes(none);
        Map<String, String> with = notes(corpus);
        List<String> lines = new ArrayList<>();
        for (String[] trap : traps(corpus)) {
            Set<String> before = new TreeSet<>(without.get(trap[3]).lines().toList());
            with.get(trap[3]).lines().filter(l -> !before.contains(l)).forEach(lines::add);
        }
        return lines;
    }

    /** mentions.csv rows; in trap host notes without their offsets. */
    private static List<String> mentionsWithoutOffsets(Path corpus, Set<String> hosts) throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(corpus.resolve("mentions.csv"))) {
            String[] cells = line.split(",", -1);
            rows.add(hosts.contains(cells[1]) ? cells[0] + "," + cells[1] + ",,," + cells[4] + "," + cells[5] : line);
        }
        return rows;
    }

    private static Set<String> rows(Path csv, int columns) throws IOException {
        Set<String> rows = new TreeSet<>();
        for (String line : Files.readAllLines(csv)) {
            String[] cells = line.split(",", -1);
            rows.add(String.join(",", java.util.Arrays.copyOf(cells, columns)));
        }
        return rows;
    }

    private static Map<String, String> notes(Path corpus) throws IOException {
        Map<String, String> notes = new TreeMap<>();
        Pattern id = Pattern.compile("\"id\":\"([^\"]+)\"");
        Pattern data = Pattern.compile("\"data\":\"([^\"]+)\"");
        for (String line : Files.readAllLines(corpus.resolve("DocumentReference.ndjson"))) {
            Matcher i = id.matcher(line);
            Matcher d = data.matcher(line);
            assertThat(i.find() && d.find()).isTrue();
            notes.put(i.group(1), new String(Base64.getDecoder().decode(d.group(1)), StandardCharsets.UTF_8));
        }
        return notes;
    }
}
