package org.mhtrigger.fhir.internal.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.Test;
import org.mhtrigger.fhir.internal.FhirContexts;

class IdentifierScanTest {
    private static Identifier identifier(String system, String value) {
        return new Identifier().setSystem(system).setValue(value);
    }

    @Test
    void nationalIdentifiers_areRecognisedBySystemOrPattern() {
        assertThat(IdentifierScan.nationalKind(identifier("https://fhir.nhs.uk/Id/nhs-number", "x")))
                .isEqualTo("NHS number");
        assertThat(IdentifierScan.nationalKind(identifier(null, "943 476 5919")))
                .isEqualTo("NHS number");
        assertThat(IdentifierScan.nationalKind(identifier("http://hl7.org/fhir/sid/us-ssn", "x")))
                .isEqualTo("SSN");
        assertThat(IdentifierScan.nationalKind(identifier("https://example.org/mrn", "123-45-6789")))
                .isEqualTo("SSN");
        assertThat(IdentifierScan.nationalKind(identifier(null, "T7654321J"))).isEqualTo("NRIC/FIN");
    }

    @Test
    void pseudonymsUnderTheirOwnSystem_areNotNational() {
        assertThat(IdentifierScan.nationalKind(identifier("https://example.org/pseudonym", "PSN-0042")))
                .isNull();
        // ten digits with a failing NHS check digit under a local system: a pseudonym, not an NHS number
        assertThat(IdentifierScan.nationalKind(identifier("https://example.org/pseudonym", "1234567890")))
                .isNull();
    }

    @Test
    void nhsCheckDigit_isModulus11() {
        assertThat(IdentifierScan.validNhsCheckDigit("9434765919")).isTrue();
        assertThat(IdentifierScan.validNhsCheckDigit("9434765918")).isFalse();
    }

    @Test
    void everyIdentifyingType_isReportedWhereverItSits() {
        // the list the fast parser's tables are held against is the list the scan acts on
        Practitioner practitioner = new Practitioner();
        practitioner.addName().setFamily("Example");
        practitioner.addAddress().setCity("Town");
        practitioner.addTelecom().setValue("07700 900000");
        practitioner.addIdentifier().setSystem(IdentifierScan.NHS_SYSTEM).setValue("9434765919");

        var found = new IdentifierScan(FhirContexts.r4()).scan(practitioner, false);

        assertThat(found).containsOnlyKeys("name", "address", "telecom", "NHS number");
        assertThat(IdentifierScan.IDENTIFYING_TYPES)
                .containsExactlyInAnyOrder(HumanName.class, Address.class, ContactPoint.class, Identifier.class);
    }
}
