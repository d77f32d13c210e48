package org.mhtrigger.bench.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.mhtrigger.app.internal.CommandScreening;
import org.mhtrigger.app.internal.FindingFormat;
import org.mhtrigger.app.internal.FindingWriter;
import org.mhtrigger.engine.record.Note;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.engine.screen.Rejection;
import org.mhtrigger.engine.screen.Screener;
import org.mhtrigger.fhir.FhirRecordReader;
import org.mhtrigger.fhir.ReaderOptions;
import org.mhtrigger.fhir.RecordListener;
import org.mhtrigger.rules.DroolsTriggerEvaluator;
import org.mhtrigger.rules.RulesConfig;
import org.mhtrigger.screening.ScreeningOptions;

/**
 * Measures the screening pipeline and, in the same run on the same note text, the baseline a search engineer would
 * compare it with: indexing the notes with Lucene's StandardAnalyzer into an in-memory directory. Figures go to the
 * given writer. Not thread-safe: one per run.
 */
public final class Benchmark {
    private final PrintWriter out;

    public Benchmark(PrintWriter out) {
        this.out = out;
    }

    /** What one measured phase did. */
    public record Figures(String label, int stays, long noteBytes, double seconds, long peakHeapBytes) {
        public double staysPerSecond() {
            return stays / seconds;
        }

        public double megabytesPerSecond() {
            return noteBytes / 1e6 / seconds;
        }
    }

    /**
     * The full pipeline over the corpus in {@code input} on {@code threads}: FHIR read, notes analysed, text and
     * structured triggers, rules, findings written (as JSON lines, to a counting sink).
     */
    public Figures pipeline(List<Path> input, int threads, PrintWriter err) {
        CommandScreening pipeline =
                new CommandScreening(ScreeningOptions.defaults().withThreads(threads), err, true);
        CountingWriter sink = new CountingWriter();
        HeapSampler heap = HeapSampler.start();
        long started = System.nanoTime();
        CommandScreening.Outcome outcome;
        try (FindingWriter writer = FindingFormat.jsonl.open(sink, false)) {
            outcome = pipeline.run(input, writer::write);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long peak = heap.stop();
        return new Figures(
                "pipeline, " + threads(threads) + " (read FHIR -> notes -> triggers -> rules -> findings written)",
                outcome.records(),
                outcome.noteBytes(),
                seconds,
                peak);
    }

    /**
     * Reading alone: the corpus in {@code input} read into stay records on {@code threads}, and nothing else done with
     * them, so that the pipeline's figure can be set against reading and screening apart.
     */
    public Figures reading(List<Path> input, int threads) {
        FhirRecordReader reader = new FhirRecordReader(ReaderOptions.defaults().withThreads(threads));
        int[] stays = {0};
        long[] bytes = {0};
        HeapSampler heap = HeapSampler.start();
        long started = System.nanoTime();
        reader.read(input, recordsOnly(record -> {
            stays[0]++;
            bytes[0] += CommandScreening.noteBytes(record);
        }));
        double seconds = (System.nanoTime() - started) / 1e9;
        long peak = heap.stop();
        return new Figures("reading FHIR into records only, " + threads(threads), stays[0], bytes[0], seconds, peak);
    }

    /** The figures of one pass over records already read: screening on 1 and 2 threads, and the baseline. */
    public record InMemory(Figures oneThread, Figures twoThreads, Figures baseline) {}

    /**
     * Reads {@code input} once, {@value #BATCH} stays at a time, and times on each batch, with the reading left out:
     * screening of the records on 1 thread, then on 2 threads, then the baseline a search engineer would compare with,
     * indexing the same note text with StandardAnalyzer into an in-memory directory (one thread; a new directory every
     * {@value #STAYS_PER_INDEX} stays, so memory stays bounded on any corpus). The peak heap is the pass's.
     */
    public InMemory inMemory(List<Path> input) {
        Screener screener = DroolsTriggerEvaluator.screener(RulesConfig.defaults());
        Timer one = new Timer();
        Timer two = new Timer();
        Timer baseline = new Timer();
        HeapSampler heap = HeapSampler.start();
        List<StayRecord> batch = new ArrayList<>();
        Baseline index = new Baseline();
        try (ExecutorService pool = Executors.newFixedThreadPool(2);
                index) {
            new FhirRecordReader().read(input, recordsOnly(record -> {
                batch.add(record);
                if (batch.size() == BATCH) {
                    measure(batch, screener, pool, index, one, two, baseline);
                    batch.clear();
                }
            }));
            if (!batch.isEmpty()) {
                measure(batch, screener, pool, index, one, two, baseline);
            }
        }
        long peak = heap.stop();
        return new InMemory(
                one.figures("screening records in memory, 1 thread", peak),
                two.figures("screening records in memory, 2 threads", peak),
                baseline.figures(
                        "baseline: Lucene StandardAnalyzer indexing the same " + index.notes
                                + " notes into a ByteBuffersDirectory",
                        peak));
    }

    static final int BATCH = 1_000;
    static final int STAYS_PER_INDEX = 10_000;

    private static void measure(
            List<StayRecord> batch,
            Screener screener,
            ExecutorService pool,
            Baseline index,
            Timer one,
            Timer two,
            Timer baseline) {
        long bytes = 0;
        for (StayRecord record : batch) {
            bytes += CommandScreening.noteBytes(record);
        }
        long started = System.nanoTime();
        for (StayRecord record : batch) {
            screener.screen(record);
        }
        one.add(batch.size(), bytes, System.nanoTime() - started);
        started = System.nanoTime();
        List<Future<?>> parts = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int first = t;
            parts.add(pool.submit(() -> {
                for (int i = first; i < batch.size(); i += 2) {
                    screener.screen(batch.get(i));
                }
            }));
        }
        for (Future<?> part : parts) {
            try {
                part.get();
            } catch (Exception e) {
                throw new IllegalStateException("screening failed: " + e.getMessage(), e);
            }
        }
        two.add(batch.size(), bytes, System.nanoTime() - started);
        started = System.nanoTime();
        for (StayRecord record : batch) {
            index.add(record);
        }
        baseline.add(batch.size(), bytes, System.nanoTime() - started);
    }

