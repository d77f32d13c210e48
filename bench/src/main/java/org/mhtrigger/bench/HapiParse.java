package org.mhtrigger.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The other side of {@code bench}: HAPI FHIR's JSON parser alone, parsing every resource of an export and building
 * nothing from it. NDJSON files are parsed line by line, {@code .json} files (Bundles or single resources) whole, on
 * {@code --threads} threads with one parser per thread and one shared {@link FhirContext#forR4Cached()}, as HAPI
 * advises. A program of its own so that {@code bench} can time it as a whole process, start-up included, exactly as it
 * times {@code screen}. Usage: {@code HapiParse [--threads T] PATH...}; prints one line, {@code parsed N resources
 * from F files, M failed}. Not thread-safe as a type (it is a program); {@link #parse} may be called from any thread.
 */
public final class HapiParse {
    /** NDJSON lines handed to a parsing thread at a time. */
    static final int BATCH = 256;

    private HapiParse() {}

    /** What one pass parsed. */
    public record Counts(long resources, long failed, int files, long bytes) {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int threads = Runtime.getRuntime().availableProcessors();
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--threads") && i + 1 < args.length) {
                threads = Integer.parseInt(args[++i]);
            } else {
                inputs.add(Path.of(args[i]));
            }
        }
        if (inputs.isEmpty() || threads < 1) {
            System.err.println("usage: HapiParse [--threads T >= 1] PATH...");
            System.exit(BenchMain.USAGE);
        }
        Counts counts = parse(inputs, threads);
        System.out.printf(
                Locale.ROOT,
                "parsed %d resources from %d files, %d failed%n",
                counts.resources(),
                counts.files(),
                counts.failed());
    }

    /** Parses every {@code .ndjson} and {@code .json} file under {@code inputs} (folders recursively). */
    public static Counts parse(List<Path> inputs, int threads) throws IOException, InterruptedException {
        FhirContext fhir = FhirContext.forR4Cached();
        ThreadLocal<IParser> parsers = ThreadLocal.withInitial(fhir::newJsonParser);
        AtomicLong resources = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Path> files = files(inputs);
        long bytes = 0;
        // one thread: parse on this one; more: this thread reads, the pool parses, at most 2 batches per thread queued
        ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads);
        Semaphore queued = new Semaphore(2 * threads);
        try {
            for (Path file : files) {
                bytes += Files.size(file);
                if (file.getFileName().toString().endsWith(".ndjson")) {
                    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        List<String> batch = new ArrayList<>(BATCH);
                        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                            if (!line.isBlank()) {
                                batch.add(line);
                            }
                            if (batch.size() == BATCH) {
                                submit(pool, queued, batch, parsers, resources, failed);
                                batch = new ArrayList<>(BATCH);
                            }
                        }
                        if (!batch.isEmpty()) {
                            submit(pool, queued, batch, parsers, resources, failed);
                        }
                    }
                } else {
                    submit(pool, queued, List.of(Files.readString(file)), parsers, resources, failed);
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdown();
                pool.awaitTermination(1, TimeUnit.DAYS);
            }
        }
        return new Counts(resources.get(), failed.get(), files.size(), bytes);
    }

    private static void submit(
            ExecutorService pool,
            Semaphore queued,
            List<String> texts,
            ThreadLocal<IParser> parsers,
            AtomicLong resources,
            AtomicLong failed)
            throws InterruptedException {
        Runnable task = () -> {
            IParser parser = parsers.get();
            for (String text : texts) {
                try {
                    IBaseResource resource = parser.parseResource(text);
                    resources.addAndGet(
                            resource instanceof Bundle bundle
                                    ? bundle.getEntry().size()
                                    : 1);
                } catch (RuntimeException e) {
                    // the parser's message may echo the input: count it, never print it
                    failed.incrementAndGet();
                }
            }
        };
        if (pool == null) {
            task.run();
            return;
        }
        queued.acquire();
        pool.execute(() -> {
            try {
                task.run();
            } finally {
                queued.release();
            }
        });
    }

    private static List<Path> files(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new IOException("input " + input + " does not exist");
            }
            try (Stream<Path> walk = Files.walk(input)) {
                walk.filter(Files::isRegularFile)
                        .filter(HapiParse::isFhir)
                        .sorted()
                        .forEach(files::add);
            }
        }
        return files;
    }

    /** The files {@code screen} reads. */
    static boolean isFhir(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".ndjson") || name.endsWith(".json");
    }
}
