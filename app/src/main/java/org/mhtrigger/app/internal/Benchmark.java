package org.mhtrigger.app.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.mhtrigger.engine.record.Note;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.engine.screen.Screener;
import org.mhtrigger.rules.DroolsTriggerEvaluator;
import org.mhtrigger.rules.RulesConfig;

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
     * The full pipeline over the corpus in {@code input}: FHIR read, notes analysed, text and structured triggers,
     * rules, findings written (as JSON lines, to a counting sink). {@code records} are the same corpus already read,
     * for counting stays and note bytes outside the timed section.
     */
    public Figures pipeline(List<Path> input, List<StayRecord> records, PrintWriter err) {
        Pipeline pipeline = new Pipeline(false, null, null, err, true);
        CountingWriter sink = new CountingWriter();
        HeapSampler heap = HeapSampler.start();
        long started = System.nanoTime();
        try (FindingWriter writer = FindingFormat.jsonl.open(sink, false)) {
            pipeline.run(input, writer::write);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long peak = heap.stop();
        long bytes = records.stream().mapToLong(Benchmark::noteBytes).sum();
        return new Figures(
                "pipeline, 1 thread (read FHIR -> notes -> triggers -> rules -> findings written)",
                records.size(),
                bytes,
                seconds,
                peak);
    }

    /** Screening of records already in memory (notes analysed, triggers, rules, findings) on {@code threads}. */
    public Figures screening(List<StayRecord> records, int threads) {
        Screener screener = DroolsTriggerEvaluator.screener(RulesConfig.defaults());
        screener.screen(records.get(0)); // warm the rule base and sentence model
        long bytes = records.stream().mapToLong(Benchmark::noteBytes).sum();
        AtomicLong findings = new AtomicLong();
        HeapSampler heap = HeapSampler.start();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    for (int i = first; i < records.size(); i += threads) {
                        findings.addAndGet(
                                screener.screen(records.get(i)).findings().size());
                    }
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("screening failed: " + e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Figures(
                "screening records in memory, " + threads + (threads == 1 ? " thread" : " threads"),
                records.size(),
                bytes,
                seconds,
                heap.stop());
    }

    /** The baseline: the same note text indexed with StandardAnalyzer into a ByteBuffersDirectory, one thread. */
    public Figures luceneBaseline(List<StayRecord> records) {
        long bytes = 0;
        int notes = 0;
        HeapSampler heap = HeapSampler.start();
        long started = System.nanoTime();
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            for (StayRecord record : records) {
                for (Note note : record.notes()) {
                    Document document = new Document();
                    document.add(new TextField("text", note.text(), Field.Store.NO));
                    writer.addDocument(document);
                    bytes += note.text().getBytes(StandardCharsets.UTF_8).length;
                    notes++;
                }
            }
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("indexing in memory failed", e);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Figures(
                "baseline: Lucene StandardAnalyzer indexing the same " + notes + " notes into a ByteBuffersDirectory",
                records.size(),
                bytes,
                seconds,
                heap.stop());
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

    static long noteBytes(StayRecord record) {
        long bytes = 0;
        for (Note note : record.notes()) {
            bytes += note.text().getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes;
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

    /** Samples the used heap every few milliseconds in a daemon thread and keeps the maximum. */
    static final class HeapSampler implements Runnable {
        private volatile boolean running = true;
        private volatile long peak;
        private final Thread thread;

        private HeapSampler() {
            thread = new Thread(this, "heap-sampler");
            thread.setDaemon(true);
        }

        static HeapSampler start() {
            System.gc();
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
