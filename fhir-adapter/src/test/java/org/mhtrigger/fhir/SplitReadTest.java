package org.mhtrigger.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhtrigger.engine.record.LabResult;
import org.mhtrigger.engine.record.Note;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.engine.screen.Rejection;

/** The split read (patients routed to groups spilled on disk) gives what the in-memory read gives. */
class SplitReadTest {
    private static final Path SAMPLE = Path.of("..", "corpus-samples", "sample");

    @TempDir
    Path spill;

    @TempDir
    Path input;

    private Outcome read(int buckets, Path... inputs) {
        FhirRecordReader reader = new FhirRecordReader(
                ReaderOptions.defaults().withBuckets(buckets).withSpillDirectory(spill));
        CollectingListener listener = new CollectingListener();
        ReadSummary summary = reader.read(List.of(inputs), listener);
        return new Outcome(summary, listener);
    }

    /** What a read gave, in an order that does not depend on how it was split. */
    private record Outcome(ReadSummary summary, CollectingListener listener) {
        List<StayRecord> records() {
            return listener.records().stream()
                    .sorted(Comparator.comparing(StayRecord::id))
                    .toList();
        }

        List<String> rejections() {
            return listener.rejections().stream()
                    .map(Rejection::toString)
                    .sorted()
                    .toList();
        }

        List<String> warnings() {
            return listener.warnings().stream()
                    .map(Rejection::toString)
                    .sorted()
                    .toList();
        }

        StayRecord record(String id) {
            return records().stream()
                    .filter(r -> r.id().equals(id))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no record " + id + "; rejected " + rejections()));
        }
    }

    private void assertSame(Outcome split, Outcome memory) {
        assertThat(split.records()).isEqualTo(memory.records());
        assertThat(split.rejections()).isEqualTo(memory.rejections());
        assertThat(split.warnings()).isEqualTo(memory.warnings());
        assertThat(split.summary()).isEqualTo(memory.summary());
    }

    @Test
    void committedSampleAsNdjson_givesTheSameRecordsSplitAsInMemory() {
        Outcome memory = read(1, SAMPLE.resolve("ndjson"));

        Outcome split = read(7, SAMPLE.resolve("ndjson"));

        assertThat(memory.records()).hasSizeGreaterThan(100);
        assertSame(split, memory);
    }

    @Test
    void committedSampleAsBundles_givesTheSameRecordsSplitAsInMemory() {
        Outcome memory = read(1, SAMPLE.resolve("bundle"));

        Outcome split = read(5, SAMPLE.resolve("bundle"));

        assertThat(memory.records()).hasSizeGreaterThan(100);
        assertSame(split, memory);
    }

    @Test
    void splitReadWithSpillFilesInTheHeap_givesWhatTheSameSplitOnDiskGives() throws IOException {
        for (Path path : List.of(
                SAMPLE.resolve("ndjson"), SAMPLE.resolve("bundle"), Fixtures.path("dup"), Fixtures.path("meds"))) {
            // no spill folder given: the files stay in the heap, which has room for these inputs many times over
            ReaderOptions options = ReaderOptions.defaults().withBuckets(6);
            assertThat(options.spillsInMemory(size(path)))
                    .as("the test heap has room for %s", path)
                    .isTrue();
            assertThat(options.withSpillDirectory(spill).spillsInMemory(size(path)))
                    .as("a spill folder given is where the files go")
                    .isFalse();
            FhirRecordReader heap = new FhirRecordReader(options);
            CollectingListener listener = new CollectingListener();
            Outcome inHeap = new Outcome(heap.read(List.of(path), listener), listener);

            Outcome onDisk = read(6, path);

            assertThat(inHeap.records()).as(path.toString()).isNotEmpty();
            assertSame(inHeap, onDisk);
        }
    }

