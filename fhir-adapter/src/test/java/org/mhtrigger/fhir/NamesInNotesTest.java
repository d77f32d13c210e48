package org.mhtrigger.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With --strip-identifiers, the patient's own names leave the notes as well as the Patient resource. */
class NamesInNotesTest {
    @TempDir
    Path tmp;

    private void write(String noteText) throws IOException {
        String data = Base64.getEncoder().encodeToString(noteText.getBytes(StandardCharsets.UTF_8));
        Files.writeString(tmp.resolve("stay.json"), """
                {"resourceType": "Bundle", "type": "collection", "entry": [
                  {"resource": {"resourceType": "Patient", "id": "p-1", "gender": "male",
                    "name": [{"given": ["Jovan870"], "family": "Smitham"}]}},
                  {"resource": {"resourceType": "Encounter", "id": "e-1", "status": "finished",
                    "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "IMP"},
                    "type": [{"text": "Adult acute psychiatric ward"}],
                    "subject": {"reference": "Patient/p-1"},
                    "period": {"start": "2025-03-01T10:00:00Z", "end": "2025-03-10T10:00:00Z"}}},
                  {"resource": {"resourceType": "DocumentReference", "id": "n-1", "status": "current",
                    "subject": {"reference": "Patient/p-1"}, "context": {"encounter": [{"reference": "Encounter/e-1"}]},
                    "date": "2025-03-02T10:00:00Z",
                    "content": [{"attachment": {"contentType": "text/plain", "data": "%s"}}]}}
                ]}
                """.formatted(data));
    }

    @Test
    void strippingIdentifiers_replacesThePatientsNamesInNoteText() throws IOException {
        write("Jovan870 is a 49 year-old. Mr SMITHAM settled; jovan870's mother visited. Smithamson unrelated.");
        CollectingListener listener = new CollectingListener();

        ReadSummary summary =
                new FhirRecordReader(ReaderOptions.defaults().withStripIdentifiers(true)).read(List.of(tmp), listener);

        assertThat(listener.records()).hasSize(1);
        String text = listener.records().get(0).notes().get(0).text();
        assertThat(text)
                .isEqualTo(
                        "[name] is a 49 year-old. Mr [name] settled; [name]'s mother visited. Smithamson unrelated.");
        // the Patient's name element, and three mentions in the note
        assertThat(summary.identifiersStripped()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void withoutStripping_aNamedPatientIsRefusedAndNothingIsRewritten() throws IOException {
        write("Jovan870 settled.");
        CollectingListener listener = new CollectingListener();

        new FhirRecordReader().read(List.of(tmp), listener);

        assertThat(listener.records()).isEmpty();
        assertThat(listener.rejections()).singleElement().asString().contains("name");
    }
}
