package org.mhtrigger.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed sample is exactly what the documented command produces (README: "Regenerating the sample"). */
class CommittedSampleTest {
    static final Path SAMPLE = Path.of("sample");
    static final int STAYS = 200;
    static final long SEED = 1;

    @TempDir
    Path temp;

    @Test
    void committedBundleSample_regeneratesByteForByte() throws IOException {
        assertRegenerates(CorpusGenerator.Format.BUNDLE, "bundle");
    }

    @Test
    void committedNdjsonSample_regeneratesByteForByte() throws IOException {
        assertRegenerates(CorpusGenerator.Format.NDJSON, "ndjson");
    }

    private void assertRegenerates(CorpusGenerator.Format format, String folder) throws IOException {
        Path out = temp.resolve(folder);
        new CorpusGenerator(CorpusGenerator.Settings.of(STAYS, SEED, format))
                .generate(out, CorpusGenerator.Progress.NONE);

        Map<String, byte[]> expected = CorpusGeneratorTest.filesAsBytes(SAMPLE.resolve(folder));
        Map<String, byte[]> actual = CorpusGeneratorTest.filesAsBytes(out);
        assertThat(actual.keySet()).as("files of sample/" + folder).isEqualTo(expected.keySet());
        for (String name : expected.keySet()) {
            assertThat(actual.get(name))
                    .as("sample/" + folder + "/" + name + " (seed 1)")
                    .isEqualTo(expected.get(name));
        }
    }
}
