package org.mhtrigger.corpus;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mhtrigger.corpus.internal.Json;
import org.mhtrigger.corpus.internal.Mention;
import org.mhtrigger.corpus.internal.PatientPlan;
import org.mhtrigger.corpus.internal.PatientPlanner;
import org.mhtrigger.corpus.internal.PatientResource;
import org.mhtrigger.corpus.internal.StayGenerator;
import org.mhtrigger.corpus.internal.StayOutput;

/**
 * Generates a synthetic corpus of adult psychiatric inpatient stays as FHIR R4 JSON with gold labels. Thread-safe: it
 * holds only its settings. Output depends only on the settings: the same seed gives byte-identical files, and stay
 * {@code i} is the same whatever the number of stays. Streams to disk: only the patient being written is in memory.
 *
 * <p>Files written to the output folder:
 *
 * <ul>
 *   <li>{@code bundles/000/p-000001.json}: one {@code collection} Bundle per patient, at most 1000 per folder
 *       ({@link Format#BUNDLE}); or {@code Patient.ndjson}, {@code Encounter.ndjson}, ... one per resource type
 *       ({@link Format#NDJSON});
 *   <li>{@code gold.csv} ({@code record,trigger}), {@code mentions.csv}
 *       ({@code record,note,start,end,trigger,assertion}), {@code gold-sources.csv}
 *       ({@code record,trigger,text,structured}) and {@code hard-negatives.csv} ({@code record,trigger,kind,resource}).
 * </ul>
 */
public final class CorpusGenerator {
    /**
     * The day every generated export is taken (ISO date): no stay, emergency visit after discharge or death within
     * follow-up ends later. Fixed, so that a seed gives the same corpus whenever it is generated.
     */
    public static final String EXPORT_DAY = "2026-06-30";

    /** How resources are packaged. */
    public enum Format {
        /** One FHIR collection Bundle per patient, pretty-printed. */
        BUNDLE,
        /** FHIR Bulk Data style: one NDJSON file per resource type. */
        NDJSON
    }

    /**
     * Which trap sentences to write into notes: sentences that look like a trigger but describe no event of the stay
     * (negation after the term, risk form lines, another word sense, an event dated before admission, a conditional
     * plan, an entry made in error, an event of a previous admission). Traps are gold-negative.
     */
    public enum Traps {
        /** No traps: the corpus as it was before traps were added. */
        NONE,
        /** The traps the text engine reads right today (rows marked {@code on} in traps.tsv): the regression corpus. */
        DEFAULT,
        /** Also the traps the text engine misreads today (rows marked {@code off}): for measuring work on them. */
        ALL
    }

    /**
     * What to generate. Immutable.
     *
     * @param stays number of psychiatric inpatient stays (records), at least 1
     * @param seed the corpus seed; development seeds are 1-99, 1000-1009 are held back for evaluation
     * @param format bundle or NDJSON
     * @param firstId offset added to every identifier number (stay 0 becomes {@code e-(firstId+1)}), so that corpora
     *     can be combined without clashes; content does not depend on it
     * @param traps which trap sentences to write; traps draw from their own random stream, so the rest of each stay
     *     is the same whatever this is
     */
    public record Settings(int stays, long seed, Format format, long firstId, Traps traps) {
        public Settings {
            if (stays < 1) {
                throw new IllegalArgumentException("stays " + stays + " must be at least 1");
            }
            if (format == null) {
                throw new IllegalArgumentException("format must not be null");
            }
            if (firstId < 0) {
                throw new IllegalArgumentException("firstId " + firstId + " must not be negative");
            }
            if (traps == null) {
                throw new IllegalArgumentException("traps must not be null");
            }
        }

        /** With the default traps. */
        public Settings(int stays, long seed, Format format, long firstId) {
            this(stays, seed, format, firstId, Traps.DEFAULT);
        }

        /** {@code stays} stays from {@code seed} as Bundles, identifiers from {@code e-000001}, default traps. */
        public static Settings of(int stays, long seed, Format format) {
            return new Settings(stays, seed, format, 0, Traps.DEFAULT);
        }

