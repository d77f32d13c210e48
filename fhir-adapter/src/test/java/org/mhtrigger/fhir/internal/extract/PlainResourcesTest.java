package org.mhtrigger.fhir.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mhtrigger.engine.InvalidRecordException;
import org.mhtrigger.fhir.internal.FhirContexts;
import org.mhtrigger.fhir.internal.guard.IdentifierScan;
import org.mhtrigger.fhir.internal.mapping.MappingTables;
import org.mhtrigger.fhir.internal.parse.PlainResources;

/**
 * The fast path reads exactly what HAPI's parser and the extractor make of a resource, and leaves every resource it
 * does not fully understand to HAPI.
 */
class PlainResourcesTest {
    private static final Path SAMPLE = Path.of("..", "corpus-samples", "sample", "ndjson");
    private static final MappingTables MAPPING = MappingTables.load(null);
    private static final IdentifierScan SCAN = new IdentifierScan(FhirContexts.r4());

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** What one way of reading made of the resources: facts built into engine records, and what was reported. */
    private static final class Side implements Reporter {
        final Collected collected = new Collected();
        final ResourceExtractor extractor;
        final List<String> reports = new ArrayList<>();

        Side(boolean strip) {
            extractor = new ResourceExtractor(MAPPING, SCAN, strip, this, collected);
        }

        @Override
        public void rejected(String source, String reason) {
            reports.add("rejected " + source + ": " + reason);
        }

        @Override
        public void warning(String source, String reason) {
            reports.add("warning " + source + ": " + reason);
        }

        @Override
        public void stripped(int count) {
            reports.add("stripped " + count);
        }

        /** Every fact as a line: where it joins, its identifiers, and the record it builds (or why it cannot). */
        List<String> facts() {
            List<String> lines = new ArrayList<>();
            for (Collected.Fact fact : collected.facts) {
                Object built;
                try {
                    built = fact.draft().build(fact.time() == null ? Instant.EPOCH : fact.time(), collected);
                } catch (InvalidRecordException e) {
                    built = "invalid: " + e.getMessage();
                }
                lines.add(fact.source() + " " + fact.origin() + " " + fact.subject() + " " + fact.encounter() + " "
                        + fact.time() + " " + fact.identifiers() + " " + built);
            }
            return lines;
        }
    }

    /** Reads each resource both ways and checks that both give the same facts, PRN orders and reports. */
    private void assertSameAsHapi(List<String> resources, boolean strip) {
        assertThat(assertSameAsHapiWherePlain(resources, strip)).isEqualTo(resources.size());
    }

    /**
     * Reads both ways each resource the fast path takes, checks that both give the same facts, PRN orders and reports,
     * and answers how many it took.
     */
    private int assertSameAsHapiWherePlain(List<String> resources, boolean strip) {
        IParser parser = FhirContexts.r4().newJsonParser();
        parser.setParserErrorHandler(new LenientErrorHandler(false));
        Side fast = new Side(strip);
        Side hapi = new Side(strip);
        int line = 0;
        int taken = 0;
        for (String json : resources) {
            String origin = "line " + ++line;
            PlainResources.Plain read = read(json);
            if (read == null) {
                continue;
            }
            taken++;
            fast.extractor.extract(read, origin);
            hapi.extractor.extract((Resource) parser.parseResource(json), origin);
        }
        assertThat(fast.facts().size() + fast.collected.encounters.size()).isPositive();
        assertThat(fast.facts()).containsExactlyElementsOf(hapi.facts());
        assertThat(List.copyOf(fast.collected.encounters.entrySet()))
                .containsExactlyElementsOf(hapi.collected.encounters.entrySet());
        assertThat(fast.collected.prnOrders).isEqualTo(hapi.collected.prnOrders);
        assertThat(fast.reports).containsExactlyElementsOf(hapi.reports);
        return taken;
    }

    private static List<String> sampleLines(String type) throws IOException {
        return Files.readAllLines(SAMPLE.resolve(type + ".ndjson"));
    }

