package org.mhtrigger.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentifierGuardTest {
    @Test
    void recordWithNamesTelecomAndNhsNumber_isRefusedNamingTheKinds_notTheValues() {
        var result = Fixtures.read("identifiers/named.json");

        assertThat(result.listener().records()).isEmpty();
        assertThat(result.listener().rejections()).singleElement().satisfies(r -> {
            assertThat(r.reason())
                    .isEqualTo("Encounter/ei refused: Patient/pi carries NHS number, name, telecom; Observation/o-i"
                            + " carries name (not anonymised; use --strip-identifiers to remove them)");
            assertThat(r.toString()).doesNotContain("Jane", "Example", "07700", "9434765919");
        });
    }

    @Test
    void nricPatternWithoutSystem_isRefused() {
        var result = Fixtures.read("identifiers/nric.json");

        assertThat(result.rejections()).singleElement().asString().contains("Patient/pnric carries NRIC/FIN");
    }

    @Test
    void withStripIdentifiers_theRecordIsReadAndTheElementsCounted() {
        var reader = new FhirRecordReader(ReaderOptions.defaults().withStripIdentifiers(true));

        var result = Fixtures.read(reader, "identifiers");

        assertThat(result.rejections()).isEmpty();
        assertThat(result.listener().records()).hasSize(2);
        assertThat(result.record("ei").labs()).hasSize(1);
        // name, telecom, NHS number on the Patient; the subject display on the Observation; the NRIC
        assertThat(result.summary().identifiersStripped()).isEqualTo(5);
    }

    @Test
    void aDisplayOnABundlesUrnReferenceToItsPatient_isAName_evenBeforeThePatientEntry() {
        for (int buckets : new int[] {1, 3}) {
            var refusing = new FhirRecordReader(ReaderOptions.defaults().withBuckets(buckets));
            var stripping = new FhirRecordReader(
                    ReaderOptions.defaults().withBuckets(buckets).withStripIdentifiers(true));

            var refused = Fixtures.read(refusing, "identifiers-urn");
            var stripped = Fixtures.read(stripping, "identifiers-urn");

            assertThat(refused.listener().records()).as("%d groups", buckets).isEmpty();
            assertThat(refused.rejections())
                    .singleElement()
                    .asString()
                    .contains("Encounter/e-urn carries name", "Observation/o-urn carries name")
                    .doesNotContain("Jane", "Example", "Ann", "Practitioner");
            assertThat(stripped.rejections()).isEmpty();
            assertThat(stripped.record("e-urn").labs()).hasSize(1);
            // the two subject displays; the practitioner's display on the Encounter is not a patient's name
            assertThat(stripped.summary().identifiersStripped()).isEqualTo(2);
        }
    }

    @Test
    void pseudonymousIdentifierWithItsOwnSystem_isAccepted() {
        var result = Fixtures.read("single");

        assertThat(result.rejections()).isEmpty();
        assertThat(result.summary().identifiersStripped()).isZero();
    }
}
