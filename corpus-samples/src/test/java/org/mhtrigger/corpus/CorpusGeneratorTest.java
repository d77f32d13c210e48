package org.mhtrigger.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {
    private static final Pattern NUMBER = Pattern.compile("^[a-z]+-(\\d{6})");

    @TempDir
    Path temp;

    @Test
    void sameSeedTwice_givesByteIdenticalFiles() throws IOException {
        Path first = generate(40, 7, CorpusGenerator.Format.BUNDLE, "a");
        Path second = generate(40, 7, CorpusGenerator.Format.BUNDLE, "b");

        assertThat(files(first)).as("seed 7").isEqualTo(files(second));
    }

    @Test
    void differentSeeds_giveDifferentCorpora() throws IOException {
        Path one = generate(20, 1, CorpusGenerator.Format.NDJSON, "one");
        Path two = generate(20, 2, CorpusGenerator.Format.NDJSON, "two");

        assertThat(Files.readString(one.resolve("DocumentReference.ndjson")))
                .as("seeds 1 and 2")
                .isNotEqualTo(Files.readString(two.resolve("DocumentReference.ndjson")));
        assertThat(Files.readString(one.resolve("Encounter.ndjson")))
                .isNotEqualTo(Files.readString(two.resolve("Encounter.ndjson")));
    }

    @Test
    void stayIsTheSame_whateverTheNumberOfStays() throws IOException {
        Path small = generate(10, 3, CorpusGenerator.Format.NDJSON, "small");
        Path large = generate(50, 3, CorpusGenerator.Format.NDJSON, "large");

        Map<String, String> fromSmall = resourcesOfFirstStays(small, 10);
        Map<String, String> fromLarge = resourcesOfFirstStays(large, 10);

        assertThat(fromSmall).as("seed 3").hasSizeGreaterThan(10 * 20).isEqualTo(fromLarge);
        assertThat(goldOfFirstStays(small, "gold.csv", 10)).isEqualTo(goldOfFirstStays(large, "gold.csv", 10));
        assertThat(goldOfFirstStays(small, "mentions.csv", 10))
                .isNotEmpty()
                .isEqualTo(goldOfFirstStays(large, "mentions.csv", 10));
    }

    @Test
    void goldFiles_areSortedWithOneRowPerRecordAndTrigger() throws IOException {
        Path out = generate(60, 5, CorpusGenerator.Format.NDJSON, "gold");

        List<String> gold = Files.readAllLines(out.resolve("gold.csv"));
        assertThat(gold.get(0)).isEqualTo("record,trigger");
        List<String> rows = gold.subList(1, gold.size());
        assertThat(rows).isSorted().doesNotHaveDuplicates();
        assertThat(rows.stream().map(r -> r.substring(0, r.indexOf(','))).distinct())
                .hasSize(60);
        assertThat(rows).allMatch(r -> r.matches("e-\\d{6},(MH-[A-Z]\\d\\d)?"));
        assertThat(Files.readAllLines(out.resolve("mentions.csv")).get(0))
                .isEqualTo("record,note,start,end,trigger,assertion");
    }

    @Test
    void idOffset_shiftsIdentifiersButNotContent() throws IOException {
        Path plain = generate(5, 9, CorpusGenerator.Format.NDJSON, "plain");
        Path shifted = temp.resolve("shifted");
        new CorpusGenerator(new CorpusGenerator.Settings(5, 9, CorpusGenerator.Format.NDJSON, 1000))
                .generate(shifted, CorpusGenerator.Progress.NONE);

        assertThat(Files.readAllLines(shifted.resolve("gold.csv")).get(1)).startsWith("e-001001,");
        assertThat(Files.readAllLines(shifted.resolve("Observation.ndjson")).size())
                .isEqualTo(
                        Files.readAllLines(plain.resolve("Observation.ndjson")).size());
    }

    @Test
    void summary_countsWhatWasWritten() throws IOException {
        Path out = temp.resolve("summary");
        GenerationSummary summary = new CorpusGenerator(
                        CorpusGenerator.Settings.of(25, 11, CorpusGenerator.Format.NDJSON))
                .generate(out, CorpusGenerator.Progress.NONE);

        long lines = 0;
        try (Stream<Path> paths = Files.list(out)) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".ndjson")).toList()) {
                lines += Files.readAllLines(path).size();
            }
        }
        assertThat(summary.stays()).isEqualTo(25);
        assertThat(summary.resources()).isEqualTo(lines);
        assertThat(summary.notes())
                .isEqualTo(Files.readAllLines(out.resolve("DocumentReference.ndjson"))
                        .size());
        assertThat(summary.notes()).isBetween(25L * 3, 25L * 15);
    }

    private Path generate(int stays, long seed, CorpusGenerator.Format format, String name) throws IOException {
        Path out = temp.resolve(name);
        new CorpusGenerator(CorpusGenerator.Settings.of(stays, seed, format))
                .generate(out, CorpusGenerator.Progress.NONE);
        return out;
    }

    static Map<String, byte[]> filesAsBytes(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(path).toString(), Files.readAllBytes(path));
            }
        }
        return files;
    }

    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (Map.Entry<String, byte[]> file : filesAsBytes(root).entrySet()) {
            files.put(file.getKey(), new String(file.getValue(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return files;
    }

    private static Map<String, String> resourcesOfFirstStays(Path root, int stays) throws IOException {
        Map<String, String> resources = new TreeMap<>();
        Pattern id = Pattern.compile("\"id\":\"([^\"]+)\"");
        try (Stream<Path> paths = Files.list(root)) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".ndjson")).toList()) {
                for (String line : Files.readAllLines(path)) {
                    Matcher m = id.matcher(line);
                    m.find();
                    Matcher number = NUMBER.matcher(m.group(1));
                    if (number.find() && Integer.parseInt(number.group(1)) <= stays) {
                        resources.put(path.getFileName() + "/" + m.group(1), line);
                    }
                }
            }
        }
        return resources;
    }

    private static List<String> goldOfFirstStays(Path root, String file, int stays) throws IOException {
        return Files.readAllLines(root.resolve(file)).stream()
                .skip(1)
                .filter(r -> Integer.parseInt(r.substring(2, 8)) <= stays)
                .toList();
    }
}
