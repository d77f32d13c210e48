package org.mhtrigger.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.engine.screen.Finding;
import org.mhtrigger.engine.screen.Rejection;
import org.mhtrigger.engine.screen.Screener;
import org.mhtrigger.engine.screen.Screening;
import org.mhtrigger.fhir.CollectingListener;
import org.mhtrigger.fhir.FhirRecordReader;
import org.mhtrigger.fhir.ReadSummary;
import org.mhtrigger.fhir.ReaderOptions;
import org.mhtrigger.rules.DroolsTriggerEvaluator;
import org.mhtrigger.rules.RulesConfig;
import org.mhtrigger.testkit.ChildJvm;

/**
 * External check (issue 3): Synthea 3.3.0, a generator we did not write, makes a few patients with its self-harm and
 * mental-health modules; we read every bundle it writes and screen the stays the way {@code mhtrigger screen} does.
 *
 * <p>Synthea needs HAPI FHIR 6.1, so it runs as a separate {@code java} process on its own classpath, {@code
 * target/synthea-lib}, which the build fills from {@code synthea/pom.xml} (maven-invoker-plugin) before the tests.
 * Without that folder this test fails: the check must not pass by not running.
 */
class SyntheaIngestTest {
    static final long SEED = 42;
    static final long CLINICIAN_SEED = 42;
    static final int POPULATION = 10;
    /** Reference and end date of the simulation, so the output does not depend on the day the test runs. */
    static final String REFERENCE_DATE = "20250101";
    /** Synthea's mental-health, self-harm and substance-use modules (its core Java modules always run). */
    static final List<String> MODULES = List.of(
            "self_harm",
            "veteran",
            "veteran_self_harm",
            "veteran_mdd",
            "veteran_ptsd",
            "veteran_substance_abuse_conditions",
            "veteran_substance_abuse_treatment",
            "opioid_addiction");

    static final long TIMEOUT_MINUTES = 5;

    /**
     * Rejections accepted when identifiers are stripped, by a fragment of the reason, with why the input is genuinely
     * invalid or out of scope. Empty: Synthea's bundles are read whole. Add an entry only with its justification.
     */
    static final Map<String, String> ACCEPTED_REJECTIONS = Map.of();

    private static Path bundles;
    private static ReadSummary summary;
    private static List<StayRecord> records;
    private static List<Rejection> rejections;
    private static List<Rejection> warnings;
    private static List<Screening> screenings;

    @BeforeAll
    static void generateWithSyntheaAndScreen() throws IOException, InterruptedException {
        bundles = runSynthea().resolve("fhir");

        // the wiring of app's Pipeline: reader + Lucene text matcher + Drools evaluator in an engine Screener
        RulesConfig rules = RulesConfig.defaults();
        FhirRecordReader reader = new FhirRecordReader(ReaderOptions.defaults().withStripIdentifiers(true));
        Screener screener = DroolsTriggerEvaluator.screener(rules);
        CollectingListener read = new CollectingListener();
        summary = reader.read(List.of(bundles), read);
        records = read.records();
        rejections = read.rejections();
        warnings = read.warnings();
        screenings = records.stream().map(screener::screen).toList();
        printFigures();
    }

    @Test
    void syntheaBundles_areReadWithoutRejections_whenIdentifiersAreStripped() {
        List<Rejection> unexpected = rejections.stream()
                .filter(r -> ACCEPTED_REJECTIONS.keySet().stream()
                        .noneMatch(fragment -> r.reason().contains(fragment)))
                .toList();
        assertThat(unexpected)
                .as("rejections of Synthea's valid resources (seed %d, %d patients)", SEED, POPULATION)
                .isEmpty();
        assertThat(summary.resources()).isGreaterThan(1000);
    }

    @Test
    void syntheaBundles_withoutStripping_areRefusedOnlyForTheirIdentifiers() {
        CollectingListener read = new CollectingListener();
        new FhirRecordReader(ReaderOptions.defaults()).read(List.of(bundles), read);

        assertThat(read.records())
                .as("Synthea patients have names and addresses")
                .isEmpty();
        assertThat(read.rejections())
                .hasSize(records.size())
                .allSatisfy(r -> assertThat(r.reason()).contains("refused").contains("not anonymised"));
    }

    @Test
    void syntheaInpatientStays_areScreenedAsRecords_withTheirOtherEncounters() {
        assertThat(records)
                .as("inpatient stays read from Synthea (seed %d)", SEED)
                .isNotEmpty();
        assertThat(records)
                .allSatisfy(
                        r -> assertThat(r.stay().discharged()).isAfter(r.stay().admitted()));
        assertThat(records.stream().mapToInt(r -> r.otherEncounters().size()).sum())
                .as("emergency and other encounters linked to the stays")
                .isPositive();
        assertThat(screenings).hasSameSizeAs(records);
    }

