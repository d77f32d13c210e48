package org.mhtrigger.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mhtrigger.app.internal.Folders;
import org.mhtrigger.bench.internal.MeasuredProcess;
import org.mhtrigger.corpus.CorpusGenerator;
import org.mhtrigger.corpus.GenerationSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mhtrigger bench}: the whole {@code screen} process against HAPI FHIR's parser alone ({@link HapiParse}) on the
 * same export and threads, run alternately as separate processes, as a user runs them. Not thread-safe: one per run.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measures what a user waits for: the whole 'mhtrigger screen' process (JVM start-up included) on an NDJSON "
                    + "export, against a program that only parses the same files with HAPI FHIR's JSON parser "
                    + "(NDJSON line by line, Bundles whole, nothing built), on the same number of threads. The two "
                    + "run alternately (pipeline, HAPI, pipeline, HAPI, ...), --runs pairs, each as its own process "
                    + "with the JVM options this one was started with.",
            "Prints each run (wall time, stays/s, MB/s of input, peak resident memory read from /proc), then the "
                    + "medians, the start-up time (the median 'mhtrigger --version' process, and a 'screen' of the "
                    + "hand-written stays), and last the ratio: median HAPI time / median pipeline time; above 1 the "
                    + "whole screen process is faster than HAPI merely parsing.",
            "Run it on an otherwise idle machine: the figures are wall times."
        })
final class BenchCommand implements Callable<Integer> {
    private static final Pattern SCREENED = Pattern.compile("screened (\\d+) records");
    private static final Pattern PARSED = Pattern.compile("parsed (\\d+) resources from (\\d+) files, (\\d+) failed");

    @Option(
            names = "--stays",
            defaultValue = "10000",
            paramLabel = "N",
            description = "Stays to generate as NDJSON (default: ${DEFAULT-VALUE}); ignored with --input.")
    int stays;

    @Option(
            names = "--seed",
            defaultValue = "7",
            paramLabel = "S",
            description = "Corpus seed (default: ${DEFAULT-VALUE}, a development seed).")
    long seed;

    @Option(
            names = "--runs",
            defaultValue = "3",
            paramLabel = "R",
            description = "Pairs of runs, pipeline then HAPI (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--threads",
            paramLabel = "T",
            description = "Threads of both sides (default: the number of processors).")
    Integer threads;

    @Option(
            names = "--input",
            paramLabel = "DIR",
            description = "An existing export (NDJSON or Bundles) to measure instead of a generated one.")
    Path input;

    @Option(
            names = "--keep",
            paramLabel = "DIR",
            description = "Generate the export into DIR and keep it (default: a temporary folder, removed afterwards).")
    Path keep;

    @Option(
            names = "--app-jar",
            paramLabel = "FILE",
            description = "The product jar to run (default: app/target/mhtrigger-app.jar of the checkout).")
    Path appJar;

    @Spec
    CommandSpec spec;

    private PrintWriter out;
    private PrintWriter err;

