package org.mhtrigger.fhir.internal.spill;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RouteSkim} either reads a line exactly as {@link Route#scan} does with Jackson, or leaves it to Jackson: it
 * never accepts a line Jackson refuses, and never routes one differently.
 */
class RouteSkimTest {
    private static final ObjectMapper SCANNER = new ObjectMapper();

    /** What the routing pass found before the skim: Jackson's scan, {@code null} for a line it cannot read. */
    private static Route jackson(byte[] line) {
        try (JsonParser parser = SCANNER.createParser(line)) {
            return Route.scan(parser);
        } catch (IOException e) {
            return null;
        }
    }

    private static void assertAgrees(byte[] line) {
        Route quick = RouteSkim.route(line);
        if (quick != null) {
            assertThat(quick)
                    .as("skim of %s", new String(line, StandardCharsets.UTF_8))
                    .isEqualTo(jackson(line));
        }
    }

    private static List<byte[]> sampleLines() throws IOException {
        return SampleLines.all();
    }

    @Test
    void everyLineOfTheSample_isSkimmed_andRoutedAsJacksonRoutesIt() throws IOException {
        List<byte[]> lines = sampleLines();
        int skimmed = 0;
        for (byte[] line : lines) {
            Route quick = RouteSkim.route(line);
            if (quick != null) {
                skimmed++;
                assertThat(quick).isEqualTo(jackson(line));
            }
        }
        assertThat(lines).hasSizeGreaterThan(8_000);
        assertThat(skimmed).isEqualTo(lines.size()); // the generator writes plain ASCII JSON
    }

    @Test
    void mutatedLines_areEitherLeftToJacksonOrReadAsItReadsThem() throws IOException {
        Random random = new Random(20261124L);
        List<byte[]> lines = sampleLines();
        byte[] alphabet = "{}[]\":, \t\\/-+.0123456789eEtrufalsnxPQ\u0001".getBytes(StandardCharsets.ISO_8859_1);
        int mutants = 0;
        int skimmed = 0;
        for (int round = 0; round < 60_000; round++) {
            byte[] line = lines.get(random.nextInt(lines.size()));
            byte[] mutant = switch (random.nextInt(5)) {
                case 0 -> replace(line, random, alphabet);
                case 1 -> insert(line, random, alphabet);
                case 2 -> delete(line, random);
                case 3 -> java.util.Arrays.copyOf(line, random.nextInt(line.length));
                default -> {
                    byte[] once = replace(line, random, alphabet);
                    yield random.nextBoolean() ? once : replace(once, random, new byte[] {(byte) 0xC3, (byte) 0xFF});
                }
            };
            mutants++;
            if (RouteSkim.route(mutant) != null) {
                skimmed++;
            }
            assertAgrees(mutant);
        }
        assertThat(mutants).isEqualTo(60_000);
        assertThat(skimmed).as("the mutants still read by the skim").isGreaterThan(5_000);
    }

    private static byte[] replace(byte[] line, Random random, byte[] alphabet) {
        byte[] out = line.clone();
        out[random.nextInt(out.length)] = alphabet[random.nextInt(alphabet.length)];
        return out;
    }

    private static byte[] insert(byte[] line, Random random, byte[] alphabet) {
        int at = random.nextInt(line.length + 1);
        byte[] out = new byte[line.length + 1];
        System.arraycopy(line, 0, out, 0, at);
        out[at] = alphabet[random.nextInt(alphabet.length)];
        System.arraycopy(line, at, out, at + 1, line.length - at);
        return out;
    }

    private static byte[] delete(byte[] line, Random random) {
        int at = random.nextInt(line.length);
        byte[] out = new byte[line.length - 1];
        System.arraycopy(line, 0, out, 0, at);
        System.arraycopy(line, at + 1, out, at, line.length - at - 1);
        return out;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"resourceType\":\"Observation\",\"id\":\"o\",\"subject\":{\"reference\":\"Patient/a\"},"
                        + "\"subject\":{\"reference\":\"Patient/b\"}}",
                "{\"resourceType\":\"Observation\",\"subject\":{\"reference\":\"Patient/a\"},\"subject\":7}",
                "{\"resourceType\":\"Observation\",\"subject\":{\"reference\":\"Patient/a\",\"reference\":null}}",
                "{\"resourceType\":\"Observation\",\"patient\":{\"reference\":\"Patient/a\"}}",
                "{\"resourceType\":\"DocumentReference\",\"context\":{\"encounter\":[7,{\"reference\":\"Encounter/e\"},"
                        + "{\"reference\":\"Encounter/f\"}]}}",
                "{\"resourceType\":\"DocumentReference\",\"context\":{\"encounter\":[{\"reference\":\"Encounter/e\"}],"
                        + "\"encounter\":{\"reference\":\"Encounter/f\"}}}",
                "{\"resourceType\":\"DocumentReference\",\"context\":{\"reference\":\"\",\"encounter\":[{\"reference\":"
                        + "\"Encounter/e\"}]}}",
                "{\"resourceType\":\"MedicationAdministration\",\"context\":{\"reference\":\"Encounter/e\"}}",
                "{\"resourceType\":\"Observation\",\"id\":{\"subject\":{\"reference\":\"Patient/a\"}}}",
                "{\"resourceType\":\"Observation\",\"id\":[1],\"x\":2}",
                "{\"resourceType\":\"Observation\",\"id\":7}",
                "{\"resourceType\":7}",
                "{\"resourceType\":\"Observation\"} ",
                " \t{\"resourceType\":\"Observation\"}",
                "{\"resourceType\":\"Observation\"}{}",
                "{\"resourceType\":\"Observation\",}",
                "{\"resourceType\":\"Observation\",\"v\":01}",
                "{\"resourceType\":\"Observation\",\"v\":-0.5e+3,\"w\":[true,false,null],\"x\":{}}",
                "{\"resourceType\":\"Observation\",\"v\":1.}",
                "{\"resourceType\":\"Observation\",\"v\":tru}",
                "{\"resourceType\":\"Observation\",\"v\":truex}",
                "{\"resourceType\":\"Observation\",\"v\":\"a\\\"b\"}",
                "{\"resourceType\":\"Obs\\u0065rvation\"}",
                "{\"resourceType\":\"Observation\",\"subject\":{\"reference\":\"Patient\\/a\"}}",
                "[{\"resourceType\":\"Observation\"}]",
                "{\"id\":\"o\"}",
                ""
            })
    void craftedShapes_agreeWithJackson(String line) {
        assertAgrees(line.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theUsualShapes_areSkimmed() {
        for (String line : List.of(
                "{\"resourceType\":\"Observation\",\"id\":\"o\",\"subject\":{\"reference\":\"Patient/a\"},"
                        + "\"subject\":{\"reference\":\"Patient/b\"}}",
                "{\"resourceType\":\"DocumentReference\",\"context\":{\"encounter\":[7,{\"reference\":\"Encounter/e\"}]}}",
                "{\"resourceType\":\"Observation\",\"v\":-0.5e+3,\"w\":[true,false,null],\"x\":{}}")) {
            assertThat(RouteSkim.route(line.getBytes(StandardCharsets.UTF_8)))
                    .as(line)
                    .isNotNull();
        }
    }
}