    /**
     * Synthea writes each note twice (DocumentReference and DiagnosticReport.presentedForm) and every later note
     * repeats the earlier history ("Patient has a history of …"), so the same sentence reaches a record from several
     * resources. A reviewer should see one finding per trigger and sentence in a record, not one per copy.
     */
    @Test
    void repeatedNoteText_givesOneFindingPerTriggerAndSentence() {
        long repeatedMentions = screenings.stream()
                .flatMap(s -> s.mentions().stream()
                        .collect(Collectors.groupingBy(
                                h -> h.trigger() + " " + normalise(h.sentence()), Collectors.counting()))
                        .values()
                        .stream())
                .filter(copies -> copies > 1)
                .count();
        assertThat(repeatedMentions)
                .as("trigger sentences that reach a record from more than one resource (the case checked here)")
                .isPositive();

        Map<String, List<Finding>> bySentence = screenings.stream()
                .flatMap(s -> s.findings().stream())
                .filter(Finding::fromText)
                .collect(Collectors.groupingBy(
                        f -> f.record() + " " + f.trigger() + " " + normalise(f.evidence()),
                        TreeMap::new,
                        Collectors.toList()));
        Map<String, List<String>> duplicates = new TreeMap<>();
        bySentence.forEach((key, findings) -> {
            if (findings.size() > 1) {
                duplicates.put(
                        key, findings.stream().map(f -> f.source().toString()).toList());
            }
        });
        assertThat(duplicates)
                .as("findings repeating the same trigger and sentence in one record (Synthea seed %d)", SEED)
                .isEmpty();
    }

    private static String normalise(String sentence) {
        return sentence.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Runs Synthea in its own JVM and returns its output folder. */
    private static Path runSynthea() throws IOException, InterruptedException {
        Path lib = Path.of(System.getProperty("mhtrigger.synthea.lib", "target/synthea-lib"));
        Path out = Path.of(System.getProperty("mhtrigger.synthea.out", "target/synthea-out"));
        if (!Files.isRegularFile(lib.resolve("synthea-3.3.0.jar"))) {
            fail("Synthea 3.3.0 is not in " + lib.toAbsolutePath() + ": the corpus-samples build copies it there from"
                    + " synthea/pom.xml (maven-invoker-plugin, phase process-test-classes); run ./mvnw -pl"
                    + " corpus-samples verify and see target/synthea-build/synthea/build.log");
        }
        deleteRecursively(out);
        Files.createDirectories(out);
        Path keep = out.resolve("keep-mental-health.json");
        try (InputStream in = SyntheaIngestTest.class.getResourceAsStream("/synthea/keep-mental-health.json")) {
            assertThat(in).as("keep module on the test classpath").isNotNull();
            Files.copy(in, keep);
        }
        List<String> command = ChildJvm.command(
                List.of("-Xmx1g"),
                lib.toAbsolutePath() + "/*",
                "App",
                "-s",
                Long.toString(SEED),
                "-cs",
                Long.toString(CLINICIAN_SEED),
                "-r",
                REFERENCE_DATE,
                "-e",
                REFERENCE_DATE,
                "-p",
                Integer.toString(POPULATION),
                "-a",
                "18-80",
                "-m",
                String.join(":", MODULES),
                "-k",
                keep.toAbsolutePath().toString(),
                "--generate.veteran_population_override=true",
                "--generate.only_alive_patients=true",
                "--exporter.years_of_history=0",
                "--exporter.baseDirectory=" + out.toAbsolutePath(),
                "--exporter.fhir.export=true",
                "--exporter.fhir.transaction_bundle=false",
                "--exporter.hospital.fhir.export=false",
                "--exporter.practitioner.fhir.export=false");
        Path log = out.resolve("synthea.log");
        long started = System.nanoTime();
        Process synthea = new ProcessBuilder(command)
                .directory(out.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!synthea.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            synthea.destroyForcibly().waitFor();
            fail("Synthea (seed " + SEED + ") did not finish within " + TIMEOUT_MINUTES + " minutes; log: " + log);
        }
        assertThat(synthea.exitValue())
                .as("Synthea exit status (seed %d); last lines of %s:%n%s", SEED, log, tail(log))
                .isZero();
        System.out.printf(
                Locale.ROOT,
                "Synthea 3.3.0: %d patients (seed %d) in %.1f s%n",
                POPULATION,
                SEED,
                (System.nanoTime() - started) / 1e9);
        return out;
    }

    private static void printFigures() throws IOException {
        long files;
        try (Stream<Path> walk = Files.list(bundles)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).count();
        }
        Map<String, Long> findings = screenings.stream()
                .flatMap(s -> s.findings().stream())
                .collect(Collectors.groupingBy(
                        f -> f.trigger() + (f.fromText() ? " (text)" : ""), TreeMap::new, Collectors.counting()));
        Map<String, Long> suppressed = screenings.stream()
                .flatMap(s -> s.suppressed().stream())
                .collect(Collectors.groupingBy(
                        h -> h.trigger() + " " + h.assertion(), TreeMap::new, Collectors.counting()));
        Map<String, Long> warningReasons = warnings.stream()
                .collect(Collectors.groupingBy(
                        w -> w.reason().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>"),
                        TreeMap::new,
                        Collectors.counting()));
        System.out.printf(
                Locale.ROOT,
                "read %d bundles, %d resources: %d records, %d rejected, %d warnings%n"
                        + "findings: %s%nsuppressed mentions: %s%nwarnings: %s%n",
                files,
                summary.resources(),
                records.size(),
                rejections.size(),
                warnings.size(),
                findings,
                suppressed,
                warningReasons);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(log cannot be read: " + e.getClass().getSimpleName() + ")";
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