        /** These settings with other traps. */
        public Settings withTraps(Traps traps) {
            return new Settings(stays, seed, format, firstId, traps);
        }
    }

    /** Told after each patient is written. */
    @FunctionalInterface
    public interface Progress {
        /** Reports nothing. */
        Progress NONE = (written, total) -> {};

        void staysWritten(int written, int total);
    }

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final int FILES_PER_FOLDER = 1000;

    private final Settings settings;

    public CorpusGenerator(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** Writes the corpus into {@code outDir} (created if needed; existing files of the same name are replaced). */
    public GenerationSummary generate(Path outDir, Progress progress) throws IOException {
        Files.createDirectories(outDir);
        PatientPlanner planner = new PatientPlanner(settings.seed());
        StayGenerator stays = new StayGenerator(
                settings.seed(), settings.firstId(), settings.traps() != Traps.NONE, settings.traps() == Traps.ALL);
        Counts counts = new Counts();
        try (Gold gold = new Gold(outDir, counts);
                Sink sink = settings.format() == Format.BUNDLE
                        ? new BundleSink(outDir, counts)
                        : new NdjsonSink(outDir, counts)) {
            int index = 0;
            int patients = 0;
            while (index < settings.stays()) {
                PatientPlan patient = planner.plan(index, settings.firstId());
                int emit = Math.min(patient.stays().size(), settings.stays() - index);
                List<StayOutput> outputs = new ArrayList<>(emit);
                for (int j = 0; j < emit; j++) {
                    outputs.add(stays.generate(patient, patient.stays().get(j)));
                }
                sink.write(patients, PatientResource.of(patient), outputs);
                gold.write(outputs);
                patients++;
                index += patient.stays().size();
                progress.staysWritten(Math.min(index, settings.stays()), settings.stays());
            }
            counts.patients = patients;
        }
        return new GenerationSummary(
                settings.stays(),
                counts.patients,
                counts.resources,
                counts.notes,
                counts.goldRows,
                counts.mentions,
                counts.bytes);
    }

    private static final class Counts {
        int patients;
        long resources;
        long notes;
        long goldRows;
        long mentions;
        long bytes;
    }

    private interface Sink extends AutoCloseable {
        void write(int patientOrdinal, Json patient, List<StayOutput> stays) throws IOException;

        @Override
        void close() throws IOException;
    }

    /** Counts bytes so the summary can report the corpus size without listing the folder. */
    private static final class CountingStream extends BufferedOutputStream {
        private final Counts counts;

        CountingStream(OutputStream out, Counts counts) {
            super(out, 1 << 16);
            this.counts = counts;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            counts.bytes++;
            super.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            counts.bytes += len;
            super.write(b, off, len);
        }
    }

    private static final class BundleSink implements Sink {
        private final Path root;
        private final Counts counts;
        private final DefaultPrettyPrinter pretty;

        BundleSink(Path outDir, Counts counts) {
            this.root = outDir.resolve("bundles");
            this.counts = counts;
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            this.pretty =
                    new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter);
        }

        @Override
        public void write(int patientOrdinal, Json patient, List<StayOutput> stays) throws IOException {
            Path folder = root.resolve(String.format("%03d", patientOrdinal / FILES_PER_FOLDER));
            Files.createDirectories(folder);
            String id = (String) patient.get("id");
            try (OutputStream out = new CountingStream(Files.newOutputStream(folder.resolve(id + ".json")), counts);
                    JsonGenerator generator = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                generator.setPrettyPrinter(pretty);
                generator.writeStartObject();
                generator.writeStringField("resourceType", "Bundle");
                generator.writeStringField("id", "b-" + id);
                generator.writeStringField("type", "collection");
                generator.writeArrayFieldStart("entry");
                entry(generator, patient);
                for (StayOutput stay : stays) {
                    for (Json resource : stay.resources()) {
                        entry(generator, resource);
                    }
                }
                generator.writeEndArray();
                generator.writeEndObject();
                generator.writeRaw('\n');
            }
        }

        private void entry(JsonGenerator generator, Json resource) throws IOException {
            counts.resources++;
            if ("DocumentReference".equals(resource.get("resourceType"))) {
                counts.notes++;
            }
            generator.writeStartObject();
            generator.writeStringField(
                    "fullUrl",
                    "http://mhtrigger.invalid/fhir/" + resource.get("resourceType") + "/" + resource.get("id"));
            generator.writeFieldName("resource");
            resource.write(generator);
            generator.writeEndObject();
        }

        @Override
        public void close() {}
    }