    @Test
    void spillFilesStayInTheHeapOnlyWhenItHasRoomForThemTwiceOverBeyondItsReserve() {
        long mib = 1024L * 1024;

        assertThat(ReaderOptions.spillInMemory(300 * mib, 6144 * mib)).isTrue();
        assertThat(ReaderOptions.spillInMemory(2900 * mib, 6144 * mib)).isFalse();
        assertThat(ReaderOptions.spillInMemory(65 * mib, 512 * mib)).isFalse();
        assertThat(ReaderOptions.spillInMemory(256 * mib, 1024 * mib)).isTrue();
    }

    @Test
    void handwrittenFixtures_giveTheSameRecordsRejectionsAndWarningsSplitAsInMemory() {
        for (String fixture :
                List.of("single", "bundles", "clinical", "meds", "identifiers", "ndjson", "dup", "bad/notes.ndjson")) {
            Path path = Fixtures.path(fixture);
            Outcome memory = read(1, path);
            for (int buckets : new int[] {2, 3, 16}) {
                Outcome split = read(buckets, path);

                assertThat(split.records()).as(fixture + " in " + buckets).isEqualTo(memory.records());
                assertThat(split.rejections()).as(fixture + " in " + buckets).isEqualTo(memory.rejections());
                assertThat(split.warnings()).as(fixture + " in " + buckets).isEqualTo(memory.warnings());
                assertThat(split.summary()).as(fixture + " in " + buckets).isEqualTo(memory.summary());
            }
        }
    }

    @Test
    void badLines_areRejectedNamingTheirOwnFileAndLine_notASpillFile() {
        Outcome split = read(4, Fixtures.path("ndjson"), Fixtures.path("bad/notes.ndjson"));

        assertThat(split.listener().rejections())
                .extracting(Rejection::source)
                .anySatisfy(source -> assertThat(source).endsWith("Observation.ndjson:3"))
                .anySatisfy(source -> assertThat(source).endsWith("notes.ndjson:3"))
                .allSatisfy(source -> assertThat(source).doesNotContain(spill.toString()));
    }

    @Test
    void resourcesNamingOnlyTheirEncounter_beforeTheEncounterIsRead_joinItsStay() throws IOException {
        // given: a note and a lab that name only the encounter, in a file read before the encounter's
        write("a-first.ndjson", observation("o-1", null, "e-1", 140), note("d-1", null, "e-1"));
        write(
                "b-then.ndjson",
                patient("p-1"),
                encounter("e-1", "p-1", "2024-03-01", "2024-03-20"),
                observation("o-2", "p-1", null, 136));

        for (int buckets : new int[] {1, 2, 5}) {
            StayRecord record = read(buckets, input).record("e-1");

            assertThat(record.labs()).extracting(l -> l.source().id()).containsExactly("o-1", "o-2");
            assertThat(record.notes()).extracting(Note::id).containsExactly("d-1");
        }
    }

    @Test
    void aStaysResourcesSpreadOverFilesInAnyOrder_areAssembledIntoOneStay() throws IOException {
        write("1.ndjson", observation("o-3", "p-2", null, 141), encounter("e-2", "p-2", "2024-03-01", "2024-03-09"));
        write("2.ndjson", note("d-2", "p-2", "e-2"), observation("o-4", "p-3", "e-3", 150));
        write("3.ndjson", patient("p-3"), encounter("e-3", "p-3", "2024-06-01", "2024-06-05"), patient("p-2"));

        Outcome memory = read(1, input);
        Outcome split = read(3, input);

        assertSame(split, memory);
        assertThat(split.record("e-2").labs()).extracting(l -> l.source().id()).containsExactly("o-3");
        assertThat(split.record("e-2").notes()).extracting(Note::id).containsExactly("d-2");
        assertThat(split.record("e-3").labs()).extracting(l -> l.source().id()).containsExactly("o-4");
    }

