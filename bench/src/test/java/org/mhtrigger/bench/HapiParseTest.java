package org.mhtrigger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parse-only side of the bench counts what HAPI parsed, whatever the number of threads. */
class HapiParseTest {
    @TempDir
    Path dir;

    @Test
    void ndjsonLinesAndBundles_areCounted_andABadLineIsCountedAsFailed() throws Exception {
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 600; i++) { // more than two batches
            ndjson.append("{\"resourceType\":\"Patient\",\"id\":\"p").append(i).append("\"}\n");
        }
        ndjson.append("{\"resourceType\":\"Patient\",\"id\":\n"); // cut short
        Files.writeString(dir.resolve("Patient.ndjson"), ndjson);
        Files.writeString(
                dir.resolve("b.json"),
                "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":["
                        + "{\"resource\":{\"resourceType\":\"Encounter\",\"id\":\"e1\",\"status\":\"finished\"}},"
                        + "{\"resource\":{\"resourceType\":\"Encounter\",\"id\":\"e2\",\"status\":\"finished\"}}]}");
        Files.writeString(dir.resolve("gold.csv"), "record,trigger\n");

        for (int threads : List.of(1, 2, 3)) {
            HapiParse.Counts counts = HapiParse.parse(List.of(dir), threads);

            assertThat(counts.resources()).as("threads %d", threads).isEqualTo(602);
            assertThat(counts.failed()).as("threads %d", threads).isEqualTo(1);
            assertThat(counts.files()).isEqualTo(2);
        }
    }
}
