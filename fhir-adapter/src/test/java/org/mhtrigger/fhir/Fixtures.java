package org.mhtrigger.fhir;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.mhtrigger.engine.record.StayRecord;

/** Test fixtures under {@code src/test/resources/fixtures}, all synthetic. */
final class Fixtures {
    static final FhirRecordReader READER = new FhirRecordReader();

    private Fixtures() {}

    static Path path(String relative) {
        try {
            return Path.of(Objects.requireNonNull(Fixtures.class.getResource("/fixtures/" + relative), relative)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads fixtures with the default reader. */
    static Result read(String... relative) {
        return read(READER, relative);
    }

    static Result read(FhirRecordReader reader, String... relative) {
        CollectingListener listener = new CollectingListener();
        List<Path> inputs =
                java.util.Arrays.stream(relative).map(Fixtures::path).toList();
        ReadSummary summary = reader.read(inputs, listener);
        return new Result(summary, listener);
    }

    record Result(ReadSummary summary, CollectingListener listener) {
        StayRecord record(String encounterId) {
            return listener.records().stream()
                    .filter(r -> r.id().equals(encounterId))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no record " + encounterId + " among "
                            + listener.records().stream().map(StayRecord::id).toList() + "; rejected "
                            + listener.rejections()));
        }

        List<String> rejections() {
            return listener.rejections().stream().map(Object::toString).toList();
        }

        List<String> warnings() {
            return listener.warnings().stream().map(Object::toString).toList();
        }
    }
}