    @Test
    void anEncounterIdReusedForAnotherPatient_refusesBothStaysInOneLine_whicheverGroupsThePatientsFallIn()
            throws IOException {
        // given: Encounter/e-x911 for p-x911 in one file, and again for p-x912 (with its result) in another
        write(
                "a.ndjson",
                patient("p-x911"),
                encounter("e-x911", "p-x911", "2024-03-01", "2024-03-20"),
                observation("obs-x911-01", "p-x911", "e-x911", 131));
        write(
                "b.ndjson",
                patient("p-x912"),
                encounter("e-x911", "p-x912", "2024-03-02", "2024-03-21"),
                observation("obs-x912-01", "p-x912", "e-x911", 145),
                patient("p-ok"),
                encounter("e-ok", "p-ok", "2024-03-01", "2024-03-20"));

        for (int buckets : new int[] {1, 2, 3, 5, 8, 13}) {
            Outcome outcome = read(buckets, input);

            assertThat(outcome.rejections())
                    .as("in %d groups", buckets)
                    .singleElement()
                    .asString()
                    .contains("b.ndjson:2: Encounter/e-x911 is also in " + input.resolve("a.ndjson") + ":2")
                    .contains("for a different patient");
            assertThat(outcome.records())
                    .as("in %d groups", buckets)
                    .extracting(StayRecord::id)
                    .containsExactly("e-ok");
        }
    }

    @Test
    void aResultIdReusedForAnotherPatient_refusesTheStaysOfBoth_namingBothFiles_whicheverGroupsThePatientsFallIn()
            throws IOException {
        // given: Observation/o-dup first for p-4, then again (changed) for p-5, each patient with a stay; p-6 is fine
        write(
                "first.ndjson",
                patient("p-4"),
                encounter("e-4", "p-4", "2024-03-01", "2024-03-20"),
                observation("o-dup", "p-4", "e-4", 131));
        write(
                "second.ndjson",
                patient("p-5"),
                encounter("e-5", "p-5", "2024-03-01", "2024-03-20"),
                observation("o-dup", "p-5", "e-5", 145),
                observation("o-same", "p-5", "e-5", 139),
                observation("o-same", "p-5", "e-5", 139),
                patient("p-6"),
                encounter("e-6", "p-6", "2024-03-01", "2024-03-20"));
        String both = input.resolve("first.ndjson") + ":3 and " + input.resolve("second.ndjson") + ":3";

        for (int buckets : new int[] {1, 2, 3, 5, 8, 13}) {
            Outcome outcome = read(buckets, input);

            assertThat(outcome.records())
                    .as("in %d groups", buckets)
                    .extracting(StayRecord::id)
                    .containsExactly("e-6");
            assertThat(outcome.rejections())
                    .as("in %d groups", buckets)
                    .anySatisfy(line -> assertThat(line)
                            .contains("second.ndjson:3: Observation/o-dup is also in " + input.resolve("first.ndjson")
                                    + ":3 for a different patient"))
                    .anySatisfy(line -> assertThat(line)
                            .contains("Encounter/e-4 refused: Observation/o-dup is read for two different patients ("
                                    + both + ")"))
                    .anySatisfy(line -> assertThat(line)
                            .contains("Encounter/e-5 refused: Observation/o-dup is read for two different patients ("
                                    + both + ")"))
                    .hasSize(3);
            assertThat(outcome.warnings()).as("in %d groups", buckets).isEmpty();
        }
    }

    @Test
    void aChangedCopyForTheSamePatient_isDroppedWithAWarning_andTheFirstCopyKept() throws IOException {
        write(
                "first.ndjson",
                patient("p-4"),
                encounter("e-4", "p-4", "2024-03-01", "2024-03-20"),
                observation("o-dup", "p-4", "e-4", 131));
        write("second.ndjson", observation("o-dup", "p-4", "e-4", 145));

        for (int buckets : new int[] {1, 2, 3}) {
            Outcome outcome = read(buckets, input);

            assertThat(outcome.warnings())
                    .as("in %d groups", buckets)
                    .singleElement()
                    .asString()
                    .endsWith("second.ndjson:1: Observation/o-dup was read before from " + input.resolve("first.ndjson")
                            + ":3 with different content; the first copy is kept");
            assertThat(outcome.record("e-4").labs())
                    .extracting(LabResult::value)
                    .containsExactly(131.0);
            assertThat(outcome.rejections()).isEmpty();
        }
    }

