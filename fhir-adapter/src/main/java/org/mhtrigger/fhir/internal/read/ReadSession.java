package org.mhtrigger.fhir.internal.read;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mhtrigger.engine.parallel.OrderedParallel;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.engine.screen.Rejection;
import org.mhtrigger.fhir.ReadSummary;
import org.mhtrigger.fhir.ReaderOptions;
import org.mhtrigger.fhir.RecordListener;
import org.mhtrigger.fhir.internal.Text;
import org.mhtrigger.fhir.internal.extract.Collected;
import org.mhtrigger.fhir.internal.extract.ResourceExtractor;
import org.mhtrigger.fhir.internal.guard.IdentifierScan;
import org.mhtrigger.fhir.internal.mapping.MappingTables;
import org.mhtrigger.fhir.internal.spill.Copy;
import org.mhtrigger.fhir.internal.spill.Entry;
import org.mhtrigger.fhir.internal.spill.Route;
import org.mhtrigger.fhir.internal.spill.Spill;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call of {@link org.mhtrigger.fhir.FhirRecordReader#read}: reads the files, extracts facts, assembles records and
 * counts. Not thread-safe: one per read.
 *
 * <p>Small inputs are read as one group in memory. Larger ones are read twice: a first pass checks each file, line and
 * Bundle entry as JSON and routes each resource's text to its patient's group in spill files ({@link Spill}: on disk,
 * or in the heap when it has room); then each group is parsed, extracted and assembled on its own, in parts of whole
 * patients ({@link ReaderOptions#partsPerGroup()}) whose reports are put back in the group's order, so memory holds
 * about one part per thread of parsed resources and facts at a time.
 */
public final class ReadSession implements GroupSink {
    private static final Logger LOG = LoggerFactory.getLogger(ReadSession.class);
    private static final Set<String> BUNDLE_TYPES =
            Set.of("collection", "transaction", "batch", "searchset", "document");
    private static final Pattern HAPI_CODE = Pattern.compile("HAPI-\\d+");
    private static final Pattern DUPLICATE_KEY = Pattern.compile("^Duplicate field '([^']*)'");
    private static final Pattern ELEMENT = Pattern.compile("\\[element=\"([A-Za-z0-9_.\\[\\]]+)\"]");

    private final FhirContext fhir;
    private final IParser parser;
    private final ObjectMapper json;
    /** Without FAIL_ON_TRAILING_TOKENS, which would refuse to read a value out of the middle of a line. */
    private final ObjectMapper scanner = new ObjectMapper();
    /** Streams a resource only to find duplicate keys (thread-safe, as Jackson factories are). */
    private final com.fasterxml.jackson.core.JsonFactory strict = com.fasterxml.jackson.core.JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final RecordListener listener;
    private final MappingTables mapping;
    private final ReaderOptions options;
    private final IdentifierScan scan;
    /** The files read, by index: origins are kept as indexes until a message needs them. */
    private final List<String> fileNames = new ArrayList<>();

    private Group direct;
    private Spill spill;
    private Group shared;
    private long seq;
    /** Threads that scan lines and parse groups in a split read on several threads; {@code null} otherwise. */
    private ExecutorService workers;

    private int files;
    /** The bytes of each input file (in the order read), of all, and of those read so far: for progress reports. */
    private long[] sizes;

    private long bytesTotal;

    private long bytesRead;
    private long bytesReported;
    /** Where {@link #bytesRead} will be at the end of the file being read. */
    private long fileEnd;

    private long resources;
    private int records;
    private int rejected;
    private int warnings;
    private long stripped;

    public ReadSession(FhirContext fhir, MappingTables mapping, ReaderOptions options, RecordListener listener) {
        this.fhir = fhir;
        this.parser = newParser();
        this.json = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.listener = listener;
        this.mapping = mapping;
        this.options = options;
        this.scan = new IdentifierScan(fhir);
    }

    public ReadSummary run(List<Path> inputs) {
        long started = System.nanoTime();
        List<Path> paths = expand(inputs);
        sizes = new long[paths.size()];
        long bytes = 0;
        for (int i = 0; i < sizes.length; i++) {
            try {
                sizes[i] = Files.size(paths.get(i));
            } catch (IOException e) {
                // reported when the file is read
            }
            bytes += sizes[i];
        }
        bytesTotal = bytes;
        int buckets = options.bucketsFor(bytes);
        if (buckets == 1) {
            direct = group(new Collected(), Map.of());
            readAll(paths);
            direct.assemble(this::deliver);
        } else {
            workers = options.threads() > 1 ? workerPool(options.threads()) : null;
            try (Spill routing = new Spill(
                    buckets, options.partsPerGroup(), options.spillDirectory(), options.spillsInMemory(bytes))) {
                spill = routing;
                Collected sharedFacts = new Collected();
                shared = group(sharedFacts, Map.of());
                readAll(paths);
                Map<Long, Copy> keptElsewhere = routing.finishRouting();
                replayParts(routing, sharedFacts, keptElsewhere);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot use the spill folder for a split read", e);
            } finally {
                if (workers != null) {
                    workers.shutdownNow();
                    workers = null;
                }
            }
        }
        LOG.info(
                "read {} files, {} resources in {} groups: {} records, {} rejected, {} warnings in {} ms",
                files,
                resources,
                buckets,
                records,
                rejected,
                warnings,
                (System.nanoTime() - started) / 1_000_000);
        return new ReadSummary(files, resources, records, rejected, warnings, stripped);
    }

    private Group group(Collected collected, Map<Long, Copy> keptElsewhere) {
        return group(this, parser, collected, keptElsewhere);
    }

    private Group group(GroupSink sink, IParser groupParser, Collected collected, Map<Long, Copy> keptElsewhere) {
        ResourceExtractor extractor = new ResourceExtractor(mapping, scan, options.stripIdentifiers(), sink, collected);
        return new Group(this, sink, groupParser, collected, extractor, keptElsewhere);
    }

    /** The entries of one part of a split read's group. */
    private record Part(int number, List<Entry> entries) {}

    /**
     * Reads the spilled groups part by part ({@link Spill#parts()}): each part's entries are parsed, extracted and
     * assembled into a {@link GroupEvents}, on {@link ReaderOptions#threads()} worker threads when there are several
     * (this thread reads the entries and replays the results, in part order); a group's parts are then replayed to the
     * listener together, merged into the order the whole group read at once gives, so what the listener sees does not
     * depend on the number of parts or threads. At most a group's parts and one part more than there are threads are
     * held in memory.
     */
    private void replayParts(Spill routing, Collected sharedFacts, Map<Long, Copy> keptElsewhere) throws IOException {
        ThreadLocal<IParser> parsers = ThreadLocal.withInitial(this::newParser);
        java.util.function.Function<Part, GroupEvents> read = part -> {
            GroupEvents events = new GroupEvents(part.number());
            Group group = group(events, parsers.get(), new Collected(sharedFacts), keptElsewhere);
            for (Entry entry : part.entries()) {
                group.read(entry);
            }
            group.assemble(events::record);
            return events;
        };
        List<GroupEvents> group = new ArrayList<>();
        java.util.function.Consumer<GroupEvents> gather = events -> {
            if (!group.isEmpty() && group.get(0).part() / routing.parts() != events.part() / routing.parts()) {
                GroupEvents.replayMerged(group, this, this::deliver);
                group.clear();
            }
            group.add(events);
        };
        Part[] current = new Part[1];
        // on this thread alone without workers (a null resource is not closed)
        try (OrderedParallel<Part, GroupEvents> parallel =
                workers == null ? null : new OrderedParallel<>(workers, options.threads(), "reading", read, gather)) {
            java.util.function.Consumer<Part> done =
                    parallel == null ? part -> gather.accept(read.apply(part)) : parallel::submit;
            routing.replay(
                    p -> current[0] = new Part(p, new ArrayList<>()),
                    entry -> current[0].entries().add(entry),
                    p -> done.accept(current[0]));
            if (parallel != null) {
                parallel.finish();
            }
        }
        if (!group.isEmpty()) {
            GroupEvents.replayMerged(group, this, this::deliver);
        }
    }

    private static ExecutorService workerPool(int threads) {
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "mhtrigger-read");
            thread.setDaemon(true);
            return thread;
        });
    }

    private IParser newParser() {
        IParser made = fhir.newJsonParser();
        // lenient, silent: the parser's own log lines may echo input values
        made.setParserErrorHandler(new LenientErrorHandler(false));
        return made;
    }

    private void deliver(StayRecord record) {
        records++;
        listener.record(record);
    }

    private void readAll(List<Path> paths) {
        for (int i = 0; i < paths.size(); i++) {
            Path file = paths.get(i);
            files++;
            fileNames.add(Text.printable(file.toString()));
            int index = fileNames.size() - 1;
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            fileEnd = bytesRead + sizes[i];
            if (name.endsWith(".ndjson")) {
                readNdjson(file, index);
            } else {
                readJson(file, index);
            }
            read(fileEnd - bytesRead, true);
        }
    }

    /**
     * Counts {@code bytes} more of the current file read (never past its end) and tells the listener when it is time:
     * see {@link RecordListener#progress}.
     */
    private void read(long bytes, boolean endOfFile) {
        bytesRead = Math.min(fileEnd, bytesRead + Math.max(0, bytes));
        if (endOfFile || bytesRead - bytesReported >= RecordListener.PROGRESS_BYTES) {
            bytesReported = bytesRead;
            listener.progress(bytesRead, bytesTotal);
        }
    }

    IParser parser() {
        return parser;
    }

    /** A resource newly read (not a duplicate). */
    @Override
    public void counted() {
        resources++;
    }

    String origin(Entry entry) {
        return origin(entry.file(), entry.line(), entry.entry());
    }

    /** {@code file}, {@code file:line}, {@code file entry n} or {@code file:line entry n}. */
    String origin(int file, int line, int entry) {
        String name = fileNames.get(file);
        if (line > 0) {
            name = name + ":" + line;
        }
        return entry > 0 ? name + " entry " + entry : name;
    }

    @Override
    public void rejected(String source, String reason) {
        rejected++;
        listener.rejected(new Rejection(source, reason));
    }

    @Override
    public void warning(String source, String reason) {
        warnings++;
        listener.warning(new Rejection(source, reason));
    }

    @Override
    public void stripped(int count) {
        stripped += count;
    }

    /**
     * Files to read, folders expanded recursively and sorted so runs are reproducible. A dangling symbolic link, an
     * input folder without FHIR files and a pull folder whose pull did not finish are reported, not passed over.
     */
    private List<Path> expand(List<Path> inputs) {
        List<Path> out = new ArrayList<>();
        Set<Path> unique = new HashSet<>();
        for (Path input : inputs) {
            String name = Text.printable(input.toString());
            if (Files.isDirectory(input)) {
                int before = out.size();
                try (Stream<Path> walk = Files.walk(input)) {
                    for (Path p : walk.sorted().toList()) {
                        if (Files.isDirectory(p)) {
                            if (!p.equals(input) && isEmptyOfFhir(p)) {
                                warning(Text.printable(p.toString()), "folder holds no .json or .ndjson files");
                            }
                            if (Files.isRegularFile(p.resolve(PULL_STATE_FILE))) {
                                checkPullFinished(p);
                            }
                            continue;
                        }
                        if (p.getFileName().toString().startsWith(".") || !isFhirFile(p)) {
                            continue;
                        }
                        if (Files.isSymbolicLink(p) && !Files.exists(p)) {
                            rejected(
                                    Text.printable(p.toString()), "dangling symbolic link (its target does not exist)");
                        } else if (Files.isRegularFile(p)
                                && unique.add(p.toAbsolutePath().normalize())) {
                            out.add(p);
                        }
                    }
                } catch (IOException | UncheckedIOException e) {
                    rejected(name, "folder cannot be read (" + e.getClass().getSimpleName() + ")");
                }
                if (out.size() == before) {
                    rejected(name, "folder holds no .json or .ndjson files");
                }
            } else if (Files.isSymbolicLink(input) && !Files.exists(input)) {
                rejected(name, "dangling symbolic link (its target does not exist)");
            } else if (!Files.exists(input)) {
                rejected(name, "no such file or folder");
            } else if (!isFhirFile(input)) {
                rejected(name, "not a .json or .ndjson file");
            } else if (unique.add(input.toAbsolutePath().normalize())) {
                out.add(input);
            }
        }
        return out;
    }

    /** The state file {@code mhtrigger pull} keeps in its output folder (see the server package's NdjsonOutput). */
    private static final String PULL_STATE_FILE = "mhtrigger-pull.state";

    private static boolean isEmptyOfFhir(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.noneMatch(
                    p -> isFhirFile(p) && !p.getFileName().toString().startsWith("."));
        }
    }

    /** Warns when {@code folder} is the output of a pull that stopped before it finished. */
    private void checkPullFinished(Path folder) {
        Path state = folder.resolve(PULL_STATE_FILE);
        String name = Text.printable(state.toString());
        JsonNode progress;
        try {
            progress = scanner.readTree(state.toFile()).path("progress");
        } catch (IOException e) {
            warning(name, "pull state cannot be read: the pull in this folder may be incomplete");
            return;
        }
        String phase = progress.path("phase").asText("");
        if ("done".equals(phase)) {
            return;
        }
        int stays = progress.path("stays").size();
        String how = stays > 0
                ? progress.path("completed").asInt(0) + " of " + stays + " stays pulled"
                : "phase '" + Text.safeToken(phase) + "'";
        warning(
                name,
                "the pull into this folder did not finish (" + how
                        + "): its stays are incomplete; run the same pull again to finish it");
    }

    private static boolean isFhirFile(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".ndjson");
    }

    private void readJson(Path file, int index) {
        String origin = fileNames.get(index);
        JsonNode root;
        try {
            long size = Files.size(file);
            if (size > options.maxResourceBytes()) {
                rejected(origin, tooLong(size) + "; split it, or write it as NDJSON (one resource per line)");
                return;
            }
        } catch (IOException e) {
            rejected(origin, "cannot be read (" + e.getClass().getSimpleName() + ")");
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            root = json.readTree(in);
        } catch (JsonProcessingException e) {
            rejected(origin, jsonProblem(e));
            return;
        } catch (IOException e) {
            rejected(origin, "cannot be read (" + e.getClass().getSimpleName() + ")");
            return;
        }
        if (root == null || root.isMissingNode()) {
            rejected(origin, "empty file");
            return;
        }
        String problem = notAResource(root);
        if (problem != null) {
            rejected(origin, problem);
            return;
        }
        if ("Bundle".equals(root.get("resourceType").asText())) {
            String type = root.path("type").asText("");
            if (!BUNDLE_TYPES.contains(type)) {
                rejected(
                        origin,
                        "Bundle type '" + Text.safeToken(type)
                                + "' is not read (expected collection, transaction, batch, searchset or document)");
                return;
            }
            readEntries(root, index, 0);
        } else {
            take(root, index, 0, 0, null, Map.of());
        }
    }

    /** The entries of a Bundle in a {@code .json} file ({@code line} 0) or on an NDJSON line. */
    private void readEntries(JsonNode bundle, int index, int line) {
        JsonNode entries = bundle.path("entry");
        // before any entry is read: a reference may come ahead of the entry it names
        Map<String, String> aliases = new HashMap<>();
        for (JsonNode entry : entries) {
            JsonNode resource = entry.path("resource");
            String fullUrl = entry.path("fullUrl").asText(null);
            if (!resource.isObject() || fullUrl == null || fullUrl.isBlank()) {
                continue;
            }
            if ("Patient".equals(resource.path("resourceType").asText(null))) {
                scan.patientAt(fullUrl);
            }
            if (spill != null) {
                String key = Route.of(resource).key(fullUrl);
                if (key != null) {
                    aliases.put(fullUrl.trim(), key);
                }
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            JsonNode resource = entry.path("resource");
            if (resource.isMissingNode() || resource.isNull()) {
                continue; // a request without a body (DELETE, conditional reference): nothing to read
            }
            String problem = notAResource(resource);
            if (problem != null) {
                rejected(origin(index, line, i + 1), problem);
                continue;
            }
            if ("Bundle".equals(resource.get("resourceType").asText())) {
                rejected(origin(index, line, i + 1), "a Bundle inside a Bundle is not read");
                continue;
            }
            take(resource, index, line, i + 1, entry.path("fullUrl").asText(null), aliases);
        }
    }

    private void take(JsonNode resource, int index, int line, int entry, String fullUrl, Map<String, String> aliases) {
        byte[] text = resource.toString().getBytes(StandardCharsets.UTF_8);
        take(
                new Entry(seq++, index, line, entry, fullUrl, text, Entry.contentDigest(text)),
                resource,
                null,
                null,
                aliases);
    }

    /**
     * Reads a resource now, or routes it to its group; {@code node} or {@code route} may be {@code null}, and so may
     * {@code prepared} (what a worker worked out for routing it), which is then worked out here.
     */
    private void take(Entry entry, JsonNode node, Route route, Spill.Prepared prepared, Map<String, String> aliases) {
        if (spill == null) {
            direct.read(entry);
            return;
        }
        Route known = route != null ? route : Route.of(node);
        try {
            if (!spill.route(
                    entry,
                    known,
                    prepared != null ? prepared : spill.prepare(known, entry.fullUrl(), aliases),
                    aliases)) {
                shared.read(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the spill files in " + spill.where(), e);
        }
    }

    /** Why a JSON node is not a FHIR R4 resource, or {@code null} if it looks like one. */
    private String notAResource(JsonNode node) {
        if (!node.isObject()) {
            return "not a FHIR resource (expected a JSON object)";
        }
        JsonNode type = node.get("resourceType");
        if (type == null || !type.isTextual() || type.asText().isBlank()) {
            return "not a FHIR resource (no resourceType)";
        }
        if (!fhir.getResourceTypes().contains(type.asText())) {
            return "unknown resourceType '" + Text.safeToken(type.asText()) + "' (not a FHIR R4 resource)";
        }
        return null;
    }

    private void readNdjson(Path file, int index) {
        try (ByteLines reader = new ByteLines(Files.newInputStream(file), (int) options.maxResourceBytes());
                OrderedParallel<ScanBatch, ScanBatch> scanning = workers == null
                        ? null
                        : new OrderedParallel<>(
                                workers, options.threads(), "reading", ScanBatch::scan, b -> b.readAll(index))) {
            byte[] line;
            int number = 0;
            ScanBatch batch = new ScanBatch();
            while ((line = reader.next()) != null) {
                number++;
                read((line == ByteLines.TOO_LONG ? reader.skippedLength() : line.length) + 1L, false);
                if (line == ByteLines.TOO_LONG) {
                    if (scanning == null) {
                        rejected(origin(index, number, 0), tooLong(reader.skippedLength()));
                    } else {
                        // in line order with the lines around it, as on one thread
                        batch.addTooLong(number, reader.skippedLength());
                    }
                    continue;
                }
                if (number == 1 && ByteLines.startsWithByteOrderMark(line)) {
                    line = Arrays.copyOfRange(line, 3, line.length);
                }
                if (ByteLines.isBlank(line)) {
                    continue;
                }
                if (scanning == null) {
                    readLine(line, index, number, scan(line));
                    continue;
                }
                batch.add(line, number);
                if (batch.lines.size() == SCAN_BATCH) {
                    scanning.submit(batch);
                    batch = new ScanBatch();
                }
            }
            if (scanning != null) {
                if (!batch.lines.isEmpty()) {
                    scanning.submit(batch);
                }
                scanning.finish();
            }
        } catch (IOException e) {
            rejected(fileNames.get(index), "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * One NDJSON line: its top level is checked with Jackson (cheap), a Bundle is split into its entries, anything else
     * goes on as one resource for HAPI to parse.
     */
    private void readLine(byte[] line, int index, int number, Scanned scanned) {
        Route route = scanned.route();
        if (route == null || !fhir.getResourceTypes().contains(route.type())) {
            rejected(origin(index, number, 0), problem(new String(line, StandardCharsets.UTF_8), null));
            return;
        }
        if ("Bundle".equals(route.type())) {
            String text = new String(line, StandardCharsets.UTF_8);
            try {
                readEntries(json.readTree(text), index, number);
            } catch (JsonProcessingException e) {
                rejected(origin(index, number, 0), problem(text, null));
            }
            return;
        }
        take(
                new Entry(seq++, index, number, 0, null, scanned.line(), scanned.digest()),
                null,
                route,
                scanned.prepared(),
                Map.of());
    }

    private String tooLong(long bytes) {
        return "too large: " + sizeText(bytes) + " is more than the maximum of " + sizeText(options.maxResourceBytes())
                + " (--max-resource-size)";
    }

    /** {@code 200.0 MiB (209715200 bytes)}. */
    static String sizeText(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String unit = bytes < 1024 * 1024 ? "KiB" : "MiB";
        double value = bytes / (bytes < 1024 * 1024 ? 1024.0 : 1024.0 * 1024);
        return String.format(Locale.ROOT, "%.1f %s (%d bytes)", value, unit, bytes);
    }

    /** Lines scanned at a time on a worker in a split read on several threads. */
    private static final int SCAN_BATCH = 1_000;

    /**
     * What the first pass learns of one NDJSON line before HAPI: its {@link Route} ({@code null}: unreadable), and the
     * line's bytes as they go on.
     */
    private record Scanned(Route route, byte[] line, long digest, Spill.Prepared prepared) {}

    /**
     * Thread-safe: the top level of a line, read with Jackson, and the digest of its text. A line that is not valid
     * UTF-8 goes on decoded as a {@link java.io.Reader} decodes it, its bad bytes replaced, as lines were always read.
     */
    private Scanned scan(byte[] line) {
        Route route;
        byte[] bytes = line;
        try {
            route = scanTop(line);
        } catch (IOException e) {
            route = null;
            byte[] replaced = new String(line, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
            if (!Arrays.equals(replaced, line)) { // not valid UTF-8: read it as replaced
                bytes = replaced;
                try {
                    route = scanTop(replaced);
                } catch (IOException stillBad) {
                    route = null;
                }
            }
        }
        return new Scanned(route, bytes, Entry.contentDigest(bytes), prepared(route));
    }

    /**
     * What routing needs of a line's resource, worked out here on a worker rather than on the routing thread; {@code
     * null} when the read is not split, for a Bundle, or if it fails (the routing thread then works it out itself).
     */
    private Spill.Prepared prepared(Route route) {
        Spill routing = spill;
        if (routing == null || route == null || "Bundle".equals(route.type())) {
            return null;
        }
        try {
            return routing.prepare(route, null, Map.of());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The top level of a line, read with Jackson's streaming parser. */
    private Route scanTop(byte[] line) throws IOException {
        try (JsonParser top = scanner.createParser(line)) {
            return Route.scan(top);
        }
    }

    /**
     * Lines of one NDJSON file scanned on a worker, then read in order on the reading thread, so that sequence numbers,
     * routing and messages are the same as on one thread.
     */
    private final class ScanBatch {
        /** The lines; {@code null} for a line too long to read, whose length is then in {@link #tooLongBytes}. */
        final List<byte[]> lines = new ArrayList<>(SCAN_BATCH);

        final List<Integer> numbers = new ArrayList<>(SCAN_BATCH);
        final Map<Integer, Long> tooLongBytes = new HashMap<>();
        List<Scanned> scanned;

        void add(byte[] line, int number) {
            lines.add(line);
            numbers.add(number);
        }

        void addTooLong(int number, long bytes) {
            tooLongBytes.put(lines.size(), bytes);
            add(null, number);
        }

        /** On a worker. */
        ScanBatch scan() {
            scanned = lines.stream()
                    .map(line -> line == null ? null : ReadSession.this.scan(line))
                    .toList();
            return this;
        }

        /** On the reading thread, in batch order. */
        void readAll(int index) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i) == null) {
                    rejected(origin(index, numbers.get(i), 0), tooLong(tooLongBytes.get(i)));
                } else {
                    readLine(lines.get(i), index, numbers.get(i), scanned.get(i));
                }
            }
        }
    }

    /**
     * A one-line reason why {@code text} (a line or a Bundle entry) was not read, without echoing it: the JSON problem,
     * else why it is not a resource, else what HAPI found ({@code e}, may be {@code null}).
     */
    String problem(String text, DataFormatException e) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException jsonProblem) {
            return jsonProblem(jsonProblem).replace("at line 1, ", "at ");
        }
        String problem = node == null ? "empty line" : notAResource(node);
        if (problem != null) {
            return problem;
        }
        String what =
                describe(node.get("resourceType").asText(), node.path("id").asText(""));
        return what + ": " + (e == null ? "not valid FHIR R4" : fhirProblem(e));
    }

    /** The reason a resource's text has a duplicate key, or {@code null}; for text that HAPI parses, which keeps the last. */
    String duplicateKey(String text) {
        try (JsonParser parser = strict.createParser(text)) {
            while (parser.nextToken() != null) {
                // reading every token is the check
            }
            return null;
        } catch (JsonProcessingException e) {
            return DUPLICATE_KEY
                            .matcher(e.getOriginalMessage() == null ? "" : e.getOriginalMessage())
                            .find()
                    ? jsonProblem(e).replace("at line 1, ", "at ")
                    : null; // other problems are HAPI's to name
        } catch (IOException e) {
            return null;
        }
    }

    private static String describe(String type, String id) {
        String safeId = Text.safeToken(id);
        return safeId.isEmpty() ? type : type + "/" + safeId;
    }

    private static String jsonProblem(JsonProcessingException e) {
        var location = e.getLocation();
        String where =
                location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        Matcher duplicate = DUPLICATE_KEY.matcher(original);
        if (duplicate.find()) {
            return "duplicate key '" + Text.safeToken(duplicate.group(1)) + "'" + where + " (a key may appear once)";
        }
        if (e instanceof JsonEOFException || original.contains("end-of-input")) {
            return "truncated JSON (input ends" + where + ")";
        }
        return "malformed JSON" + where;
    }

    /** HAPI's messages may echo input: keep only its error code and the element it names. */
    private static String fhirProblem(DataFormatException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher code = HAPI_CODE.matcher(message);
        Matcher element = ELEMENT.matcher(message);
        StringBuilder out = new StringBuilder("not valid FHIR R4");
        if (element.find()) {
            out.append(": invalid value in element '").append(element.group(1)).append("'");
        }
        if (code.find()) {
            out.append(" (").append(code.group()).append(")");
        }
        return out.toString();
    }
}
