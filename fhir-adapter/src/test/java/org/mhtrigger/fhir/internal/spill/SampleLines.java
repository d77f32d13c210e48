package org.mhtrigger.fhir.internal.spill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The NDJSON lines of the committed generated sample, as UTF-8 bytes, file by file in name order. */
final class SampleLines {
    private static final Path SAMPLE = Path.of("..", "corpus-samples", "sample", "ndjson");

    private SampleLines() {}

    static List<byte[]> all() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLE)) {
            return files.filter(f -> f.toString().endsWith(".ndjson"))
                    .sorted()
                    .flatMap(f -> {
                        try {
                            return Files.readAllLines(f).stream();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .map(line -> line.getBytes(StandardCharsets.UTF_8))
                    .toList();
        }
    }
}
