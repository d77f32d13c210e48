package org.mhtrigger.app.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
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
 * progress on the diagnostic stream. Not thread-safe: one per command run.
 */
public final class Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;

    private final FhirRecordReader reader;
    private final Screener screener;
    private final PrintWriter err;
    private final boolean quiet;

    public Pipeline(boolean stripIdentifiers, Path rulesDir, Path mappingsDir, PrintWriter err, boolean quiet) {
        RulesConfig rules = rulesDir == null ? RulesConfig.defaults() : RulesConfig.load(rulesDir);
        this.reader = new FhirRecordReader(new ReaderOptions(stripIdentifiers, mappingsDir));
        this.screener = DroolsTriggerEvaluator.screener(rules);
        this.err = Objects.requireNonNull(err, "err must not be null");
        this.quiet = quiet;
    }

    public String rulesetVersion() {
        return screener.rulesetVersion();
    }

    /** Runs over {@code inputs}; every screening goes to {@code sink} in input order. */
    public Outcome run(List<Path> inputs, Consumer<Screening> sink) {
        return run(inputs, record -> true, sink);
    }

    /**
     * Runs over {@code inputs}, screening only the records {@code include} accepts (a pull from a server also brings
     * the patients' other stays, as context); every screening goes to {@code sink} in input order.
     */
    public Outcome run(List<Path> inputs, Predicate<StayRecord> include, Consumer<Screening> sink) {
        long started = System.nanoTime();
        Counter counter = new Counter(started);
        ReadSummary summary = reader.read(inputs, new RecordListener() {
            @Override
            public void record(StayRecord record) {
                if (!include.test(record)) {
                    return;
                }
                Screening screening = screener.screen(record);
                sink.accept(screening);
                counter.screened(screening);
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
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.info(
                "screened {} records, {} findings, {} rejected inputs in {} s",
                counter.records,
                counter.findings,
                counter.rejected,
                String.format(java.util.Locale.ROOT, "%.2f", seconds));
        return new Outcome(summary, counter.records, counter.findings, counter.rejected, counter.perTrigger, seconds);
    }

    /** Prints the end-of-run summary to the diagnostic stream. */
    public void printSummary(Outcome outcome) {
        if (quiet) {
            return;
        }
        err.printf(
                java.util.Locale.ROOT,
                "screened %d records in %.1f s (%.0f records/s): %d findings, %d rejected inputs, %d warnings%n",
                outcome.records(),
                outcome.seconds(),
                outcome.records() / Math.max(outcome.seconds(), 1e-9),
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
            double seconds) {}

    private final class Counter {
        private final Map<String, Integer> perTrigger = new TreeMap<>();
        private long lastProgress;
        private int records;
        private long findings;
        private int rejected;
        private int warnings;
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
