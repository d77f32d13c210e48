package org.mhtrigger.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhtrigger.engine.record.StayRecord;

/** A stay keeps the UTC offset its admission was written in: the ward's calendar days follow it. */
class StayOffsetTest {
    @TempDir
    Path tmp;

    private StayRecord read(String start, String end) throws IOException {
        String bundle = """
                {"resourceType": "Bundle", "type": "collection", "entry": [
                  {"resource": {"resourceType": "Patient", "id": "p-1", "gender": "female"}},
                  {"resource": {"resourceType": "Encounter", "id": "e-1", "status": "finished",
                    "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "IMP"},
                    "type": [{"text": "Adult acute psychiatric ward"}],
                    "subject": {"reference": "Patient/p-1"},
                    "period": {"start": "%s", "end": "%s"}}}
                ]}
                """.formatted(start, end);
        Files.writeString(tmp.resolve("stay.json"), bundle);
        List<StayRecord> records = new FhirRecordReader().readAll(List.of(tmp));
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    @Test
    void anAdmissionWrittenWithAnOffset_keepsIt() throws IOException {
        StayRecord record = read("2025-03-01T07:30:00+08:00", "2025-03-10T10:00:00+08:00");

        assertThat(record.stay().offset()).isEqualTo(ZoneOffset.ofHours(8));
        // 2025-03-01T23:30Z is already 2 March on a ward in Singapore
        assertThat(record.stay().localDate(java.time.Instant.parse("2025-03-01T23:30:00Z")))
                .isEqualTo(LocalDate.of(2025, 3, 2));
    }

    @Test
    void anAdmissionInUtcOrWithoutAnOffset_isReadInUtc() throws IOException {
        assertThat(read("2025-03-01T07:30:00Z", "2025-03-10T10:00:00Z").stay().offset())
                .isEqualTo(ZoneOffset.UTC);
        assertThat(read("2025-03-01", "2025-03-10").stay().offset()).isEqualTo(ZoneOffset.UTC);
    }
}
