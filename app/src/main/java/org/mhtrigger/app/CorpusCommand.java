package org.mhtrigger.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mhtrigger.corpus.BlindSetBuilder;
import org.mhtrigger.corpus.CorpusGenerator;
import org.mhtrigger.corpus.GenerationSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mhtrigger corpus}: the synthetic corpus and its gold labels. */
@Command(
        name = "corpus",
        mixinStandardHelpOptions = true,
        description = "Synthetic mental-health inpatient records with gold labels (no real patient data).",
        subcommands = {CorpusCommand.Generate.class, CorpusCommand.Blind.class, CommandLine.HelpCommand.class})
final class CorpusCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (see --help)");
    }

    /** {@code mhtrigger corpus generate}: writes a deterministic synthetic corpus. */
    @Command(
            name = "generate",
            mixinStandardHelpOptions = true,
            description = {
                "Generates synthetic adult psychiatric inpatient stays as FHIR R4 JSON, with gold.csv, mentions.csv, "
                        + "gold-sources.csv and hard-negatives.csv beside them. The same seed gives byte-identical output. The "
                        + "export is taken on a fixed day, " + CorpusGenerator.EXPORT_DAY
                        + ": every stay is closed by then.",
                "",
                "Seeds 1-99 are for development; seeds 1000-1009 are held back for evaluation: never tune lexicons "
                        + "or rules on them."
            })
    static final class Generate implements Callable<Integer> {
        @Option(
                names = "--stays",
                paramLabel = "N",
                defaultValue = "200",
                description = "Number of inpatient stays (records) (default: ${DEFAULT-VALUE}).")
        int stays;

        @Option(
                names = "--seed",
                paramLabel = "S",
                defaultValue = "1",
                description = "Corpus seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder.")
        Path out;

        @Option(
                names = "--format",
                paramLabel = "FORMAT",
                defaultValue = "bundle",
                converter = FormatConverter.class,
                description = "bundle (one Bundle per patient) or ndjson (one file per resource type) "
                        + "(default: ${DEFAULT-VALUE}).")
        CorpusGenerator.Format format;

        @Option(
                names = "--traps",
                paramLabel = "WHICH",
                defaultValue = "default",
                converter = TrapsConverter.class,
                description =
                        "Gold-negative trap sentences planted in routine notes (negated after the term, form lines,"
                                + " word sense, dated before admission, conditional plans, entered in error, previous stays):"
                                + " none, default (the rows marked on in traps.tsv) or all (default: ${DEFAULT-VALUE}).")
        CorpusGenerator.Traps traps;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (stays < 1) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--stays " + stays + " must be at least 1");
            }
            PrintWriter err = spec.commandLine().getErr();
            long started = System.nanoTime();
            long[] lastReport = {started};
            GenerationSummary summary = new CorpusGenerator(
                            CorpusGenerator.Settings.of(stays, seed, format).withTraps(traps))
                    .generate(out, (written, total) -> {
                        long now = System.nanoTime();
                        if (now - lastReport[0] > 1_000_000_000L || written == total) {
                            lastReport[0] = now;
                            double seconds = Math.max(1e-9, (now - started) / 1e9);
                            err.printf(
                                    Locale.ROOT,
                                    "\rcorpus: %d/%d stays (%.0f stays/s)",
                                    written,
                                    total,
                                    written / seconds);
                            err.flush();
                        }
                    });
            double seconds = (System.nanoTime() - started) / 1e9;
            err.println();
            spec.commandLine()
                    .getOut()
                    .printf(
                            Locale.ROOT,
                            "generated %d stays of %d patients (seed %d, %s): %d resources, %d notes, %d gold rows, "
                                    + "%d mentions, %.1f MB in %.1f s -> %s%n",
                            summary.stays(),
                            summary.patients(),
                            seed,
                            format.name().toLowerCase(Locale.ROOT),
                            summary.resources(),
                            summary.notes(),
                            summary.goldRows(),
                            summary.mentions(),
                            summary.bytes() / 1e6,
                            seconds,
                            out);
            return Main.OK;
        }
    }

    /** {@code mhtrigger corpus blind}: builds the blind sentence set into one-note stays with gold. */
    @Command(
            name = "blind",
            mixinStandardHelpOptions = true,
            description = {
                "Builds a blind sentence set (TSV: id, voice, note_type, note_day, text, expected, trap_class) into "
                        + "one-note FHIR R4 inpatient stays: DIR/stays/*.ndjson, and DIR/gold.csv (record,trigger). "
                        + "Each sentence is a stay admitted 2025-03-10 08:00 and discharged 2025-03-24 10:00 local "
                        + "time, with a risk assessment and a care plan on the day of admission; record blind-<id>. "
                        + "The same file gives byte-identical output.",
                "",
                "The committed set is corpus-samples/blind: never tune lexicons, cues or rules on it before its "
                        + "untuned figure is recorded (see its README)."
            })
    static final class Blind implements Callable<Integer> {
        @Option(names = "--in", paramLabel = "FILE", required = true, description = "The sentence file (TSV).")
        Path in;

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder.")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            long started = System.nanoTime();
            BlindSetBuilder.Summary summary = new BlindSetBuilder().build(in, out);
            spec.commandLine()
                    .getOut()
                    .printf(
                            Locale.ROOT,
                            "built %d one-note stays: %d resources, %d gold rows in %.1f s -> %s%n",
                            summary.stays(),
                            summary.resources(),
                            summary.goldRows(),
                            (System.nanoTime() - started) / 1e9,
                            out);
            return Main.OK;
        }
    }

    /** Accepts {@code bundle} / {@code ndjson} in any case. */
    static final class FormatConverter implements CommandLine.ITypeConverter<CorpusGenerator.Format> {
        @Override
        public CorpusGenerator.Format convert(String value) {
            return lowerCase(CorpusGenerator.Format.class, "format", value);
        }
    }

    static final class TrapsConverter implements CommandLine.ITypeConverter<CorpusGenerator.Traps> {
        @Override
        public CorpusGenerator.Traps convert(String value) {
            return lowerCase(CorpusGenerator.Traps.class, "traps", value);
        }
    }

    /** The constant {@code value} names in lower case, or a one-line error listing them all. */
    private static <E extends Enum<E>> E lowerCase(Class<E> type, String option, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT))
                    .toList();
            throw new CommandLine.TypeConversionException(option + " '" + value + "' must be "
                    + String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast());
        }
    }
}