    /** One side's run. */
    private record Run(double seconds, long peakRssBytes, double cpuSeconds, double userSeconds) {
        Run(MeasuredProcess.Result result) {
            this(result.seconds(), result.peakRssBytes(), result.cpuSeconds(), result.userSeconds());
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        out = spec.commandLine().getOut();
        err = spec.commandLine().getErr();
        if (stays < 1) {
            throw new ParameterException(spec.commandLine(), "--stays " + stays + " must be at least 1");
        }
        if (runs < 1) {
            throw new ParameterException(spec.commandLine(), "--runs " + runs + " must be at least 1");
        }
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1) {
            throw new ParameterException(spec.commandLine(), "--threads " + threadCount + " must be at least 1");
        }
        if (input != null && !Files.isDirectory(input)) {
            throw new ParameterException(spec.commandLine(), "--input " + input + " is not a folder");
        }
        Path jar = appJar != null ? appJar : home().resolve("app/target/mhtrigger-app.jar");
        if (!Files.isRegularFile(jar)) {
            err.println("mhtrigger bench: the product jar " + jar + " is missing; build it (./mhtrigger build) or give "
                    + "--app-jar FILE");
            return BenchMain.USAGE;
        }
        Path work = Files.createTempDirectory("mhtrigger-bench");
        Path export = input != null ? input : keep != null ? keep : work.resolve("export");
        try {
            if (input == null) {
                err.printf(Locale.ROOT, "generating %d stays (seed %d)...%n", stays, seed);
                err.flush();
                GenerationSummary corpus = new CorpusGenerator(
                                CorpusGenerator.Settings.of(stays, seed, CorpusGenerator.Format.NDJSON))
                        .generate(export, CorpusGenerator.Progress.NONE);
                out.printf(
                        Locale.ROOT,
                        "export: %d generated stays (seed %d), %d notes, %.1f MB of FHIR NDJSON%n",
                        corpus.stays(),
                        seed,
                        corpus.notes(),
                        corpus.bytes() / 1e6);
            }
            Path small = smallExport(work);
            return measure(jar, export, small, threadCount, work);
        } finally {
            Folders.deleteQuietly(work);
        }
    }

    private int measure(Path jar, Path export, Path small, int threadCount, Path work)
            throws IOException, InterruptedException {
        long bytes = inputBytes(export);
        List<String> java = java();
        // the product runs as the launcher starts it (its batch options and start-up cache); HAPI on the JVM's defaults
        String[] productOptions = productOptions();
        List<String> product = concat(java, productOptions);
        String[] shortRun = shortRunOptions(bytes);
        String t = Integer.toString(threadCount);
        List<String> screen = concat(
                concat(product, shortRun),
                "-jar",
                jar.toString(),
                "screen",
                "--input",
                export.toString(),
                "--threads",
                t,
                "--out",
                work.resolve("findings.jsonl").toString());
        List<String> hapi = concat(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                HapiParse.class.getName(),
                "--threads",
                t,
                export.toString());
        List<String> version = concat(product, "-jar", jar.toString(), "--version");
        List<String> smallScreen = concat(
                concat(product, shortRunOptions(inputBytes(small))),
                "-jar",
                jar.toString(),
                "screen",
                "--input",
                small.toString(),
                "--threads",
                t,
                "--out",
                work.resolve("small.jsonl").toString());
        Runtime runtime = Runtime.getRuntime();
        out.printf(
                Locale.ROOT,
                "machine: %d processors, Java %s; both sides: %d thread(s), %.1f MB of input, JVM options: %s%n",
                runtime.availableProcessors(),
                System.getProperty("java.version"),
                threadCount,
                bytes / 1e6,
                String.join(" ", jvmOptions()));
        out.println("the product runs as ./mhtrigger starts it, with the JVM options "
                + (productOptions.length + shortRun.length == 0
                        ? "above only"
                        : String.join(" ", concat(List.of(productOptions), shortRun)) + " added")
                + "; the HAPI program runs with the options above only");
        out.flush();
        List<Run> pipelineRuns = new ArrayList<>();
        List<Run> hapiRuns = new ArrayList<>();
        List<Double> versionSeconds = new ArrayList<>();
        List<Double> smallSeconds = new ArrayList<>();
        int screened = -1;
        int smallStays = -1;
        for (int i = 1; i <= runs; i++) {
            err.printf(Locale.ROOT, "pair %d of %d: screen, then HAPI parse...%n", i, runs);
            err.flush();
            MeasuredProcess.Result a = run(screen, work, "screen");
            int records = screened(a, "screen");
            if (records < 0) {
                return BenchMain.FAILURE;
            }
            screened = records;
            pipelineRuns.add(new Run(a));
            print("pipeline (screen)", i, pipelineRuns.getLast(), screened, bytes);
            MeasuredProcess.Result b = run(hapi, work, "hapi");
            Matcher parsed = PARSED.matcher(b.stdoutText());
            if (b.exitCode() != 0 || !parsed.find()) {
                err.println("mhtrigger bench: the HAPI parse run failed (exit " + b.exitCode() + "): "
                        + lastLine(b.stderrText()));
                return BenchMain.FAILURE;
            }
            hapiRuns.add(new Run(b));
            print("HAPI parse only", i, hapiRuns.getLast(), screened, bytes);
            if (Long.parseLong(parsed.group(3)) > 0) {
                out.printf("  (HAPI could not parse %s of %s resources)%n", parsed.group(3), parsed.group(1));
            }
            MeasuredProcess.Result v = run(version, work, "version");
            if (v.exitCode() != 0) {
                err.println("mhtrigger bench: mhtrigger --version failed: " + lastLine(v.stderrText()));
                return BenchMain.FAILURE;
            }
            versionSeconds.add(v.seconds());
            MeasuredProcess.Result s = run(smallScreen, work, "small");
            smallStays = screened(s, "screen of the small export");
            if (smallStays < 0) {
                return BenchMain.FAILURE;
            }
            smallSeconds.add(s.seconds());
        }
        out.printf(Locale.ROOT, "medians of %d run(s):%n", runs);
        Run pipelineMedians = medians(pipelineRuns);
        Run hapiMedians = medians(hapiRuns);
        print("pipeline (screen)", 0, pipelineMedians, screened, bytes);
        print("HAPI parse only", 0, hapiMedians, screened, bytes);
        ratioLine(
                "CPU time (all threads, user and system; it moves less than wall time when the processors are shared)",
                hapiMedians.cpuSeconds(),
                pipelineMedians.cpuSeconds());
        ratioLine(
                "user CPU time (the programs' own work, without the kernel's clearing of memory and copying of files,"
                        + " which moves most between runs)",
                hapiMedians.userSeconds(),
                pipelineMedians.userSeconds());
        out.printf(
                Locale.ROOT,
                "start-up: 'mhtrigger --version' process %.2f s (JVM start and command line, the floor of any command);"
                        + " 'screen' of %d stays %.2f s (%.1fx --version; mostly fixed costs: rules, models, HAPI context)%n",
                median(versionSeconds),
                smallStays,
                median(smallSeconds),
                median(smallSeconds) / median(versionSeconds));
        out.println("ratio = median HAPI parse time / median pipeline time, whole processes on the same input and "
                + "threads; above 1.00 the whole screen is faster than HAPI merely parsing (goal: at least 1.00)");
        out.printf(
                Locale.ROOT, "ratio pipeline / HAPI parse: %.2f%n", hapiMedians.seconds() / pipelineMedians.seconds());
        out.flush();
        return BenchMain.OK;
    }

