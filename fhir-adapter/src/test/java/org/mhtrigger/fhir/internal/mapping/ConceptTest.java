package org.mhtrigger.fhir.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConceptTest {
    private static Concept concept(String system, String code, String... texts) {
        return new Concept(List.of(new Concept.Code(system, code)), List.of(texts));
    }

    @Test
    void conceptsWithTheSameCodesAndTexts_areEqualWithTheSameHash_asTheLookupCachesNeed() {
        Concept one = concept("http://loinc.org", "14334-7", "Lithium");
        Concept same = new Concept(
                new ArrayList<>(List.of(new Concept.Code("http://loinc.org", "14334-7"))),
                new ArrayList<>(List.of("Lithium", " ")));

        assertThat(same).isEqualTo(one);
        assertThat(same.hashCode()).isEqualTo(one.hashCode());
        assertThat(new Concept.Code(null, "x")).isEqualTo(new Concept.Code("", "x"));
        assertThat(new Concept.Code(null, "x").hashCode()).isEqualTo(new Concept.Code("", "x").hashCode());
    }

    @Test
    void conceptsDifferingInSystemCodeOrText_areNotEqual() {
        Concept one = concept("http://loinc.org", "14334-7", "Lithium");

        assertThat(concept("http://snomed.info/sct", "14334-7", "Lithium")).isNotEqualTo(one);
        assertThat(concept("http://loinc.org", "14334-8", "Lithium")).isNotEqualTo(one);
        assertThat(concept("http://loinc.org", "14334-7", "Lithium level")).isNotEqualTo(one);
        assertThat(concept("http://loinc.org", "14334-7")).isNotEqualTo(one);
        assertThat(new Concept.Code("a", "b")).isNotEqualTo(new Concept.Code("b", "a"));
        assertThat(one).isNotEqualTo(null).isNotEqualTo("Lithium");
    }
}
