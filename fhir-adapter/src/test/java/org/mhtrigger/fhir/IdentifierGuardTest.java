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
    void pseudonymousIdentifierWithItsOwnSystem_isAccepted() {
        var result = Fixtures.read("single");

        assertThat(result.rejections()).isEmpty();
        assertThat(result.summary().identifiersStripped()).isZero();
    }
}
