package org.mhtrigger.screening;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.FutureTask;
import java.util.function.Predicate;
import org.mhtrigger.engine.parallel.Futures;
import org.mhtrigger.engine.parallel.OrderedParallel;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.engine.screen.Rejection;
import org.mhtrigger.engine.screen.Screener;
import org.mhtrigger.engine.screen.Screening;
import org.mhtrigger.fhir.FhirRecordReader;
import org.mhtrigger.fhir.ReadSummary;
import org.mhtrigger.fhir.RecordListener;
import org.mhtrigger.rules.DroolsTriggerEvaluator;
import org.mhtrigger.rules.RulesConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads FHIR input into records and screens each one: the one path from input to screenings, for the commands and
 * the review UI's import alike. Not thread-safe: one run at a time per instance (building one loads the rules, which
 * takes seconds, so keep it for the next run).
 *
 * <p><b>Failure policy.</b> Input the reader cannot use (a file, a line, a resource, a stay) is rejected with the
 * reader's reason. A record whose screening fails becomes a rejection naming it ({@code Encounter/<id>: screening
 * failed (<kind of failure>)}, never the failure's message, which may quote note text), and the run goes on with the
 * next record. Nothing about one record ends a run; failures of the run itself do: unreadable rules or mapping tables
 * when the pipeline is built, and whatever the listener throws (the listener is the caller's output or database).
 *
 * <p>With more than one thread the reader parses on that many threads and records are screened on a pool, a bounded
 * number at a time; the listener still hears everything on the calling thread, in the order the reader delivers the
 * records, so what it hears is the same whatever the thread count.
 */
public final class ScreeningPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(ScreeningPipeline.class);
    /** Records in flight per screening thread: enough to keep the threads busy, few enough to bound memory. */
    private static final int IN_FLIGHT_PER_THREAD = 4;

    private final ScreeningOptions options;
    private final FhirRecordReader reader;
    /** Built on a thread of its own while the reader starts: see {@link #of}. */
    private final FutureTask<Screener> screener;

    /** Hears a run's records, screenings, rejections and warnings, on the thread that called {@link #run}. */
    public interface Listener {
        /** A record read and chosen for screening, before it is screened. */
        default void read(StayRecord record) {}

        /** A record and its screening. */
        void screened(StayRecord record, Screening screening);

        /** Input that was not screened, or a record whose screening failed, with the reason. */
        void rejected(Rejection rejection);

        /** Input that was used although something about it was off. */
        default void warning(Rejection warning) {}

        /** How much of the input has been read, as {@link RecordListener#progress} says; by default ignored. */
        default void progress(long bytesRead, long bytesTotal) {}
    }

    /**
     * What one run did.
     *
     * @param read the reader's counts
     * @param screened records screened and handed to {@link Listener#screened}
     * @param rejected rejections handed to {@link Listener#rejected}: the reader's and the records whose screening
     *     failed
     */
    public record Outcome(ReadSummary read, int screened, int rejected) {
        /** Whether every input was used: nothing rejected. Warnings do not count. */
        public boolean complete() {
            return rejected == 0;
        }
    }

    private ScreeningPipeline(ScreeningOptions options, FutureTask<Screener> screener) {
        this.options = Objects.requireNonNull(options, "options must not be null");
        this.screener = screener;
        this.reader = new FhirRecordReader(options.readerOptions());
    }

    /**
     * The pipeline with the rules of {@link ScreeningOptions#rulesDirectory()} (or the bundled rules) and the mapping
     * tables of {@link ScreeningOptions#mappingDirectory()} (or the bundled tables).
     *
     * @throws org.mhtrigger.engine.ConfigurationException naming the file and line when an edited file cannot be used
     */
    public static ScreeningPipeline of(ScreeningOptions options) {
        RulesConfig rules = options.rules();
        // The rule base, lexicon and sentence model take about a second to build; reading the input does not need
        // them, so they are built on a second thread while the reader starts. Edited files were read and checked
        // just above; whatever still fails while building is thrown by the first call that needs the screener.
        FutureTask<Screener> building = new FutureTask<>(() -> DroolsTriggerEvaluator.screener(rules));
        Thread.ofPlatform().name("mhtrigger-rules").daemon().start(building);
        return new ScreeningPipeline(options, building);
    }

    /**
     * A pipeline that screens with {@code screener} instead of the rules named in the options (whose rules directory
     * is then not read): for benchmarks, and tests that need a screener of their own.
     */
    public static ScreeningPipeline withScreener(ScreeningOptions options, Screener screener) {
        Objects.requireNonNull(screener, "screener must not be null");
        FutureTask<Screener> ready = new FutureTask<>(() -> screener);
        ready.run();
        return new ScreeningPipeline(options, ready);
    }

    public ScreeningOptions options() {
        return options;
    }

    /** The version of the rules this pipeline screens with (it changes when edited rules change). */
    public String rulesetVersion() {
        return screener().rulesetVersion();
    }

    /** The screener, waiting for it to be built; a failure to build it is thrown as it was raised. */
    private Screener screener() {
        return Futures.await(screener, "building the rules");
    }

    /** Reads {@code inputs} (files and folders) and screens every record. */
    public Outcome run(List<Path> inputs, Listener listener) {
        return run(inputs, record -> true, listener);
    }

    /**
     * Reads {@code inputs} (files and folders) and screens the records {@code include} accepts (a pull from a server
     * also brings the patients' other stays, as context; those are read but not screened).
     */
    public Outcome run(List<Path> inputs, Predicate<StayRecord> include, Listener listener) {
        Objects.requireNonNull(listener, "listener must not be null");
        int threads = options.threads();
        int[] counts = new int[2]; // screened, screening failures
        ReadSummary summary;
        try (OrderedParallel<StayRecord, Result> screening = new OrderedParallel<>(
                "mhtrigger-screen", threads, threads * IN_FLIGHT_PER_THREAD, this::screen, result -> {
                    if (result.screening() != null) {
                        counts[0]++;
                        listener.screened(result.record(), result.screening());
                    } else {
                        counts[1]++;
                        listener.rejected(result.failure());
                    }
                })) {
            summary = reader.read(
                    inputs,
                    RecordListener.of(
                            record -> {
                                if (include.test(record)) {
                                    listener.read(record);
                                    // here, not on a screening thread: a screener that cannot be built ends the run
                                    screener();
                                    screening.submit(record);
                                }
                            },
                            listener::rejected,
                            listener::warning,
                            listener::progress));
            screening.finish();
        }
        screener(); // a run that read no record still reports rules that cannot be built
        return new Outcome(summary, counts[0], summary.rejected() + counts[1]);
    }

    /**
     * Reads {@code inputs} as a run with {@code options} reads them, without screening and without loading the rules:
     * for commands that need the records only (drawing a sample). Rejections and warnings are a run's reader's.
     */
    public static ReadSummary read(ScreeningOptions options, List<Path> inputs, RecordListener listener) {
        return new FhirRecordReader(options.readerOptions()).read(inputs, listener);
    }

    /** One record screened, or the rejection that names it. */
    private record Result(StayRecord record, Screening screening, Rejection failure) {}

    /**
     * The failure policy: whatever goes wrong screening this record rejects this record. A stack overflow counts (a
     * pathological note can exhaust the stack of one screening); other errors, such as running out of memory, are
     * the run's and end it.
     */
    private Result screen(StayRecord record) {
        try {
            return new Result(record, screener.resultNow().screen(record), null);
        } catch (RuntimeException | StackOverflowError e) {
            // the message may quote note text: name only the record key and the kind of failure
            LOG.warn(
                    "screening of record {} failed: {}",
                    record.id(),
                    e.getClass().getSimpleName());
            return new Result(
                    record,
                    null,
                    new Rejection(
                            "Encounter/" + record.id(),
                            "screening failed (" + e.getClass().getSimpleName() + ")"));
        }
    }
}
