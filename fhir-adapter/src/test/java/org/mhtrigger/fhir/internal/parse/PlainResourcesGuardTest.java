package org.mhtrigger.fhir.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mhtrigger.fhir.internal.FhirContexts;
import org.mhtrigger.fhir.internal.guard.IdentifierScan;

/**
 * The fast path skips HAPI's parser but never the anonymisation guard: its tables may not read an element the guard
 * looks for, so a resource that carries one always goes to HAPI and the scan. Held here against the guard's own list,
 * through HAPI's definitions of FHIR R4, so a row added for an identifying element fails the build.
 */
class PlainResourcesGuardTest {
    @Test
    void theFastPathsTables_readNoElementOfATypeTheGuardLooksFor() {
        Map<String, Class<?>> read = elementsRead();

        assertThat(read).hasSizeGreaterThan(100);
        assertThat(read)
                .allSatisfy((path, type) -> assertThat(IdentifierScan.IDENTIFYING_TYPES.contains(type))
                        .as("%s is a %s", path, type.getSimpleName())
                        .isFalse());
    }

    @Test
    void theFastPathsTables_readNoResourceWhoseOwnElementsTheGuardLooksFor() {
        assertThat(PlainResources.TYPES).doesNotContainAnyElementsOf(IdentifierScan.IDENTIFYING_RESOURCES);
    }

    @Test
    void everyRowOfTheTables_isAnElementOfFhirR4() {
        // elementsRead() fails on a row HAPI does not know: a misspelt row would otherwise escape the type check
        assertThat(elementsRead()).containsKeys("Observation.valueQuantity.value", "Encounter.class.code");
    }

    @Test
    void aDisplayOnAReferenceThatMayNameThePatient_isLeftToHapiAndTheScan() {
        for (String reference : new String[] {"Patient/p", "urn:uuid:1d7c5a8e-0000-4000-8000-000000000001"}) {
            String json = "{\"resourceType\":\"Observation\",\"id\":\"o\",\"status\":\"final\",\"subject\":{"
                    + "\"reference\":\"" + reference + "\",\"display\":\"A Name\"}}";

            assertThat(PlainResources.read(json.getBytes(StandardCharsets.UTF_8)))
                    .as(reference)
                    .isNull();
        }
        String practitioner = "{\"resourceType\":\"Observation\",\"id\":\"o\",\"status\":\"final\",\"performer\":[{"
                + "\"reference\":\"Practitioner/x\",\"display\":\"A Name\"}]}";
        assertThat(PlainResources.read(practitioner.getBytes(StandardCharsets.UTF_8)))
                .isNotNull();
    }

    /** Every element the tables read, by path ({@code Observation.code.coding.system}), as HAPI's model class. */
    private static Map<String, Class<?>> elementsRead() {
        Map<String, Class<?>> read = new TreeMap<>();
        for (PlainResources.Shape<?> shape : PlainResources.RESOURCES.values()) {
            walk(shape, FhirContexts.r4().getResourceDefinition(shape.fhirType()), shape.fhirType(), read);
        }
        return read;
    }

    private static void walk(
            PlainResources.Shape<?> shape,
            BaseRuntimeElementCompositeDefinition<?> definition,
            String path,
            Map<String, Class<?>> read) {
        for (PlainResources.Row<?> row : shape.rows()) {
            String at = path + "." + row.name();
            BaseRuntimeChildDefinition child = definition.getChildByName(row.name());
            assertThat(child).as("%s: no such element in FHIR R4", at).isNotNull();
            BaseRuntimeElementDefinition<?> element = child.getChildByName(row.name());
            assertThat(element).as("%s: no such element in FHIR R4", at).isNotNull();
            read.put(at, element.getImplementingClass());
            if (row.shape() != null) {
                assertThat(element).as(at).isInstanceOf(BaseRuntimeElementCompositeDefinition.class);
                walk(row.shape(), (BaseRuntimeElementCompositeDefinition<?>) element, at, read);
            }
        }
    }
}