    private static final class NdjsonSink implements Sink {
        private final Path outDir;
        private final Counts counts;
        private final Map<String, JsonGenerator> files = new TreeMap<>();

        NdjsonSink(Path outDir, Counts counts) {
            this.outDir = outDir;
            this.counts = counts;
        }

        @Override
        public void write(int patientOrdinal, Json patient, List<StayOutput> stays) throws IOException {
            line(patient);
            for (StayOutput stay : stays) {
                for (Json resource : stay.resources()) {
                    line(resource);
                }
            }
        }

        private void line(Json resource) throws IOException {
            String type = (String) resource.get("resourceType");
            JsonGenerator generator = files.get(type);
            if (generator == null) {
                OutputStream out = new CountingStream(Files.newOutputStream(outDir.resolve(type + ".ndjson")), counts);
                generator = JSON.createGenerator(out, JsonEncoding.UTF8);
                generator.setRootValueSeparator(null);
                files.put(type, generator);
            }
            counts.resources++;
            if (type.equals("DocumentReference")) {
                counts.notes++;
            }
            resource.write(generator);
            generator.writeRaw('\n');
        }

        @Override
        public void close() throws IOException {
            Json.closeAll(files.values());
        }
    }

    /** The four gold files, appended stay by stay (stays arrive in record order, so the files come out sorted). */
    private static final class Gold implements AutoCloseable {
        private final Writer gold;
        private final Writer mentions;
        private final Writer sources;
        private final Writer negatives;
        private final Counts counts;

        Gold(Path outDir, Counts counts) throws IOException {
            this.counts = counts;
            gold = open(outDir.resolve("gold.csv"), "record,trigger");
            mentions = open(outDir.resolve("mentions.csv"), "record,note,start,end,trigger,assertion");
            sources = open(outDir.resolve("gold-sources.csv"), "record,trigger,text,structured");
            negatives = open(outDir.resolve("hard-negatives.csv"), "record,trigger,kind,resource");
        }

        private Writer open(Path path, String header) throws IOException {
            Writer writer = new BufferedWriter(new OutputStreamWriter(
                    new CountingStream(Files.newOutputStream(path), counts), StandardCharsets.UTF_8));
            writer.write(header);
            writer.write('\n');
            return writer;
        }

        void write(List<StayOutput> stays) throws IOException {
            for (StayOutput stay : stays) {
                if (stay.sources().isEmpty()) {
                    gold.write(stay.record() + ",\n");
                    counts.goldRows++;
                }
                for (Map.Entry<String, boolean[]> entry : stay.sources().entrySet()) {
                    gold.write(stay.record() + "," + entry.getKey() + "\n");
                    sources.write(stay.record() + "," + entry.getKey() + "," + entry.getValue()[0] + ","
                            + entry.getValue()[1] + "\n");
                    counts.goldRows++;
                }
                for (Mention m : stay.mentions()) {
                    mentions.write(stay.record() + "," + m.note() + "," + m.start() + "," + m.end() + "," + m.trigger()
                            + "," + m.assertion().label() + "\n");
                    counts.mentions++;
                }
                for (StayOutput.HardNegative negative : stay.negatives()) {
                    negatives.write(stay.record() + "," + negative.trigger() + "," + negative.kind() + ","
                            + negative.resource() + "\n");
                }
            }
        }

        @Override
        public void close() throws IOException {
            try (gold;
                    mentions;
                    sources;
                    negatives) {
                // closes all four, in reverse order, even if one fails
            }
        }
    }
}