    private MeasuredProcess.Result run(List<String> command, Path work, String name)
            throws IOException, InterruptedException {
        return MeasuredProcess.run(command, work.resolve(name + ".out"), work.resolve(name + ".err"));
    }

    /** The records a screen run screened, or -1 (said on stderr) if it failed. */
    private int screened(MeasuredProcess.Result result, String what) throws IOException {
        Matcher m = SCREENED.matcher(result.stderrText());
        // exit 3 means some input was rejected and the rest screened: still a whole run
        if ((result.exitCode() != 0 && result.exitCode() != 3) || !m.find()) {
            err.println("mhtrigger bench: " + what + " failed (exit " + result.exitCode() + "): "
                    + lastLine(result.stderrText()));
            return -1;
        }
        return Integer.parseInt(m.group(1));
    }

    /** {@code <what>: HAPI parse / pipeline 0.97}, when both figures are known. */
    private void ratioLine(String what, double hapi, double pipeline) {
        if (hapi > 0 && pipeline > 0) {
            out.printf(Locale.ROOT, "%s: HAPI parse / pipeline %.2f%n", what, hapi / pipeline);
        }
    }

    /** Each figure's median over {@code runs}, figure by figure. */
    private static Run medians(List<Run> runs) {
        return new Run(
                median(runs, Run::seconds),
                (long) median(runs, Run::peakRssBytes),
                median(runs, Run::cpuSeconds),
                median(runs, Run::userSeconds));
    }

