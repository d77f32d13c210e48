package org.mhtrigger.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.screen.TriggerDefinition;

/** TriggerCatalogue: every code of docs/spec/triggers.md, read from catalogue.csv. */
class TriggerCatalogueTest {

    @Test
    void standardCatalogue_holdsEveryCodeOfTheSpecificationInOrder() {
        assertThat(TriggerCatalogue.standard().all())
                .extracting(TriggerDefinition::code)
                .containsExactly(
                        "MH-C01", "MH-C02", "MH-C03", "MH-C04", "MH-C05", "MH-C06", "MH-C07", "MH-C08", "MH-C09",
                        "MH-B01", "MH-B02", "MH-B03", "MH-B04", "MH-B05", "MH-B06", "MH-R01", "MH-R02", "MH-R03",
                        "MH-M01", "MH-M02", "MH-M03", "MH-M04", "MH-M05", "MH-M06", "MH-M07", "MH-M08", "MH-M09",
                        "MH-L01", "MH-L02", "MH-L03", "MH-L04", "MH-L05", "MH-L06", "MH-L07", "MH-L08", "MH-L09",
                        "MH-X01", "MH-X02", "MH-Q01", "MH-Q02", "MH-Q03");
    }

    @Test
    void find_returnsNameModuleSourcesAndWindow() {
        TriggerCatalogue catalogue = TriggerCatalogue.standard();

        assertThat(catalogue.find("MH-L01"))
                .hasValue(new TriggerDefinition("MH-L01", "Lithium high", "Laboratory", "S"));
        assertThat(catalogue.find("MH-B05").orElseThrow().name()).isEqualTo("Absconding / AWOL");
        assertThat(catalogue.find("MH-C07").orElseThrow().sources()).isEqualTo("-");
        assertThat(catalogue.window("MH-X01")).contains("30 days");
        assertThat(catalogue.find("MH-Z99")).isEmpty();
        assertThat(catalogue.version()).isEqualTo("1.0.0");
    }

    @Test
    void textOnlyTriggers_areNotStructured() {
        assertThat(TriggerCatalogue.standard().all())
                .filteredOn(t -> !t.structured())
                .extracting(TriggerDefinition::code)
                .containsExactlyInAnyOrder("MH-B03", "MH-B04", "MH-B06", "MH-Q03", "MH-C07");
    }
}
