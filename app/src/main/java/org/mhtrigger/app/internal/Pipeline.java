package org.mhtrigger.app.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.mhtrigger.engine.record.Note;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.engine.screen.Rejection;
import org.mhtrigger.engine.screen.Screener;
import org.mhtrigger.engine.screen.Screening;
import org.mhtrigger.fhir.FhirRecordReader;
import org.mhtrigger.fhir.ReadSummary;
import org.mhtrigger.fhir.ReaderOptions;
import org.mhtrigger.fhir.RecordListener;
import org.mhtrigger.rules.DroolsTriggerEvaluator;
import org.mhtrigger.rules.RulesConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads FHIR input, screens each record and hands each screening to a consumer, reporting rejections, warnings and
 * progress on the diagnostic stream. With more than one thread, the reader parses the groups of a large input on that
 * many threads, records are screened on a pool, a bounded number at a time, and screenings still reach the consumer
 * on the calling thread in the order the reader delivers the records, so the output is the same whatever the thread
 * count. Not thread-safe: one per command run.
 */
public final class Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;

    private final FhirRecordReader reader;
    private final Screener screener;
    private final PrintWriter err;
    private final boolean quiet;
    private final int threads;

    /** A pipeline screening on as many threads as there are processors. */
    public Pipeline(boolean stripIdentifiers, Path rulesDir, Path mappingsDir, PrintWriter err, boolean quiet) {
        this(stripIdentifiers, rulesDir, mappingsDir, err, quiet, defaultThreads());
    }

    /**
     * @param threads 1 to read and screen on the calling thread; more to parse and to screen on that many threads each
     */
    public Pipeline(
            boolean stripIdentifiers, Path rulesDir, Path mappingsDir, PrintWriter err, boolean quiet, int threads) {
        this(stripIdentifiers, rulesDir, mappingsDir, err, quiet, threads, ReaderOptions.MAX_RESOURCE_BYTES);
    }

    /** @param maxResourceBytes the largest NDJSON line or {@code .json} file read (see {@link ReaderOptions}) */
    public Pipeline(
            boolean stripIdentifiers,
            Path rulesDir,
            Path mappingsDir,
            PrintWriter err,
            boolean quiet,
            int threads,
            long maxResourceBytes) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.threads = threads;
        RulesConfig rules = rulesDir == null ? RulesConfig.defaults() : RulesConfig.load(rulesDir);
        this.reader = new FhirRecordReader(new ReaderOptions(stripIdentifiers, mappingsDir)
                .withThreads(threads)
                .withMaxResourceBytes(maxResourceBytes));
        this.screener = DroolsTriggerEvaluator.screener(rules);
        this.err = Objects.requireNonNull(err, "err must not be null");
        this.quiet = quiet;
    }

    public String rulesetVersion() {
        return screener.rulesetVersion();
    }

    /** Runs over {@code inputs}; every screening goes to {@code sink} in the order the reader delivers records. */
    public Outcome run(List<Path> inputs, Consumer<Screening> sink) {
        return run(inputs, record -> true, sink);
    }

    /**
     * Runs over {@code inputs}, screening only the records {@code include} accepts (a pull from a server also brings
     * the patients' other stays, as context); every screening goes to {@code sink} in the order the reader delivers records.
     */
    public Outcome run(List<Path> inputs, Predicate<StayRecord> include, Consumer<Screening> sink) {
        long started = System.nanoTime();
        Counter counter = new Counter(started);
        ReadSummary summary;
        try (OrderedScreening screening = new OrderedScreening(
                screener,
                threads,
                s -> {
                    sink.accept(s);
                    counter.screened(s);
                },
                rejection -> {
                    counter.rejected++;
                    err.println("rejected: " + rejection);
                })) {
            summary = reader.read(inputs, listener(include, screening, counter));
            screening.finish();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.info(
                "screened {} records, {} findings, {} rejected inputs in {} s",
                counter.records,
                counter.findings,
                counter.rejected,
                String.format(java.util.Locale.ROOT, "%.2f", seconds));
        return new Outcome(
                summary,
                counter.records,
                counter.findings,
                counter.rejected,
                counter.perTrigger,
                seconds,
                counter.noteBytes);
    }

    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    private RecordListener listener(Predicate<StayRecord> include, OrderedScreening screening, Counter counter) {
        return new RecordListener() {
            @Override
            public void record(StayRecord record) {
                if (!include.test(record)) {
                    return;
                }
                counter.noteBytes += noteBytes(record);
                screening.submit(record);
            }

            @Override
            public void rejected(Rejection rejection) {
                counter.rejected++;
                err.println("rejected: " + rejection);
            }

            @Override
            public void warning(Rejection warning) {
                counter.warnings++;
                err.println("warning: " + warning);
            }
        };
    }

    /** The UTF-8 size of a record's note text, counted without encoding it. */
    public static long noteBytes(StayRecord record) {
        long bytes = 0;
        for (Note note : record.notes()) {
            String text = note.text();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    bytes++;
                } else if (c < 0x800) {
                    bytes += 2;
                } else if (Character.isHighSurrogate(c)) {
                    bytes += 4;
                    i++;
                } else {
                    bytes += 3;
                }
            }
        }
        return bytes;
    }

    /** Prints the end-of-run summary to the diagnostic stream. */
    public void printSummary(Outcome outcome) {
        if (quiet) {
            return;
        }
        err.printf(
                java.util.Locale.ROOT,
                "screened %d records in %.1f s (%.0f records/s, %.2f MB/s of note text): %d findings, %d rejected "
                        + "inputs, %d warnings%n",
                outcome.records(),
                outcome.seconds(),
                outcome.records() / Math.max(outcome.seconds(), 1e-9),
                outcome.noteBytes() / 1e6 / Math.max(outcome.seconds(), 1e-9),
                outcome.findings(),
                outcome.rejected(),
                outcome.summary().warnings());
        if (outcome.summary().identifiersStripped() > 0) {
            err.printf("stripped %d identifying elements%n", outcome.summary().identifiersStripped());
        }
        outcome.perTrigger().forEach((trigger, count) -> err.printf("  %-8s %d%n", trigger, count));
    }

    /** What one run did. */
    public record Outcome(
            ReadSummary summary,
            int records,
            long findings,
            int rejected,
            Map<String, Integer> perTrigger,
            double seconds,
            long noteBytes) {}

    private final class Counter {
        private final Map<String, Integer> perTrigger = new TreeMap<>();
        private long lastProgress;
        private int records;
        private long findings;
        private int rejected;
        private int warnings;
        private long noteBytes;
        private final long started;

        Counter(long started) {
            this.started = started;
            this.lastProgress = started;
        }

        void screened(Screening screening) {
            records++;
            findings += screening.findings().size();
            screening.findings().forEach(f -> perTrigger.merge(f.trigger(), 1, Integer::sum));
            long now = System.nanoTime();
            if (!quiet && now - lastProgress > PROGRESS_EVERY_NANOS) {
                lastProgress = now;
                double seconds = (now - started) / 1e9;
                err.printf(
                        java.util.Locale.ROOT,
                        "... %d records screened (%.0f records/s), %d findings%n",
                        records,
                        records / seconds,
                        findings);
                err.flush();
            }
        }
    }
}