    @Test
    void crlfOrCrEndingsAndAByteOrderMark_giveTheSameRecordsAndLineNumbers() throws IOException {
        Outcome lf = read(1, SAMPLE.resolve("ndjson"));
        for (String ending : List.of("\r\n", "\r")) {
            Path folder = Files.createDirectories(input.resolve(ending.length() == 2 ? "crlf" : "cr"));
            try (Stream<Path> files = Files.list(SAMPLE.resolve("ndjson"))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".ndjson")).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    Files.writeString(
                            folder.resolve(file.getFileName()), "\uFEFF" + String.join(ending, lines) + ending);
                }
            }
            Files.writeString(
                    folder.resolve("with-a-bad-line.ndjson"),
                    String.join(
                            ending,
                            patient("p-9"),
                            "",
                            "{not json",
                            encounter("e-9", "p-9", "2024-03-01", "2024-03-02")));

            for (int buckets : new int[] {1, 4}) {
                Outcome outcome = read(buckets, folder);

                assertThat(outcome.records())
                        .as(ending.length() + " " + buckets)
                        .hasSize(lf.records().size() + 1);
                assertThat(outcome.records()).containsAll(lf.records());
                assertThat(outcome.rejections())
                        .singleElement()
                        .asString()
                        .startsWith(folder.resolve("with-a-bad-line.ndjson") + ":3: malformed JSON");
            }
        }
    }

    @Test
    void aLineThatIsNotValidUtf8_isReadWithItsBadBytesReplaced_asAReaderDecodesIt() throws IOException {
        String observation =
                observation("o-8", "p-8", "e-8", 140).replace("\"final\"", "\"final\",\"method\":{\"text\":\"BAD\"}");
        byte[] bad = (patient("p-8") + "\n" + encounter("e-8", "p-8", "2024-03-01", "2024-03-20") + "\n" + observation
                        + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int at = new String(bad, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("BAD");
        bad[at] = (byte) 0xFF; // never valid in UTF-8
        bad[at + 1] = (byte) 0xC3; // a lead byte without its continuation
        Path folder = Files.createDirectories(input.resolve("bad-utf8"));
        Files.write(folder.resolve("raw.ndjson"), bad);
        Path replaced = Files.createDirectories(input.resolve("replaced"));
        Files.writeString(
                replaced.resolve("raw.ndjson"),
                new String(bad, java.nio.charset.StandardCharsets.UTF_8)); // U+FFFD where the bad bytes were

        for (int buckets : new int[] {1, 3}) {
            Outcome raw = read(buckets, folder);
            Outcome decoded = read(buckets, replaced);

            assertThat(raw.rejections()).isEmpty();
            assertThat(raw.record("e-8").labs())
                    .extracting(l -> l.source().id())
                    .containsExactly("o-8");
            assertThat(raw.records()).isEqualTo(decoded.records());
            assertThat(raw.summary()).isEqualTo(decoded.summary());
        }
    }

    private CollectingListener readOn(int threads, int buckets, Path... inputs) {
        FhirRecordReader reader = new FhirRecordReader(ReaderOptions.defaults()
                .withBuckets(buckets)
                .withSpillDirectory(spill)
                .withThreads(threads));
        CollectingListener listener = new CollectingListener();
        reader.read(List.of(inputs), listener);
        return listener;
    }

    /** The committed sample both ways, and fixtures with bad lines, duplicates, identifiers and shared resources. */
    private static final List<Path[]> MIXED_INPUTS = List.of(
            new Path[] {SAMPLE.resolve("ndjson")},
            new Path[] {SAMPLE.resolve("bundle")},
            new Path[] {Fixtures.path("ndjson"), Fixtures.path("bad/notes.ndjson"), Fixtures.path("dup")},
            new Path[] {Fixtures.path("identifiers"), Fixtures.path("meds"), Fixtures.path("clinical")});

    /** The same records, rejections and warnings, in the same order. */
    private static void assertSameInOrder(CollectingListener got, CollectingListener expected, String what) {
        assertThat(got.records()).as(what).isEqualTo(expected.records());
        assertThat(got.rejections()).as(what).isEqualTo(expected.rejections());
        assertThat(got.warnings()).as(what).isEqualTo(expected.warnings());
    }

    @Test
    void groupsReadOnSeveralThreads_reportExactlyWhatOneThreadReports_inTheSameOrder() {
        for (Path[] input : MIXED_INPUTS) {
            CollectingListener serial = readOn(1, 9, input);
            for (int threads : new int[] {2, 3}) {
                CollectingListener parallel = readOn(threads, 9, input);

                assertSameInOrder(parallel, serial, List.of(input) + " on " + threads + " threads");
            }
        }
        assertThat(readOn(1, 9, SAMPLE.resolve("ndjson")).records()).hasSizeGreaterThan(100);
        assertThat(readOn(1, 9, Fixtures.path("ndjson"), Fixtures.path("bad/notes.ndjson"))
                        .rejections())
                .isNotEmpty();
    }

    @Test
    void groupsReadInParts_reportExactlyWhatWholeGroupsReport_inTheSameOrder_onDiskOrInTheHeap() {
        for (Path[] input : MIXED_INPUTS) {
            for (int buckets : new int[] {3, 9}) {
                ReaderOptions whole = ReaderOptions.defaults()
                        .withBuckets(buckets)
                        .withGroupParts(1)
                        .withSpillDirectory(spill);
                CollectingListener expected = new CollectingListener();
                ReadSummary summary = new FhirRecordReader(whole).read(List.of(input), expected);
                assertThat(expected.records().size() + expected.rejections().size())
                        .as("%s gives something to compare", List.of(input))
                        .isGreaterThan(input[0].equals(SAMPLE.resolve("ndjson")) ? 100 : 0);
                for (int parts : new int[] {2, 4, 7}) {
                    for (int threads : new int[] {1, 2}) {
                        for (Path where : new Path[] {spill, null}) {
                            ReaderOptions options = whole.withGroupParts(parts)
                                    .withThreads(threads)
                                    .withSpillDirectory(where);
                            CollectingListener listener = new CollectingListener();
                            ReadSummary got = new FhirRecordReader(options).read(List.of(input), listener);

                            String what = List.of(input) + " in " + buckets + " groups of " + parts + " parts on "
                                    + threads + " threads " + (where == null ? "in the heap" : "on disk");
                            assertSameInOrder(listener, expected, what);
                            assertThat(got).as(what).isEqualTo(summary);
                        }
                    }
                }
            }
        }
    }

    @Test
    void groupParts_areChosenOrGiven_andCheckedWhenGiven() {
        assertThat(ReaderOptions.defaults().partsPerGroup()).isEqualTo(ReaderOptions.GROUP_PARTS);
        assertThat(ReaderOptions.defaults().withGroupParts(3).partsPerGroup()).isEqualTo(3);
        assertThat(ReaderOptions.defaults().withGroupParts(3).withThreads(2).groupParts())
                .isEqualTo(3);
        assertThatThrownBy(() -> ReaderOptions.defaults().withGroupParts(65))
                .hasMessage("group parts 65 must be between 0 (automatic) and 64");
    }

    @Test
    void aLineTooLongToRead_isRejectedInLineOrder_onOneThreadOrSeveral() throws IOException {
        // given more lines than one scan batch, a bad line early and a too-long line in a later batch
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 1; i <= 2_500; i++) {
            lines.add(i == 5 ? "not json" : i == 1_500 ? patient("p-" + "x".repeat(300_000)) : patient("p-" + i));
        }
        write("patients.ndjson", lines.toArray(String[]::new));

        // when read on one thread and on several, then the rejections come in line order both ways
        List<String> serial = null;
        for (int threads : new int[] {1, 2, 3}) {
            FhirRecordReader reader = new FhirRecordReader(ReaderOptions.defaults()
                    .withBuckets(9)
                    .withSpillDirectory(spill)
                    .withThreads(threads)
                    .withMaxResourceBytes(1_024));
            CollectingListener listener = new CollectingListener();
            reader.read(List.of(input), listener);
            List<String> rejections =
                    listener.rejections().stream().map(Object::toString).toList();
            assertThat(rejections).as("on %d threads", threads).hasSize(2);
            assertThat(rejections.get(0)).as("on %d threads", threads).contains(":5");
            assertThat(rejections.get(1)).as("on %d threads", threads).contains(":1500", "too large");
            if (serial == null) {
                serial = rejections;
            }
            assertThat(rejections).as("on %d threads", threads).isEqualTo(serial);
        }
    }

    @Test
    void theSpillFolder_isRemovedAfterARead() throws IOException {
        read(4, SAMPLE.resolve("ndjson"));

        assertThat(listing(spill)).isEmpty();
    }

    @Test
    void theSpillFolder_isRemovedWhenTheListenerFails_readOnOneThreadOrSeveral() throws IOException {
        RecordListener failing = new RecordListener() {
            @Override
            public void record(StayRecord record) {
                throw new IllegalStateException("sink is full");
            }

            @Override
            public void rejected(Rejection rejection) {}

            @Override
            public void warning(Rejection warning) {}
        };
        for (int threads : new int[] {1, 2}) {
            FhirRecordReader reader = new FhirRecordReader(ReaderOptions.defaults()
                    .withBuckets(6)
                    .withSpillDirectory(spill)
                    .withThreads(threads));

            assertThatThrownBy(() -> reader.read(List.of(SAMPLE.resolve("ndjson")), failing))
                    .hasMessage("sink is full");
            assertThat(listing(spill)).as("on %d threads", threads).isEmpty();
        }
        assertThatThrownBy(() -> ReaderOptions.defaults().withThreads(0)).hasMessage("threads 0 must be at least 1");
    }

    @Test
    void automaticBuckets_readSmallInputsInMemory_andSplitLargeOnesByTheirSize() {
        ReaderOptions automatic = ReaderOptions.defaults();

        assertThat(automatic.bucketsFor(ReaderOptions.IN_MEMORY_BYTES)).isEqualTo(1);
        assertThat(automatic.bucketsFor(3_000_000_000L)).isEqualTo(179);
        assertThat(automatic.bucketsFor(1L << 40)).isEqualTo(256);
        assertThat(automatic.withBuckets(6).bucketsFor(10)).isEqualTo(6);
        // the same groups whatever the thread count, so records come out in the same order
        assertThat(automatic.withThreads(2).bucketsFor(3_000_000_000L)).isEqualTo(179);
        assertThatThrownBy(() -> automatic.withBuckets(-1))
                .hasMessage("buckets -1 must be between 0 (automatic) and 4096");
    }

    private static long size(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            long total = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    private static List<Path> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    private void write(String name, String... lines) throws IOException {
        Files.writeString(input.resolve(name), String.join("\n", lines) + "\n");
    }

    private static String patient(String id) {
        return "{\"resourceType\":\"Patient\",\"id\":\"" + id
                + "\",\"gender\":\"female\",\"birthDate\":\"1980-01-01\"}";
    }

    private static String encounter(String id, String patient, String start, String end) {
        return "{\"resourceType\":\"Encounter\",\"id\":\"" + id + "\",\"status\":\"finished\","
                + "\"class\":{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"IMP\"},"
                + "\"subject\":{\"reference\":\"Patient/" + patient + "\"},"
                + "\"period\":{\"start\":\"" + start + "T10:00:00Z\",\"end\":\"" + end + "T12:00:00Z\"}}";
    }

    private static String observation(String id, String patient, String encounter, int sodium) {
        return "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"status\":\"final\","
                + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"2951-2\"}]},"
                + (patient == null ? "" : "\"subject\":{\"reference\":\"Patient/" + patient + "\"},")
                + (encounter == null ? "" : "\"encounter\":{\"reference\":\"Encounter/" + encounter + "\"},")
                + "\"effectiveDateTime\":\"" + (encounter == null ? "2024-03-05" : "2024-03-02")
                + "T08:00:00Z\",\"valueQuantity\":{\"value\":" + sodium
                + ",\"unit\":\"mmol/L\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"mmol/L\"}}";
    }

    private static String note(String id, String patient, String encounter) {
        return "{\"resourceType\":\"DocumentReference\",\"id\":\"" + id + "\",\"status\":\"current\","
                + (patient == null ? "" : "\"subject\":{\"reference\":\"Patient/" + patient + "\"},")
                + "\"date\":\"2024-03-03T09:00:00Z\","
                + "\"context\":{\"encounter\":[{\"reference\":\"Encounter/" + encounter + "\"}]},"
                + "\"content\":[{\"attachment\":{\"contentType\":\"text/plain\",\"data\":\"Tm90ZSB0ZXh0Lg==\"}}]}";
    }

    /** The progress a read reports: every file's end, and within a long file, never decreasing, ending at the total. */
    @Test
    void progress_isReportedWhileFilesAreRead_andEndsAtTheInputsSize() throws IOException {
        Path ndjson = SAMPLE.resolve("ndjson");
        // one file longer than a report's step: lines padded with white space inside the object, which JSON allows
        Path large = input.resolve("Patient-padded.ndjson");
        String padding = " ".repeat(9_000);
        try (var out = Files.newBufferedWriter(large)) {
            for (int i = 0; i < 2_200; i++) {
                out.write("{\"resourceType\":\"Patient\"," + padding + "\"id\":\"pad-" + i + "\"}\n");
            }
        }
        long total;
        try (Stream<Path> files = Files.list(ndjson)) {
            total = files.filter(f -> f.toString().endsWith(".ndjson"))
                            .mapToLong(f -> f.toFile().length())
                            .sum()
                    + Files.size(large);
        }
        assertThat(Files.size(large)).isGreaterThan(RecordListener.PROGRESS_BYTES);

        for (int buckets : new int[] {1, 7}) {
            List<long[]> reports = new ArrayList<>();
            new FhirRecordReader(ReaderOptions.defaults().withBuckets(buckets).withSpillDirectory(spill))
                    .read(List.of(ndjson, large), new RecordListener() {
                        @Override
                        public void record(StayRecord record) {
                            assertThat(reports)
                                    .last()
                                    .satisfies(r -> assertThat(r[0]).isEqualTo(total));
                        }

                        @Override
                        public void rejected(Rejection rejection) {}

                        @Override
                        public void warning(Rejection warning) {}

                        @Override
                        public void progress(long bytesRead, long bytesTotal) {
                            reports.add(new long[] {bytesRead, bytesTotal});
                        }
                    });

            // the sample's 11 files, and the padded one at least twice: once on the way, once at its end
            assertThat(reports).as("buckets %d", buckets).hasSizeGreaterThanOrEqualTo(13);
            assertThat(reports).allSatisfy(r -> assertThat(r[1]).isEqualTo(total));
            for (int i = 1; i < reports.size(); i++) {
                assertThat(reports.get(i)[0]).isGreaterThanOrEqualTo(reports.get(i - 1)[0]);
            }
            assertThat(reports.get(reports.size() - 2)[0]).isLessThan(total);
            assertThat(reports.get(reports.size() - 1)[0]).isEqualTo(total);
        }
    }
}
