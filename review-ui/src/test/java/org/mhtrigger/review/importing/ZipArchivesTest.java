package org.mhtrigger.review.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipArchivesTest {
    @TempDir
    Path temp;

    /** A zip of the given entries; a null body is a run of {@code zeros} zero bytes (compresses about 1000:1). */
    static Path zip(Path file, Map<String, String> entries, long zeros) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                if (entry.getValue() != null) {
                    out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                } else {
                    byte[] block = new byte[1 << 16];
                    for (long left = zeros; left > 0; left -= block.length) {
                        out.write(block, 0, (int) Math.min(block.length, left));
                    }
                }
                out.closeEntry();
            }
        }
        return file;
    }

    @Test
    void jsonAndNdjsonEntries_areUnpackedWithTheirPaths_andEveryOtherEntryGetsALine() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("export/Patient.ndjson", "{\"resourceType\":\"Patient\",\"id\":\"p\"}\n");
        entries.put("export/e 1.json", "{}");
        entries.put("export/readme.txt", "hello");
        entries.put("__MACOSX/export/._e 1.json", "junk");
        entries.put("export/inner.zip", "PK");
        Path zip = zip(temp.resolve("x.zip"), entries, 0);
        List<String> lines = new ArrayList<>();

        List<Path> files = ZipArchives.unpack(zip, "x.zip", temp.resolve("out/x.zip!"), lines::add);

        assertThat(files)
                .extracting(p -> temp.resolve("out").relativize(p).toString())
                .containsExactly("x.zip!/export/Patient.ndjson", "x.zip!/export/e_1.json");
        assertThat(Files.readString(files.getFirst())).contains("\"Patient\"");
        assertThat(lines)
                .containsExactly(
                        "x.zip!/export/readme.txt: not a .json or .ndjson file; not read",
                        "x.zip!/export/inner.zip: not a .json or .ndjson file; not read");
    }

    @Test
    void entriesThatLeaveTheFolder_areRefusedWithALine_andNothingIsWrittenOutside() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("../../evil.json", "{}");
        entries.put("/etc/evil.json", "{}");
        entries.put("a/../../evil.ndjson", "{}");
        entries.put("C:\\temp\\evil.json", "{}");
        entries.put("ok.json", "{}");
        Path zip = zip(temp.resolve("t.zip"), entries, 0);
        Path out = Files.createDirectories(temp.resolve("deep/a/b"));
        List<String> lines = new ArrayList<>();

        List<Path> files = ZipArchives.unpack(zip, "t.zip", out.resolve("t.zip!"), lines::add);

        assertThat(files).hasSize(1);
        assertThat(lines)
                .hasSize(4)
                .allSatisfy(line -> assertThat(line)
                        .startsWith("t.zip!/")
                        .endsWith(": its path leaves the archive's folder (absolute or '..'); not read"));
        try (Stream<Path> all = Files.walk(temp)) {
            assertThat(all.filter(p -> p.getFileName().toString().startsWith("evil")))
                    .isEmpty();
        }
    }

    @Test
    void zipBombEntry_isStoppedAfterAHundredTimesItsSize_andTheOthersAreRead() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("a.json", "{}");
        entries.put("bomb.ndjson", null);
        entries.put("z.json", "{}");
        Path zip = zip(temp.resolve("b.zip"), entries, 64L << 20); // 64 MiB of zeros, ~65 KB compressed
        List<String> lines = new ArrayList<>();

        List<Path> files = ZipArchives.unpack(zip, "b.zip", temp.resolve("b.zip!"), lines::add);

        assertThat(Files.size(zip)).isLessThan(200_000);
        assertThat(lines)
                .containsExactly(
                        "b.zip!/bomb.ndjson: expands to more than 100 times its compressed size, like a zip bomb;"
                                + " not read");
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("a.json", "z.json");
        assertThat(temp.resolve("b.zip!/bomb.ndjson")).doesNotExist();
    }

    @Test
    void fileThatIsNoZip_getsOneLine() throws IOException {
        Path fake = Files.writeString(temp.resolve("fake.zip"), "not a zip at all");
        List<String> lines = new ArrayList<>();

        assertThat(ZipArchives.unpack(fake, "fake.zip", temp.resolve("fake.zip!"), lines::add))
                .isEmpty();
        assertThat(lines).containsExactly("fake.zip: not a readable zip archive; not read");
    }

    @Test
    void entryNames_becomeSafeRelativePaths() {
        assertThat(ZipArchives.insideFolder("a/./b/.hidden.json")).hasValue(Path.of("a", "b", "_hidden.json"));
        assertThat(ZipArchives.insideFolder("..")).isEmpty();
        assertThat(ZipArchives.insideFolder("/x.json")).isEmpty();
        assertThat(ZipArchives.insideFolder("c:/x.json")).isEmpty();
        assertThat(ZipArchives.insideFolder("a/../x.json")).isEmpty();
    }
}
