package org.mhtrigger.review.importing;

import jakarta.annotation.PreDestroy;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.mhtrigger.engine.screen.Rejection;
import org.mhtrigger.fhir.server.SearchPull;
import org.mhtrigger.fhir.server.ServerOptions;
import org.mhtrigger.review.ScreenedStay;
import org.mhtrigger.review.store.AuditTrail;
import org.mhtrigger.review.store.Caller;
import org.mhtrigger.review.store.Role;
import org.mhtrigger.review.store.Stays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * The safety lead's imports: uploaded FHIR files, or a pull of a date range from the configured FHIR server, screened
 * by {@link ImportPipeline} (the pipeline and options {@code mhtrigger screen} uses, including edited rules and mapping
 * tables given to {@code mhtrigger serve}) and imported into the review database. A record whose screening fails is
 * listed as rejected, naming it, and the rest is imported. Jobs run one at a time on a background thread,
 * from a private temporary folder that is deleted afterwards; uploads are streamed to that folder, never held in memory
 * whole. The last {@value #KEPT} jobs stay visible until restart; each finished job appends one audit row. Thread-safe.
 */
@Service
public class ImportJobs {
    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);
    static final int KEPT = 20;
    /** The longest range one pull may cover. */
    static final int MAX_PULL_DAYS = 366;

    private final Stays stays;
    private final AuditTrail audit;
    private final Path workDir;
    private final String fhirServer;
    private final String fhirTokenFile;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mhtrigger-import");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Long, ImportJob> jobs = new LinkedHashMap<>();
    private long lastId;
    /** Lazy: built on the worker thread on first use, as loading the rules takes seconds. */
    private final ObjectProvider<ImportPipeline> pipeline;

    public ImportJobs(
            Stays stays,
            AuditTrail audit,
            ObjectProvider<ImportPipeline> pipeline,
            @Value("${mhtrigger.import.work-dir:${java.io.tmpdir}}") String workDir,
            @Value("${mhtrigger.fhir.server-url:}") String fhirServer,
            @Value("${mhtrigger.fhir.token-file:}") String fhirTokenFile) {
        this.stays = stays;
        this.audit = audit;
        this.pipeline = pipeline;
        this.workDir = Path.of(workDir);
        this.fhirServer = fhirServer.strip();
        this.fhirTokenFile = fhirTokenFile.strip();
    }

    /** The FHIR server pulls come from, or empty when none is configured. */
    public Optional<String> fhirServer() {
        return fhirServer.isEmpty() ? Optional.empty() : Optional.of(fhirServer);
    }

    /**
     * Stores the uploaded files in a fresh temporary folder (streamed by the servlet container to disk, then moved) and
     * queues their import. {@code .json} and {@code .ndjson} files are read; a {@code .zip} archive is unpacked on the
     * import thread ({@link ZipArchives}), each entry named {@code archive.zip!/path}; other files are listed as
     * rejected.
     */
    public ImportJob.View upload(Caller caller, List<MultipartFile> files) {
        require(caller);
        List<MultipartFile> given = files == null
                ? List.of()
                : files.stream().filter(f -> !f.isEmpty()).toList();
        if (given.isEmpty()) {
            throw new IllegalArgumentException("choose at least one .json, .ndjson or .zip file to upload");
        }
        ImportJob job = newJob("upload of " + given.size() + (given.size() == 1 ? " file" : " files"), caller);
        Path folder = tempFolder();
        List<Path> inputs = new ArrayList<>();
        Map<Path, String> archives = new LinkedHashMap<>();
        try {
            int index = 0;
            for (MultipartFile file : given) {
                index++;
                String name = safeName(file.getOriginalFilename(), index);
                String lower = name.toLowerCase(Locale.ROOT);
                boolean archive = lower.endsWith(".zip");
                if (!archive && !lower.endsWith(".json") && !lower.endsWith(".ndjson")) {
                    job.rejected(name + ": not a .json, .ndjson or .zip file; not read");
                    continue;
                }
                Path target = Files.createDirectory(folder.resolve(String.format(Locale.ROOT, "%05d", index)))
                        .resolve(name);
                file.transferTo(target);
                if (archive) {
                    archives.put(target, name);
                } else {
                    inputs.add(target);
                }
            }
        } catch (IOException e) {
            delete(folder);
            throw new UncheckedIOException("could not store the upload in " + folder, e);
        }
        LOG.info("import job {}: {} files and {} archives uploaded", job.id(), inputs.size(), archives.size());
        worker.execute(() -> run(job, folder, () -> {
            List<Path> all = new ArrayList<>(inputs);
            for (Map.Entry<Path, String> archive : archives.entrySet()) {
                Path zip = archive.getKey();
                job.message("unpacking " + archive.getValue());
                // unpacked beside the archive into "name.zip!", so that lines about its files read name.zip!/entry
                all.addAll(ZipArchives.unpack(
                        zip, archive.getValue(), zip.resolveSibling(archive.getValue() + "!"), job::rejected));
                Files.delete(zip);
            }
            job.message("");
            job.files(all.size());
            return all;
        }));
        return job.view();
    }

    /** Queues a pull of the stays discharged from {@code from} to {@code to} (inclusive) and their import. */
    public ImportJob.View pull(Caller caller, LocalDate from, LocalDate to) {
        require(caller);
        if (fhirServer.isEmpty()) {
            throw new IllegalStateException("no FHIR server is configured (mhtrigger.fhir.server-url)");
        }
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("pull range " + from + " to " + to + " must not end before it starts");
        }
        if (from.plusDays(MAX_PULL_DAYS).isBefore(to)) {
            throw new IllegalArgumentException(
                    "pull range " + from + " to " + to + " is longer than " + MAX_PULL_DAYS + " days");
        }
        ImportJob job = newJob("pull of stays discharged " + from + " to " + to + " from " + fhirServer, caller);
        Path folder = tempFolder();
        worker.execute(() -> run(job, folder, () -> {
            job.state(ImportJob.State.PULLING);
            Path out = folder.resolve("pull");
            var summary = new SearchPull(serverOptions(), job::message).pull(from, to, out);
            job.message("pulled " + summary.stays() + " stays (" + summary.resources() + " resources, "
                    + summary.requests() + " requests)");
            return List.of(out);
        }));
        return job.view();
    }

    /** The job, if the caller may see it (safety leads see every job). */
    public ImportJob.View find(Caller caller, long id) {
        require(caller);
        synchronized (jobs) {
            ImportJob job = jobs.get(id);
            if (job == null) {
                throw new NoSuchElementException("no import job " + id + " (jobs are kept until a restart)");
            }
            return job.view();
        }
    }

    /** The most recent jobs first. */
    public List<ImportJob.View> recent(Caller caller) {
        require(caller);
        synchronized (jobs) {
            return jobs.values().stream()
                    .map(ImportJob::view)
                    .sorted(Comparator.comparingLong(ImportJob.View::id).reversed())
                    .toList();
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private interface Inputs {
        List<Path> get() throws IOException;
    }

    private void run(ImportJob job, Path folder, Inputs inputs) {
        long started = System.nanoTime();
        // failed unless the run returns: an Error that is not caught below must not leave the job looking done
        ImportJob.State end = ImportJob.State.FAILED;
        try {
            List<Path> paths = inputs.get();
            job.state(ImportJob.State.SCREENING);
            pipeline.getObject().run(paths, new ImportPipeline.Listener() {
                @Override
                public void read() {
                    job.read();
                }

                @Override
                public void screened(ScreenedStay stay) {
                    boolean isNew = stays.importStay(stay);
                    job.screened(stay.record().stay().discharged(), isNew);
                }

                @Override
                public void rejected(Rejection rejection) {
                    job.rejected(shorten(rejection.source(), folder) + ": " + rejection.reason());
                }

                @Override
                public void warning(Rejection warning) {
                    job.warning();
                }
            });
            end = ImportJob.State.DONE;
        } catch (Exception | LinkageError e) { // whatever happens, the job ends as failed, not as running forever
            // the page shows the message (URLs and counts, never resource content); the log only the kind
            LOG.warn("import job {} failed: {}", job.id(), e.getClass().getSimpleName());
            job.message("failed: " + e.getMessage());
        } finally {
            delete(folder);
            // the audit row comes before the page shows the job as finished, so whoever sees it done finds the row
            try {
                audit.append(job.startedBy(), "import", job.id(), null, "import", null, job.summary(end), null);
            } finally {
                job.state(end);
            }
            LOG.info(
                    "import job {} finished in {} s",
                    job.id(),
                    String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
        }
    }

    private ServerOptions serverOptions() throws IOException {
        ServerOptions options = ServerOptions.of(URI.create(fhirServer))
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60))
                .withRetries(6, Duration.ofSeconds(1), Duration.ofSeconds(60), 1);
        if (!fhirTokenFile.isEmpty()) {
            String token = Files.readString(Path.of(fhirTokenFile), StandardCharsets.UTF_8)
                    .strip();
            if (token.isEmpty()) {
                throw new IllegalStateException("the FHIR token file " + fhirTokenFile + " is empty");
            }
            options = options.withBearerToken(token);
        }
        return options;
    }

    private ImportJob newJob(String what, Caller caller) {
        synchronized (jobs) {
            long id = Math.max(lastId + 1, System.currentTimeMillis()); // unique across restarts for the audit rows
            lastId = id;
            ImportJob job = new ImportJob(id, what, caller.username());
            jobs.put(id, job);
            while (jobs.size() > KEPT) {
                Long oldest = jobs.keySet().iterator().next();
                if (jobs.get(oldest).view().running()) {
                    break;
                }
                jobs.remove(oldest);
            }
            return job;
        }
    }

    private Path tempFolder() {
        try {
            Files.createDirectories(workDir);
            return Files.createTempDirectory(workDir, "mhtrigger-import-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary folder in " + workDir, e);
        }
    }

    /** A rejection's source without the temporary folder: {@code 002/bad.json:3} becomes {@code bad.json:3}. */
    static String shorten(String source, Path folder) {
        String prefix = folder.toString() + File.separator;
        if (!source.startsWith(prefix)) {
            return source;
        }
        String rest = source.substring(prefix.length());
        int slash = rest.indexOf(File.separatorChar);
        return slash > 0 ? rest.substring(slash + 1) : rest;
    }

    /** The file's own name without any folder part, limited to letters, digits, dot, dash and underscore. */
    static String safeName(String original, int index) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.length() > 120) {
            name = name.substring(name.length() - 120);
        }
        return name.isEmpty() ? "upload-" + index : name;
    }

    private static void delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    LOG.warn("could not delete a temporary import file: {}", e.toString());
                }
            });
        } catch (IOException e) {
            LOG.warn("could not delete a temporary import folder: {}", e.toString());
        }
    }

    private static void require(Caller caller) {
        if (!caller.is(Role.SAFETY_LEAD)) {
            throw new AccessDeniedException("needs role " + Role.SAFETY_LEAD.label());
        }
    }
}
