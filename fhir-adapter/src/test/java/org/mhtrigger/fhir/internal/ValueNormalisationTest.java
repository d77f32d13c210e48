package org.mhtrigger.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.hl7.fhir.r4.model.Identifier;
import org.junit.jupiter.api.Test;

class ValueNormalisationTest {
    private static Identifier identifier(String system, String value) {
        return new Identifier().setSystem(system).setValue(value);
    }

    @Test
    void icd10Codes_getUpperCaseAndTheirDot() {
        assertThat(ResourceExtractor.normaliseIcd10("x780")).isEqualTo("X78.0");
        assertThat(ResourceExtractor.normaliseIcd10("F20.0-")).isEqualTo("F20.0");
        assertThat(ResourceExtractor.normaliseIcd10("R69X")).isEqualTo("R69");
        assertThat(ResourceExtractor.normaliseIcd10("N39.0")).isEqualTo("N39.0");
        assertThat(ResourceExtractor.normaliseIcd10("L89")).isEqualTo("L89");
    }

    @Test
    void dateOnlyYearAndMonthValues_startInUtc() {
        assertThat(FhirValues.instant("2024-03-05")).isEqualTo(Instant.parse("2024-03-05T00:00:00Z"));
        assertThat(FhirValues.instant("2024-03")).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(FhirValues.instant("2024")).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(FhirValues.instant("2024-03-05T10:00:00+08:00")).isEqualTo(Instant.parse("2024-03-05T02:00:00Z"));
        assertThat(FhirValues.instant("not a date")).isNull();
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
    void htmlNotes_becomeOneLinePerBlock() {
        assertThat(FhirValues.htmlToText(
                        "<div>Seen &amp; reviewed.<br>Plan:\n  <ul><li>obs</li><li>bloods</li></ul></div>"))
                .isEqualTo("Seen & reviewed.\nPlan:\nobs\nbloods");
    }
}