    private void print(String side, int run, Run figures, int stays, long bytes) {
        double seconds = figures.seconds();
        out.printf(
                Locale.ROOT,
                "%-8s %-18s %7.2f s %9.1f stays/s %7.1f MB/s of input  peak RSS %s  CPU %s%n",
                run == 0 ? "median" : "run " + run,
                side,
                seconds,
                stays / seconds,
                bytes / 1e6 / seconds,
                figures.peakRssBytes() < 0 ? "n/a" : (figures.peakRssBytes() >> 20) + " MB",
                figures.cpuSeconds() < 0 ? "n/a" : cpu(figures));
        out.flush();
    }

    /** {@code 18.1 s, user 16.9 s}, or without the user part where it is not known. */
    private static String cpu(Run figures) {
        return figures.userSeconds() < 0
                ? String.format(Locale.ROOT, "%.1f s", figures.cpuSeconds())
                : String.format(Locale.ROOT, "%.1f s, user %.1f s", figures.cpuSeconds(), figures.userSeconds());
    }

    /**
     * A small export for the start-up figure: the hand-written stays of the checkout when present (as a user's first
     * try would screen them), else 39 generated stays of another seed.
     */
    private Path smallExport(Path work) throws IOException {
        Path handwritten = home().resolve("corpus-samples/handwritten");
        if (Files.isDirectory(handwritten)) {
            return handwritten;
        }
        Path dir = work.resolve("small");
        new CorpusGenerator(CorpusGenerator.Settings.of(39, seed + 1, CorpusGenerator.Format.NDJSON))
                .generate(dir, CorpusGenerator.Progress.NONE);
        return dir;
    }

    /**
     * The JVM options the launcher starts {@code screen} with (its batch options, and its start-up cache when current):
     * it passes them to the bench, which starts the product's runs with them.
     */
    private static String[] productOptions() {
        String options =
                System.getProperty("mhtrigger.product-java-options", "").strip();
        return options.isEmpty() ? new String[0] : options.split("\\s+");
    }

    /**
     * The JVM options the launcher adds to a screen of {@code inputBytes} of FHIR files: its short-run options (the
     * quick compiler alone) up to its short-run size, none above it, as {@code ./mhtrigger screen} decides.
     */
    static String[] shortRunOptions(long inputBytes) {
        String options =
                System.getProperty("mhtrigger.short-run-java-options", "").strip();
        long limit = Long.parseLong(System.getProperty("mhtrigger.short-run-bytes", "-1"));
        return options.isEmpty() || inputBytes > limit ? new String[0] : options.split("\\s+");
    }

    private static Path home() {
        return Path.of(System.getProperty("mhtrigger.home", "."));
    }

    /** The java of this JVM with the options it was started with (the launcher's, MHTRIGGER_JAVA_OPTS). */
    private static List<String> java() {
        List<String> java = new ArrayList<>();
        java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        java.addAll(jvmOptions());
        return java;
    }

    private static List<String> jvmOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                // a debugger or profiler attached to the bench is not part of what is measured
                .filter(o -> !o.startsWith("-agentlib") && !o.startsWith("-agentpath") && !o.startsWith("-javaagent"))
                .toList();
    }

    private static long inputBytes(Path export) throws IOException {
        try (Stream<Path> files = Files.walk(export)) {
            return files.filter(Files::isRegularFile)
                    .filter(HapiParse::isFhir)
                    .mapToLong(f -> f.toFile().length())
                    .sum();
        }
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(Arrays.asList(more));
        return all;
    }

    private static <T> double median(List<T> values, ToDoubleFunction<T> value) {
        return median(values.stream().map(v -> value.applyAsDouble(v)).toList());
    }

    static double median(List<Double> values) {
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "(no output)" : lines.getLast();
    }
}