    /** The generator's NDJSON files of the types read on the fast path. */
    static Stream<String> fastTypesInTheSample() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLE)) {
            return files
                    .map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".ndjson"))
                    .map(name -> name.substring(0, name.length() - ".ndjson".length()))
                    .filter(PlainResources.TYPES::contains)
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @Test
    void everyResourceOfTheFastTypesTheGeneratorWrites_takesTheFastPath_andNoOtherDoes() throws IOException {
        int fast = 0;
        try (Stream<Path> files = Files.list(SAMPLE)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ndjson")).toList()) {
                String type = file.getFileName().toString().replace(".ndjson", "");
                boolean expected = PlainResources.TYPES.contains(type);
                List<String> lines = Files.readAllLines(file);
                assertThat(lines).as(type).isNotEmpty();
                assertThat(lines)
                        .as(type)
                        .allSatisfy(line -> assertThat(read(line) != null).isEqualTo(expected));
                fast += expected ? 1 : 0;
            }
        }
        // the generator writes ten of the types (not DiagnosticReport) and Patients, which always go to HAPI
        assertThat(fast).isEqualTo(PlainResources.TYPES.size() - 1);
    }

    @ParameterizedTest
    @MethodSource("fastTypesInTheSample")
    void theGeneratorsResources_giveTheSameFactsAsHapi(String type) throws IOException {
        assertSameAsHapi(sampleLines(type), false);
    }

    @Test
    void everyReaderFixtureTheFastPathTakes_givesTheSameFactsAsHapi() throws IOException {
        // the reader's own fixtures: Bundles of every type, bad input, identifiers, duplicates, NDJSON parts
        List<String> resources = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.walk(Path.of("src", "test", "resources", "fixtures"))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".ndjson")) {
                    Files.readAllLines(file).stream().filter(l -> !l.isBlank()).forEach(resources::add);
                } else if (name.endsWith(".json")) {
                    JsonNode node;
                    try {
                        node = json.readTree(file.toFile());
                    } catch (JsonProcessingException e) {
                        continue; // the malformed fixtures: not a resource for either path
                    }
                    // resources without an id take theirs from the entry's fullUrl in Group, the same for both paths
                    if (node.path("entry").isArray()) {
                        node.path("entry").forEach(e -> {
                            if (e.path("resource").has("id")) {
                                resources.add(e.path("resource").toString());
                            }
                        });
                    } else if (node.has("id")) {
                        resources.add(node.toString());
                    }
                }
            }
        }

        int taken = assertSameAsHapiWherePlain(resources, false);

        assertThat(taken)
                .as("resources on the fast path of %d", resources.size())
                .isGreaterThan(40); // 51 of 75 when written
    }

    @Test
    void withStripIdentifiers_theSameFactsAndCountsAsHapi() throws IOException {
        assertSameAsHapi(sampleLines("Observation"), true);
    }

    @Test
    void lessCommonPlainShapes_giveTheSameFactsAsHapi() {
        String subject = "\"subject\":{\"reference\":\"Patient/p1\"}";
        assertSameAsHapi(
                List.of(
                        // a period, an issued instant, an integer, a string and a unit that cannot be converted
                        "{\"resourceType\":\"Observation\",\"id\":\"o1\",\"meta\":{\"versionId\":\"3\","
                                + "\"lastUpdated\":\"2024-01-02T03:04:05.678+00:00\",\"profile\":[\"http://x/p\"]},"
                                + "\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\","
                                + "\"code\":\"14334-7\"}]}," + subject
                                + ",\"effectivePeriod\":{\"start\":\"2024-01-02\","
                                + "\"end\":\"2024-01-03T10:00:00+08:00\"},\"valueQuantity\":{\"value\":1.70,"
                                + "\"unit\":\"mmol/L\"}}",
                        // a practitioner named on a reference
                        "{\"resourceType\":\"Observation\",\"id\":\"o7\",\"status\":\"final\","
                                + "\"code\":{\"text\":\"Lithium\"}," + subject + ",\"performer\":[{\"reference\":"
                                + "\"Practitioner/x\",\"display\":\"Dr Who\"}],\"valueQuantity\":{\"value\":0.8,"
                                + "\"unit\":\"mmol/L\"}}",
                        "{\"resourceType\":\"Observation\",\"id\":\"o2\",\"status\":\"amended\",\"code\":{\"text\":"
                                + "\"Lithium\"}," + subject + ",\"issued\":\"2024-01-02T03:04:05.123Z\","
                                + "\"valueInteger\":2}",
                        "{\"resourceType\":\"Observation\",\"id\":\"o3\",\"status\":\"final\",\"code\":{\"text\":"
                                + "\"Sodium\"}," + subject + ",\"effectiveDateTime\":\"2024-01\",\"valueString\":"
                                + "\"128\"}",
                        "{\"resourceType\":\"Observation\",\"id\":\"o4\",\"status\":\"final\",\"code\":{\"text\":"
                                + "\"Sodium\"}," + subject + ",\"valueQuantity\":{\"value\":130,\"unit\":\"furlong\"}}",
                        "{\"resourceType\":\"Observation\",\"id\":\"o5\",\"status\":\"entered-in-error\",\"code\":"
                                + "{\"text\":\"Sodium\"}," + subject + ",\"valueQuantity\":{\"value\":1}}",
                        "{\"resourceType\":\"Observation\",\"id\":\"o6\",\"status\":\"final\",\"code\":{\"text\":"
                                + "\"Lithium\"}," + subject + ",\"dataAbsentReason\":{\"text\":\"haemolysed\"}}",
                        // HTML with a charset, and a plain-text copy preferred over it
                        "{\"resourceType\":\"DocumentReference\",\"id\":\"d1\",\"status\":\"current\"," + subject
                                + ",\"date\":\"2024-01-02T03:04:05+01:00\",\"content\":[{\"attachment\":{"
                                + "\"contentType\":\"text/html; charset=UTF-8\",\"data\":\""
                                + base64("<p>Seen &amp; settled</p><br>Slept well") + "\"}}]}",
                        "{\"resourceType\":\"DocumentReference\",\"id\":\"d2\",\"status\":\"current\"," + subject
                                + ",\"context\":{\"period\":{\"start\":\"2024-01-05T09:00:00Z\"},\"encounter\":[{"
                                + "\"reference\":\"Encounter/e1\"}]},\"content\":[{\"attachment\":{\"contentType\":"
                                + "\"text/html\",\"data\":\"" + base64("<b>bold</b>") + "\"}},{\"attachment\":{"
                                + "\"contentType\":\"text/plain\",\"data\":\"" + base64("\uFEFFplain copy")
                                + "\"}}]}",
                        "{\"resourceType\":\"DocumentReference\",\"id\":\"d3\",\"status\":\"current\"," + subject
                                + ",\"content\":[{\"attachment\":{\"contentType\":\"text/plain\",\"language\":\"en\"}}]}",
                        // a PRN order by its patient instruction, one by code for a referenced medication
                        "{\"resourceType\":\"MedicationRequest\",\"id\":\"r1\",\"status\":\"active\",\"intent\":"
                                + "\"order\",\"medicationCodeableConcept\":{\"text\":\"lorazepam\"}," + subject
                                + ",\"authoredOn\":\"2024-01-02\",\"reasonCode\":[{\"text\":\"agitation\"}],"
                                + "\"dosageInstruction\":[{\"patientInstruction\":\"as required\",\"doseAndRate\":[{"
                                + "\"doseQuantity\":{\"value\":500,\"code\":\"ug\"}}]}]}",
                        "{\"resourceType\":\"MedicationRequest\",\"id\":\"r2\",\"status\":\"active\",\"intent\":"
                                + "\"order\",\"medicationReference\":{\"reference\":\"Medication/m1\"}," + subject
                                + ",\"dosageInstruction\":[{\"asNeededCodeableConcept\":{\"text\":\"agitation\"}}]}",
                        "{\"resourceType\":\"MedicationAdministration\",\"id\":\"a1\",\"status\":\"completed\","
                                + "\"medicationCodeableConcept\":{\"text\":\"lorazepam\"}," + subject
                                + ",\"effectivePeriod\":{\"start\":\"2024-01-02T22:00:00Z\"},\"request\":{"
                                + "\"reference\":\"MedicationRequest/r1\"},\"reasonReference\":[{\"reference\":"
                                + "\"Condition/c1\"}],\"dosage\":{\"route\":{\"text\":\"IM\"},\"dose\":{\"value\":2,"
                                + "\"unit\":\"g\"}}}",
                        // a report with its text, and one whose conclusion stands in for it
                        "{\"resourceType\":\"DiagnosticReport\",\"id\":\"dr1\",\"status\":\"final\",\"code\":{"
                                + "\"text\":\"Discharge summary\"}," + subject + ",\"effectiveDateTime\":"
                                + "\"2024-01-09T12:00:00Z\",\"presentedForm\":[{\"contentType\":\"text/plain\","
                                + "\"data\":\"" + base64("Tied a ligature on the ward.") + "\"}]}",
                        "{\"resourceType\":\"DiagnosticReport\",\"id\":\"dr2\",\"status\":\"final\",\"code\":{"
                                + "\"text\":\"ECG\"}," + subject + ",\"issued\":\"2024-01-09T12:00:00.5Z\","
                                + "\"conclusion\":\"QTc 520 ms\"}",
                        // an encounter whose ward and provider are named, and one refused as not inpatient
                        "{\"resourceType\":\"Encounter\",\"id\":\"e1\",\"status\":\"finished\",\"class\":{"
                                + "\"code\":\"IMP\"}," + subject
                                + ",\"period\":{\"start\":\"2024-01-01T10:00:00+08:00\","
                                + "\"end\":\"2024-01-09\"},\"hospitalization\":{\"dischargeDisposition\":{\"text\":"
                                + "\"Died\"}},\"location\":[{\"location\":{\"reference\":\"Location/w1\",\"display\":"
                                + "\"Ward 3\"}},{\"location\":{\"display\":\"Ward 4\"},\"status\":\"completed\"}],"
                                + "\"serviceProvider\":{\"display\":\"Acute hospital\"}}",
                        "{\"resourceType\":\"Encounter\",\"id\":\"e2\",\"status\":\"entered-in-error\"," + subject
                                + "}",
                        "{\"resourceType\":\"Condition\",\"id\":\"c1\",\"verificationStatus\":{\"coding\":[{"
                                + "\"code\":\"refuted\"}]},\"code\":{\"text\":\"x\"}," + subject + "}",
                        "{\"resourceType\":\"Condition\",\"id\":\"c2\",\"code\":{\"coding\":[{\"system\":"
                                + "\"http://hl7.org/fhir/sid/icd-10\",\"code\":\"x780\"}]}," + subject
                                + ",\"onsetPeriod\":{\"start\":\"2024-01-02\"}}",
                        "{\"resourceType\":\"Procedure\",\"id\":\"p1\",\"status\":\"completed\",\"code\":{"
                                + "\"text\":\"Seclusion\"}," + subject + ",\"performedPeriod\":{\"start\":"
                                + "\"2024-01-02T10:00:00Z\",\"end\":\"2024-01-02T09:00:00Z\"}}",
                        "{\"resourceType\":\"MedicationAdministration\",\"id\":\"a2\",\"status\":\"completed\","
                                + "\"medicationReference\":{\"reference\":\"Medication/unknown\"}," + subject + "}"),
                false);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // a display on a reference can be the patient's name: the identifier scan must see it
                "{\"resourceType\":\"Observation\",\"id\":\"o\",\"status\":\"final\",\"code\":{\"text\":\"Na\"},"
                        + "\"subject\":{\"reference\":\"Patient/p\",\"display\":\"Jane Example\"}}",
                "{\"resourceType\":\"Observation\",\"id\":\"o\",\"status\":\"final\",\"code\":{\"text\":\"Na\"},"
                        + "\"note\":[{\"text\":\"haemolysed\"}]}",
                "{\"resourceType\":\"Observation\",\"id\":\"o\",\"performer\":[{\"reference\":\"Patient/p\","
                        + "\"display\":\"Jane Example\"}]}",
                "{\"resourceType\":\"Observation\",\"id\":\"o\",\"performer\":[{\"type\":\"Patient\","
                        + "\"display\":\"Jane Example\"}]}",
                "{\"resourceType\":\"Observation\",\"id\":\"o\",\"subject\":{\"reference\":\"Patient/p\","
                        + "\"identifier\":{\"value\":\"9434765919\"}}}",
                "{\"resourceType\":\"Observation\",\"id\":\"o\",\"identifier\":[{\"value\":\"9434765919\"}]}",
                // any identifier, even a pseudonymous one: the tables read no element the guard looks for
                "{\"resourceType\":\"Observation\",\"id\":\"o\",\"identifier\":[{\"system\":"
                        + "\"https://example.org/lab\",\"value\":\"L-0042\"}]}",
                // a urn: reference may be to the Bundle's Patient entry: only the scan, with the Bundle, can tell
                "{\"resourceType\":\"Observation\",\"id\":\"o\",\"subject\":{\"reference\":\"urn:uuid:1\","
                        + "\"display\":\"Jane Example\"}}",
                "{\"resourceType\":\"Observation\",\"id\":\"o\",\"contained\":[{\"resourceType\":\"Patient\"}]}",
                "{\"resourceType\":\"Observation\",\"id\":\"o\",\"extension\":[{\"url\":\"http://x\"}]}",
                "{\"resourceType\":\"Observation\",\"id\":\"o\",\"text\":{\"status\":\"generated\",\"div\":"
                        + "\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">x</div>\"}}",
                "{\"resourceType\":\"Observation\",\"id\":\"o\",\"_status\":{\"extension\":[]}}",
                "{\"resourceType\":\"Observation\",\"id\":\"o\",\"status\":\"done\"}",
                "{\"resourceType\":\"Observation\",\"id\":\"o\",\"status\":\" final\"}",
                "{\"resourceType\":\"Observation\",\"id\":\"o\",\"status\":\"\"}",
                "{\"resourceType\":\"Observation\",\"id\":\"o\",\"status\":null}",
                "{\"resourceType\":\"Observation\",\"id\":\"o\",\"effectiveDateTime\":\"2024-13-45\"}",
                "{\"resourceType\":\"Observation\",\"id\":\"o\",\"valueQuantity\":{\"value\":\"7\"}}",
                "{\"resourceType\":\"Observation\",\"id\":\"o\",\"valueQuantity\":{\"value\":7,\"comparator\":\"<\"}}",
                "{\"resourceType\":\"Observation\",\"id\":\"o\",\"valueBoolean\":true}",
                "{\"resourceType\":\"Observation\",\"id\":\"o\",\"category\":[]}",
                "{\"resourceType\":\"Observation\",\"id\":\"o\",\"code\":{}}",
                "{\"resourceType\":\"Observation\",\"id\":\"o\",\"status\":\"final\",\"status\":\"final\"}",
                "{\"resourceType\":\"Observation\",\"resourceType\":\"Observation\",\"id\":\"o\"}",
                "{\"resourceType\":\"Observation\",\"id\":\"o\",\"code\":{\"text\":\"Na\",\"text\":\"K\"}}",
                "{\"resourceType\":\"Observation\",\"id\":\"o\",\"status\":\"final\",\"code\":{\"text\":\"Na\"},"
                        + "\"subject\":{\"reference\":\"Patient/p\"},\"encounter\":{\"reference\":\"Encounter/e\"},"
                        + "\"issued\":\"2024-03-01T10:00:00Z\",\"method\":{\"text\":\"m\"},"
                        + "\"bodySite\":{\"text\":\"arm\"},\"valueString\":\"x\",\"status\":\"final\"}",
                "{\"id\":\"o\",\"resourceType\":\"Observation\",\"status\":\"final\"}",
                "{\"resourceType\":\"Observation\",\"id\":\"urn:uuid:1\"}",
                "{\"resourceType\":\"Observation\",\"id\":\"o\"} trailing",
                "{\"resourceType\":\"Observation\",\"id\":\"o\"",
                "{\"resourceType\":\"DocumentReference\",\"id\":\"d\",\"content\":[{\"attachment\":{"
                        + "\"url\":\"http://x/note\"}}]}",
                "{\"resourceType\":\"DocumentReference\",\"id\":\"d\",\"content\":[{\"attachment\":{"
                        + "\"data\":\"bm90\\nZQ==\"}}]}",
                "{\"resourceType\":\"DocumentReference\",\"id\":\"d\",\"masterIdentifier\":{\"value\":\"x\"}}",
                "{\"resourceType\":\"MedicationRequest\",\"id\":\"r\",\"intent\":\"wish\"}",
                "{\"resourceType\":\"MedicationRequest\",\"id\":\"r\",\"dosageInstruction\":[{\"timing\":{"
                        + "\"code\":{\"text\":\"BD\"}}}]}",
                "{\"resourceType\":\"MedicationRequest\",\"id\":\"r\",\"dosageInstruction\":[{\"asNeededBoolean\":"
                        + "\"yes\"}]}",
                "{\"resourceType\":\"Patient\",\"id\":\"p\"}",
                "{\"resourceType\":\"Encounter\",\"id\":\"e\",\"location\":[{\"location\":{\"reference\":"
                        + "\"Patient/p\",\"display\":\"Jane Example\"}}]}",
                "{\"resourceType\":\"Encounter\",\"id\":\"e\",\"subject\":{\"reference\":\"Patient/p\","
                        + "\"display\":\"Jane Example\"}}",
                "{\"resourceType\":\"Encounter\",\"id\":\"e\",\"identifier\":[{\"system\":"
                        + "\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9434765919\"}]}",
                "{\"resourceType\":\"Encounter\",\"id\":\"e\",\"identifier\":[{\"value\":\"S1234567D\"}]}",
                "[1, 2]"
            })
    void resourcesOutsideThePlainShape_areLeftToHapi(String json) {
        assertThat(read(json)).isNull();
    }

    /** The fast path on a resource's text, as the reader hands it over: UTF-8 bytes. */
    private static PlainResources.Plain read(String json) {
        return PlainResources.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
