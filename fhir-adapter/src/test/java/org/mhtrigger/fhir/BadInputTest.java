package org.mhtrigger.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.record.LabResult;
import org.mhtrigger.engine.record.Note;
import org.mhtrigger.engine.screen.Rejection;

class BadInputTest {
    @Test
    void truncatedJson_isRejectedNamingTheFile_andTheBatchGoesOn() {
        var result = Fixtures.read("bad/truncated.json", "bundles/collection.json");

        assertThat(result.listener().rejections()).singleElement().satisfies(r -> {
            assertThat(r.source()).endsWith("truncated.json");
            assertThat(r.reason()).startsWith("truncated JSON");
        });
        assertThat(result.record("ec")).isNotNull();
        assertThat(result.summary().complete()).isFalse();
    }

    @Test
    void unknownResourceType_isRejected() {
        var result = Fixtures.read("bad/unknown-type.json");

        assertThat(result.rejections())
                .singleElement()
                .asString()
                .endsWith("unknown-type.json: unknown resourceType 'Pateint' (not a FHIR R4 resource)");
    }

    @Test
    void nonFhirJson_isRejected_withoutEchoingItsContent() {
        var result = Fixtures.read("bad/not-fhir.json");

        assertThat(result.rejections())
                .singleElement()
                .asString()
                .endsWith("not-fhir.json: not a FHIR resource (no resourceType)")
                .doesNotContain("Jane")
                .doesNotContain("555");
    }

    @Test
    void ndjsonWithOneBadLine_rejectsThatLineOnly_andReadsTheOthers() {
        var result = Fixtures.read("ndjson");

        assertThat(result.listener().rejections()).singleElement().satisfies(r -> {
            assertThat(r.source()).endsWith("Observation.ndjson:3");
            assertThat(r.reason()).startsWith("truncated JSON");
        });
        assertThat(result.record("en").labs()).hasSize(4);
        assertThat(result.summary().resources()).isEqualTo(9);
    }

    @Test
    void invalidBase64InANote_rejectsThatNote_andTheStayIsStillRead() {
        var result = Fixtures.read("bad/notes.ndjson");

        assertThat(result.listener().rejections()).singleElement().satisfies(r -> {
            assertThat(r.source()).endsWith("notes.ndjson:3");
            assertThat(r.reason())
                    .isEqualTo(
                            "DocumentReference/d-bad: not valid FHIR R4: invalid value in element 'data' (HAPI-1821)");
        });
        assertThat(result.record("eq").notes()).extracting(Note::id).containsExactly("d-good");
        assertThat(result.record("eq").notes().get(0).type()).isEqualTo("medical-review");
    }

    @Test
    void unclosedStay_isSkippedWithAReason() {
        var result = Fixtures.read("bad/unclosed.json");

        assertThat(result.listener().records()).isEmpty();
        assertThat(result.listener().rejections())
                .extracting(Rejection::reason)
                .containsExactly("Encounter/eu skipped: stay not closed", "Encounter/eu2 skipped: stay not closed");
    }

    @Test
    void unconvertibleUnit_isAWarning_andTheResultKeepsNoSiValue() {
        var result = Fixtures.read("bad/unconvertible.json");

        assertThat(result.warnings())
                .singleElement()
                .asString()
                .contains("Observation/o-li-bad: lithium unit 'mg/L' cannot be converted to mmol/L");
        LabResult lab = result.record("ev").labs().get(0);
        assertThat(lab.siValue()).isNull();
        assertThat(lab.value()).isEqualTo(9.0);
        assertThat(lab.unit()).isEqualTo("mg/L");
        assertThat(result.summary().warnings()).isEqualTo(1);
        assertThat(result.summary().complete()).isTrue();
    }

    @Test
    void duplicateIdsAcrossFiles_identicalAreDroppedSilently_differentWarnAndKeepTheFirst() {
        var result = Fixtures.read("dup/a.json", "dup/b.json");

        assertThat(result.warnings())
                .singleElement()
                .asString()
                .contains("Observation/o-dup was read before from")
                .contains("the first copy is kept");
        assertThat(result.record("ed").labs())
                .extracting(LabResult::source)
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("Observation/o-dup", "Observation/o-same");
        assertThat(result.record("ed").labs())
                .filteredOn(lab -> lab.analyte().equals("sodium"))
                .extracting(LabResult::value)
                .containsExactly(131.0);
        assertThat(result.summary().resources()).isEqualTo(4);
    }

    @Test
    void unsupportedBundleType_isRejected() {
        var result = Fixtures.read("bad/message-bundle.json");

        assertThat(result.rejections()).singleElement().asString().contains("Bundle type 'message' is not read");
    }

    @Test
    void missingPath_isRejected() {
        CollectingListener listener = new CollectingListener();
        ReadSummary summary =
                Fixtures.READER.read(java.util.List.of(Fixtures.path("single").resolve("no-such-file.json")), listener);

        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(listener.rejections().get(0).reason()).isEqualTo("no such file or folder");
    }

    @Test
    void noteUrlWithoutInlineData_isRejectedAsNotFetched() {
        var result = Fixtures.read("clinical");

        assertThat(result.rejections())
                .singleElement()
                .asString()
                .contains("DocumentReference/d-url: note has no inline text (attachment urls are not fetched)");
    }
}
