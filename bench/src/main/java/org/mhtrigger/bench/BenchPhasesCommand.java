package org.mhtrigger.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mhtrigger.app.internal.Folders;
import org.mhtrigger.bench.internal.Benchmark;
import org.mhtrigger.corpus.CorpusGenerator;
import org.mhtrigger.corpus.GenerationSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mhtrigger bench-phases}: inside one warm JVM, the pipeline's phases apart (reading, screening) next to a Lucene
 * indexing baseline. Information for whoever tunes a phase; the headline figure is {@link BenchCommand}'s.
 */
@Command(
        name = "bench-phases",
        mixinStandardHelpOptions = true,
        description = {
            "Generates a synthetic corpus and measures, in one run: the full screening pipeline (stays/s, MB/s of "
                    + "note text, peak heap) on 1 and 2 threads, reading the FHIR into records alone on 1 and 2 "
                    + "threads, screening of records already read on 1 and 2 threads, "
                    + "and the baseline of indexing the same note text with Lucene's StandardAnalyzer into an "
                    + "in-memory directory. Ends with the pipeline / baseline ratio. Memory stays bounded: the corpus "
                    + "is streamed, never held whole. Before measuring, the same phases run once, untimed, on a "
                    + "smaller corpus of other stays (--warm-up), so the figures are those of compiled code on both "
                    + "sides of the ratio.",
            "Run it on an idle machine; the figures are for comparison within one run, not absolute."
        })
final class BenchPhasesCommand implements Callable<Integer> {
    @Option(
            names = "--stays",
            defaultValue = "20000",
            paramLabel = "N",
            description = "Stays to generate and screen " + "(default: ${DEFAULT-VALUE}).")
    int stays;

    @Option(
            names = "--seed",
            defaultValue = "7",
            paramLabel = "S",
            description = "Corpus seed (default: " + "${DEFAULT-VALUE}, a development seed).")
    long seed;

    @Option(
            names = "--warm-up",
            defaultValue = "6000",
            paramLabel = "N",
            description = "Stays of a separate corpus (seed S + 1) run through every phase, untimed, before measuring; "
                    + "at most --stays; 0 for none (default: ${DEFAULT-VALUE}).")
    int warmUp;

    @Option(
            names = "--keep",
            paramLabel = "DIR",
            description =
                    "Generate the corpus into DIR and keep it (default: a " + "temporary folder, removed afterwards).")
    Path keep;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (stays < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--stays must be at least 1");
        }
        if (warmUp < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--warm-up must be 0 or more");
        }
        Path dir = keep != null ? keep : Files.createTempDirectory("mhtrigger-bench");
        try {
            int warmUpStays = Math.min(warmUp, stays);
            if (warmUpStays > 0) {
                warmUp(warmUpStays, err);
            }
            err.printf(Locale.ROOT, "generating %d stays (seed %d)...%n", stays, seed);
            GenerationSummary corpus = new CorpusGenerator(
                            CorpusGenerator.Settings.of(stays, seed, CorpusGenerator.Format.NDJSON))
                    .generate(dir, CorpusGenerator.Progress.NONE);
            Runtime runtime = Runtime.getRuntime();
            out.printf(
                    Locale.ROOT,
                    "machine: %d cores, max heap %d MB, Java %s; corpus: %d stays, %d notes, %.1f MB of FHIR NDJSON;"
                            + " warm-up: %d other stays, untimed%n",
                    runtime.availableProcessors(),
                    runtime.maxMemory() >> 20,
                    System.getProperty("java.version"),
                    corpus.stays(),
                    corpus.notes(),
                    corpus.bytes() / 1e6,
                    warmUpStays);
            Benchmark bench = new Benchmark(out);
            err.println("measuring the full pipeline on 1 thread...");
            Benchmark.Figures pipeline = bench.pipeline(List.of(dir), 1, err);
            bench.print(pipeline);
            err.println("measuring the full pipeline on 2 threads...");
            Benchmark.Figures pipelineTwo = bench.pipeline(List.of(dir), 2, err);
            bench.print(pipelineTwo);
            err.println("measuring reading alone on 1 and 2 threads...");
            bench.print(bench.reading(List.of(dir), 1));
            bench.print(bench.reading(List.of(dir), 2));
            err.println("measuring screening of records in memory on 1 and 2 threads, and the Lucene baseline...");
            Benchmark.InMemory inMemory = bench.inMemory(List.of(dir));
            bench.print(inMemory.oneThread());
            bench.print(inMemory.twoThreads());
            bench.print(inMemory.baseline());
            double baseline = inMemory.baseline().megabytesPerSecond();
            out.printf(
                    Locale.ROOT,
                    "ratio pipeline / baseline (MB/s of note text): %.3f%n",
                    pipeline.megabytesPerSecond() / baseline);
            out.printf(
                    Locale.ROOT,
                    "pipeline on 2 threads / baseline on 1 (MB/s of note text): %.3f%n",
                    pipelineTwo.megabytesPerSecond() / baseline);
            return BenchMain.OK;
        } finally {
            if (keep == null) {
                Folders.deleteQuietly(dir);
            }
        }
    }

    /**
     * Runs every measured phase once on a corpus of other stays, so that what is measured next is compiled code: the
     * JIT would otherwise count against whichever phase runs first.
     */
    private void warmUp(int count, PrintWriter err) throws IOException {
        Path dir = Files.createTempDirectory("mhtrigger-bench-warm-up");
        try {
            err.printf(Locale.ROOT, "warming up on %d other stays (seed %d), untimed...%n", count, seed + 1);
            new CorpusGenerator(CorpusGenerator.Settings.of(count, seed + 1, CorpusGenerator.Format.NDJSON))
                    .generate(dir, CorpusGenerator.Progress.NONE);
            Benchmark untimed = new Benchmark(new PrintWriter(Writer.nullWriter()));
            untimed.pipeline(List.of(dir), 1, err);
            untimed.pipeline(List.of(dir), 2, err);
            untimed.reading(List.of(dir), 1);
            untimed.reading(List.of(dir), 2);
            untimed.inMemory(List.of(dir));
        } finally {
            Folders.deleteQuietly(dir);
        }
    }
}
