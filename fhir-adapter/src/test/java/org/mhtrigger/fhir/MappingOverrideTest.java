package org.mhtrigger.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhtrigger.engine.ConfigurationException;

class MappingOverrideTest {
    @TempDir
    Path overrides;

    @Test
    void fileInTheOverrideDirectory_replacesTheBundledTable() throws IOException {
        Files.writeString(
                overrides.resolve("ingredients.csv"),
                "ingredient,system,code,name\n# a local formulary name\nlithium,,,priadel\nolanzapine,,,clozaril\n");
        var reader = new FhirRecordReader(ReaderOptions.defaults().withMappingDirectory(overrides));

        var meds = Fixtures.read(reader, "meds").record("em").medications();

        assertThat(meds)
                .filteredOn(m -> m.source().id().equals("mr-clozaril"))
                .singleElement()
                .satisfies(m -> assertThat(m.ingredient()).isEqualTo("olanzapine"));
        // naloxone is no longer in the table: the medication keeps its own text
        assertThat(meds)
                .filteredOn(m -> m.source().id().equals("ma-narcan"))
                .singleElement()
                .satisfies(
                        m -> assertThat(m.ingredient()).isEqualTo("narcan 400 micrograms/1ml solution for injection"));
    }

    @Test
    void dosageWords_areATable_soALocalDepotBrandIsOneRow() throws IOException {
        var bundled = Fixtures.read(new FhirRecordReader(ReaderOptions.defaults()), "meds")
                .record("em")
                .medications();
        assertThat(bundled)
                .filteredOn(m -> m.source().id().equals("ma-narcan"))
                .singleElement()
                .satisfies(m -> assertThat(m.depot() || m.prn()).isFalse());
        Files.writeString(
                overrides.resolve("dosage-words.csv"), "kind,words\n# a local depot brand\ndepot,narcan\nprn,prn\n");

        var meds = Fixtures.read(new FhirRecordReader(ReaderOptions.defaults().withMappingDirectory(overrides)), "meds")
                .record("em")
                .medications();

        assertThat(meds)
                .filteredOn(m -> m.source().id().equals("ma-narcan"))
                .singleElement()
                .satisfies(m -> assertThat(m.depot()).isTrue());
    }

    @Test
    void unknownDosageKind_failsNamingFileAndLine() throws IOException {
        Files.writeString(overrides.resolve("dosage-words.csv"), "kind,words\nprn,prn\nstat,stat dose\n");

        assertThatThrownBy(() -> new FhirRecordReader(ReaderOptions.defaults().withMappingDirectory(overrides)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("dosage-words.csv line 3: kind 'stat' is not one of [depot, prn]");
    }

    @Test
    void overriddenUnitFactor_isUsed() throws IOException {
        Files.writeString(overrides.resolve("units.csv"), "analyte,unit,si_unit,factor\nlithium,meq/L,mmol/L,2\n");
        var reader = new FhirRecordReader(ReaderOptions.defaults().withMappingDirectory(overrides));

        var lab = Fixtures.read(reader, "single").record("e1").labs().get(0);

        assertThat(lab.siValue()).isEqualTo(3.2);
    }

    @Test
    void badFactor_failsNamingFileAndLine() throws IOException {
        Files.writeString(
                overrides.resolve("units.csv"),
                "analyte,unit,si_unit,factor\n# comment\nlithium,mmol/L,mmol/L,1\nglucose,mg/dL,mmol/L,abc\n");

        assertThatThrownBy(() -> new FhirRecordReader(ReaderOptions.defaults().withMappingDirectory(overrides)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("units.csv line 4: factor 'abc' is not a number");
    }

    @Test
    void unknownRoute_failsNamingFileAndLine() throws IOException {
        Files.writeString(overrides.resolve("routes.csv"), "route,system,code,text\nORAL,,,po\nNASAL,,,intranasal\n");

        assertThatThrownBy(() -> new FhirRecordReader(ReaderOptions.defaults().withMappingDirectory(overrides)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("routes.csv line 3: route 'NASAL' is not one of");
    }

    @Test
    void missingColumn_failsOnLineOne() throws IOException {
        Files.writeString(overrides.resolve("flags.csv"), "kind,text\nabsconding,awol\n");

        assertThatThrownBy(() -> new FhirRecordReader(ReaderOptions.defaults().withMappingDirectory(overrides)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("flags.csv line 1: missing column 'system'");
    }

    @Test
    void missingOverrideDirectory_isAConfigurationError() {
        assertThatThrownBy(() ->
                        new FhirRecordReader(ReaderOptions.defaults().withMappingDirectory(overrides.resolve("nope"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("is not a folder");
    }
}