    /** A listener that hands each record to {@code records}; the generated corpus has nothing to reject. */
    private static RecordListener recordsOnly(Consumer<StayRecord> records) {
        return new RecordListener() {
            @Override
            public void record(StayRecord record) {
                records.accept(record);
            }

            @Override
            public void rejected(Rejection rejection) {}

            @Override
            public void warning(Rejection warning) {}
        };
    }

    private static String threads(int threads) {
        return threads + (threads == 1 ? " thread" : " threads");
    }

    /** Time, stays and bytes summed over batches. */
    private static final class Timer {
        private long nanos;
        private int stays;
        private long bytes;

        void add(int batchStays, long batchBytes, long batchNanos) {
            stays += batchStays;
            bytes += batchBytes;
            nanos += batchNanos;
        }

        Figures figures(String label, long peak) {
            return new Figures(label, stays, bytes, Math.max(nanos, 1) / 1e9, peak);
        }
    }

    /** Lucene indexing of note text with StandardAnalyzer into ByteBuffersDirectories. */
    private static final class Baseline implements AutoCloseable {
        private ByteBuffersDirectory directory;
        private IndexWriter writer;
        private int stays;
        int notes;

        void add(StayRecord record) {
            try {
                if (writer == null || stays % STAYS_PER_INDEX == 0) {
                    close();
                    directory = new ByteBuffersDirectory();
                    writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()));
                }
                for (Note note : record.notes()) {
                    Document document = new Document();
                    document.add(new TextField("text", note.text(), Field.Store.NO));
                    writer.addDocument(document);
                    notes++;
                }
                stays++;
            } catch (IOException e) {
                throw new UncheckedIOException("indexing in memory failed", e);
            }
        }

        @Override
        public void close() {
            try {
                if (writer != null) {
                    writer.commit();
                    writer.close();
                    directory.close();
                    writer = null;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("indexing in memory failed", e);
            }
        }
    }

    public void print(Figures f) {
        out.printf(
                Locale.ROOT,
                "%-95s %8.1f stays/s %7.2f MB/s of notes  %6.1f s  peak heap %5d MB%n",
                f.label(),
                f.staysPerSecond(),
                f.megabytesPerSecond(),
                f.seconds(),
                f.peakHeapBytes() >> 20);
        out.flush();
    }

    /** A writer that counts characters and keeps nothing. */
    static final class CountingWriter extends Writer {
        long chars;

        @Override
        public void write(char[] buffer, int offset, int length) {
            chars += length;
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    /**
     * Samples the used heap every few milliseconds in a daemon thread and keeps the maximum. It does not collect first:
     * a full collection before a phase made the collector start that phase with a small young generation and cost the
     * phase up to a quarter of its time (reading on 2 threads: 4.7 s instead of 3.5 s), which no real run pays; the
     * peak may include garbage the phase before left.
     */
    static final class HeapSampler implements Runnable {
        private volatile boolean running = true;
        private volatile long peak;
        private final Thread thread;

        private HeapSampler() {
            thread = new Thread(this, "heap-sampler");
            thread.setDaemon(true);
        }

        static HeapSampler start() {
            HeapSampler sampler = new HeapSampler();
            sampler.thread.start();
            return sampler;
        }

        @Override
        public void run() {
            Runtime runtime = Runtime.getRuntime();
            while (running) {
                peak = Math.max(peak, runtime.totalMemory() - runtime.freeMemory());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long stop() {
            running = false;
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return peak;
        }
    }
}
