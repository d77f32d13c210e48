package org.mhtrigger.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.record.DischargeDisposition;
import org.mhtrigger.engine.record.EncounterKind;
import org.mhtrigger.engine.record.LabResult;
import org.mhtrigger.engine.record.LinkedEncounter;
import org.mhtrigger.engine.record.StayRecord;

class InputFormsTest {
    @Test
    void folderOfSingleResources_isReadRecursively_andSkipsNonJsonFilesSilently() {
        var result = Fixtures.read("single");

        assertThat(result.summary().files()).isEqualTo(4);
        assertThat(result.summary().resources()).isEqualTo(4);
        assertThat(result.rejections()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        StayRecord record = result.record("e1");
        assertThat(record.patient().id()).isEqualTo("p1");
        assertThat(record.patient().sex()).isEqualTo("female");
        assertThat(record.patient().birthDate()).hasToString("1980-01-01");
        assertThat(record.stay().admitted()).isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
        assertThat(record.stay().discharged()).isEqualTo(Instant.parse("2024-03-20T12:00:00Z"));
        assertThat(record.stay().ward()).isEqualTo("Willow Ward");
        assertThat(record.stay().disposition()).isEqualTo(DischargeDisposition.HOME);
        assertThat(record.labs()).extracting(LabResult::analyte).containsExactly("lithium");
        assertThat(record.notes()).hasSize(1);
    }

    @Test
    void singleResourceFile_isReadOnItsOwn() {
        var result = Fixtures.read("single/patient-p1.json", "single/encounter-e1.json");

        assertThat(result.summary().files()).isEqualTo(2);
        assertThat(result.record("e1").labs()).isEmpty();
    }

    @Test
    void collectionBundle_entriesAreRead() {
        var result = Fixtures.read("bundles/collection.json");

        assertThat(result.rejections()).isEmpty();
        assertThat(result.record("ec").labs()).extracting(LabResult::analyte).containsExactly("sodium");
    }

    @Test
    void transactionBundle_resolvesUrnReferences_andIgnoresRequestParts() {
        var result = Fixtures.read("bundles/transaction.json");

        assertThat(result.rejections()).isEmpty();
        StayRecord record = result.record("et");
        assertThat(record.patient().id()).isEqualTo("pt");
        assertThat(record.labs()).singleElement().satisfies(lab -> {
            assertThat(lab.analyte()).isEqualTo("potassium");
            assertThat(lab.source().id()).isEqualTo("o-k");
        });
    }

    @Test
    void batchBundle_entriesAreRead() {
        var result = Fixtures.read("bundles/batch.json");

        assertThat(result.record("eb").labs()).extracting(LabResult::analyte).containsExactly("ck");
    }

    @Test
    void searchsetBundle_entriesAreRead() {
        var result = Fixtures.read("bundles/searchset.json");

        LabResult wbc = result.record("es").labs().get(0);
        assertThat(wbc.analyte()).isEqualTo("wbc");
        assertThat(wbc.siValue()).isEqualTo(3.1);
        assertThat(wbc.siUnit()).isEqualTo("10*9/L");
    }

    @Test
    void ndjsonSplitAcrossFiles_isAssembledIntoOneStay() {
        var result = Fixtures.read("ndjson/part1", "ndjson/part2");

        StayRecord record = result.record("en");
        assertThat(result.listener().records()).extracting(StayRecord::id).containsExactly("en");
        assertThat(record.labs())
                .extracting(LabResult::source)
                .extracting(Object::toString)
                .containsExactly("Observation/o-glu", "Observation/o-cr", "Observation/o-bp", "Observation/o-bp");
    }

    @Test
    void bloodPressurePanel_givesOneResultPerMappedComponent() {
        var record = Fixtures.read("ndjson").record("en");

        assertThat(record.labs())
                .filteredOn(lab -> lab.source().id().equals("o-bp"))
                .extracting(LabResult::analyte, LabResult::siValue)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("systolic-bp", 82.0),
                        org.assertj.core.groups.Tuple.tuple("diastolic-bp", 50.0));
    }

    @Test
    void otherEncountersOfThePatient_areLinkedWithTheirKind() {
        var record = Fixtures.read("ndjson").record("en");

        assertThat(record.otherEncounters())
                .extracting(LinkedEncounter::id, LinkedEncounter::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("en-ed", EncounterKind.EMERGENCY),
                        org.assertj.core.groups.Tuple.tuple("en-acute", EncounterKind.ACUTE_INPATIENT));
    }

    @Test
    void readAll_returnsTheRecords() {
        List<StayRecord> records = Fixtures.READER.readAll(List.of(Fixtures.path("bundles")));

        assertThat(records).extracting(StayRecord::id).containsExactly("eb", "ec", "es", "et");
    }
}
