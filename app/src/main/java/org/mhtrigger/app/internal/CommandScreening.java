package org.mhtrigger.app.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.mhtrigger.engine.record.Note;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.engine.screen.Screening;
import org.mhtrigger.fhir.ReadSummary;
import org.mhtrigger.screening.ListingListener;
import org.mhtrigger.screening.ScreeningOptions;
import org.mhtrigger.screening.ScreeningPipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A command's run of the {@link ScreeningPipeline}: each screening goes to the command's consumer, rejections and
 * warnings are listed on the diagnostic stream one line each, progress is shown every few seconds, and a summary with
 * the findings per trigger is printed at the end. The failure policy is the pipeline's. Not thread-safe: one per
 * command run.
 */
public final class CommandScreening {
    private static final Logger LOG = LoggerFactory.getLogger(CommandScreening.class);
    private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;

    private final ScreeningPipeline pipeline;
    private final PrintWriter err;
    private final boolean quiet;

    /**
     * @throws org.mhtrigger.engine.ConfigurationException when the edited rules or mapping tables cannot be used
     */
    public CommandScreening(ScreeningOptions options, PrintWriter err, boolean quiet) {
        this(ScreeningPipeline.of(options), err, quiet);
    }

    public CommandScreening(ScreeningPipeline pipeline, PrintWriter err, boolean quiet) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline must not be null");
        this.err = Objects.requireNonNull(err, "err must not be null");
        this.quiet = quiet;
    }

    public String rulesetVersion() {
        return pipeline.rulesetVersion();
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
        ScreeningPipeline.Outcome run = pipeline.run(inputs, include, new ListingListener(err) {
            @Override
            public void read(StayRecord record) {
                counter.noteBytes += noteBytes(record);
            }

            @Override
            public void screened(StayRecord record, Screening screening) {
                sink.accept(screening);
                counter.screened(screening);
            }

            @Override
            public void progress(long bytesRead, long bytesTotal) {
                counter.progress(bytesRead, bytesTotal);
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.info(
                "screened {} records, {} findings, {} rejected inputs in {} s",
                run.screened(),
                counter.findings,
                run.rejected(),
                String.format(Locale.ROOT, "%.2f", seconds));
        return new Outcome(
                run.read(),
                run.screened(),
                counter.findings,
                run.rejected(),
                counter.perTrigger,
                seconds,
                counter.noteBytes);
    }

    /** Threads when a command is not told: as many as there are processors. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
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
                Locale.ROOT,
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
        private long noteBytes;
        private final long started;
        private long firstScreened;

        Counter(long started) {
            this.started = started;
            this.lastProgress = started;
        }

        void screened(Screening screening) {
            records++;
            findings += screening.findings().size();
            screening.findings().forEach(f -> perTrigger.merge(f.trigger(), 1, Integer::sum));
            if (records == 1) {
                firstScreened = System.nanoTime();
            }
            if (due()) {
                // the rate since the first record, not since the start: reading the input comes first
                double seconds = (System.nanoTime() - firstScreened) / 1e9;
                err.printf(
                        Locale.ROOT,
                        "... %d %s screened%s, %d %s%n",
                        records,
                        records == 1 ? "record" : "records",
                        seconds >= 1 ? String.format(Locale.ROOT, " (%.0f records/s)", (records - 1) / seconds) : "",
                        findings,
                        findings == 1 ? "finding" : "findings");
                err.flush();
            }
        }

        /** While the input is read, before the first record: how much of it. */
        void progress(long bytesRead, long bytesTotal) {
            if (records == 0 && bytesRead < bytesTotal && due()) {
                err.printf(
                        Locale.ROOT, "... reading the input: %,.0f of %,.0f MB%n", bytesRead / 1e6, bytesTotal / 1e6);
                err.flush();
            }
        }

        /** Whether a progress line is due: not quiet, and the last one is old enough. */
        private boolean due() {
            long now = System.nanoTime();
            if (quiet || now - lastProgress <= PROGRESS_EVERY_NANOS) {
                return false;
            }
            lastProgress = now;
            return true;
        }
    }
}
