package org.mhtrigger.bench.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.mhtrigger.app.internal.Folders;
import org.mhtrigger.corpus.CorpusGenerator;
import org.mhtrigger.engine.MhTriggerException;
import org.mhtrigger.engine.sampling.ReviewPeriod;
import org.mhtrigger.engine.sampling.SamplingCriteria;
import org.mhtrigger.engine.sampling.SamplingUnit;
import org.mhtrigger.engine.screen.Rejection;
import org.mhtrigger.review.ReviewServer;
import org.mhtrigger.review.ScreenedStay;
import org.mhtrigger.review.importing.ImportPipeline;
import org.mhtrigger.review.store.AuditTrail;
import org.mhtrigger.review.store.Caller;
import org.mhtrigger.review.store.OutcomeClass;
import org.mhtrigger.review.store.ReviewService;
import org.mhtrigger.review.store.ReviewService.EventInput;
import org.mhtrigger.review.store.ReviewService.ReviewView;
import org.mhtrigger.review.store.ReviewStatus;
import org.mhtrigger.review.store.Role;
import org.mhtrigger.review.store.SignOff;
import org.mhtrigger.review.store.Stays;
import org.mhtrigger.review.store.Users;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills a review database the way a trust would have it after two years of trigger-tool review, for {@code mhtrigger
 * bench-ui}: synthetic stays from the corpus generator, screened by {@link ImportPipeline} and imported by {@link
 * Stays#importStays} (chunk by chunk, on several threads), then one sample a month drawn by {@link ReviewService} and
 * reviewed through it: events recorded (and now and then withdrawn), triggers the engine missed added, time spent,
 * submitted and signed by a physician, so review states, events, signatures and audit rows are the product's own.
 * The oldest months are all authenticated; the last two are still being worked on. Everything else stays screened
 * and unreviewed. Seeded: the same parameters give the same data.
 *
 * <p>It writes audit rows (entity {@value #MARKER}) recording its parameters before it starts and when it is done,
 * so that a second run with the same parameters skips seeding, an interrupted run resumes (chunks and months already
 * present are skipped), and a database holding anything else is refused. Not thread-safe: one run at a time.
 */
public final class UiLoadData {
    /** The audit entity of the parameter rows. */
    public static final String MARKER = "bench-seed";

    static final String LEAD = "bench-lead";
    static final int REVIEWERS = 4;
    static final int PHYSICIANS = 2;
    private static final int CHUNK = 1000;

    /**
     * What to seed. Immutable.
     *
     * @param stays screened stays, at least 1
     * @param months reviewed months (one sample each), at least 1
     * @param sampleSize stays drawn per month, at least 1
     * @param seed corpus and review seed
     */
    public record Parameters(int stays, int months, int sampleSize, long seed) {
        public Parameters {
            if (stays < 1) {
                throw new IllegalArgumentException("stays " + stays + " must be at least 1");
            }
            if (months < 1 || months > 120) {
                throw new IllegalArgumentException("months " + months + " must be between 1 and 120");
            }
            if (sampleSize < 1) {
                throw new IllegalArgumentException("sample size " + sampleSize + " must be at least 1");
            }
        }

        String text() {
            return "stays=" + stays + " months=" + months + " sample=" + sampleSize + " seed=" + seed;
        }
    }

    /**
     * What {@link #seed} found or did.
     *
     * @param alreadySeeded whether the database was already seeded with these parameters (nothing was written)
     * @param stayMillis time spent generating, screening and importing stays
     * @param reviewMillis time spent drawing and reviewing samples
     * @param first first reviewed month
     * @param last last reviewed month
     */
    public record Outcome(boolean alreadySeeded, long stayMillis, long reviewMillis, YearMonth first, YearMonth last) {}

    private final ReviewServer server;
    private final Parameters parameters;
    private final int threads;
    private final PrintWriter progress;
    private final JdbcClient jdbc;

    /**
     * @param server the running review UI whose beans do the work
     * @param threads threads that generate and screen stays
     * @param progress where progress lines go (stderr)
     */
    public UiLoadData(ReviewServer server, Parameters parameters, int threads, PrintWriter progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads + " must be at least 1");
        }
        this.server = server;
        this.parameters = parameters;
        this.threads = threads;
        this.progress = progress;
        this.jdbc = server.bean(JdbcClient.class);
    }

    /** Seeds the database unless it is already seeded with the same parameters. */
    public Outcome seed() throws InterruptedException {
        List<String> markers = jdbc.sql(
                        "SELECT field || ': ' || new_value FROM audit_entry WHERE entity = ?" + " ORDER BY id")
                .param(MARKER)
                .query(String.class)
                .list();
        String wanted = parameters.text();
        for (String marker : markers) {
            if (!marker.endsWith(": " + wanted)) {
                throw new MhTriggerException("the database was seeded by bench-ui with other parameters (" + marker
                        + "), not " + wanted + ": use the same parameters or another, empty database");
            }
        }
        if (markers.contains("done: " + wanted)) {
            List<YearMonth> months = reviewedMonths();
            return new Outcome(true, 0, 0, months.getFirst(), months.getLast());
        }
        long stayCount = server.bean(Stays.class).count();
        if (markers.isEmpty() && stayCount > 0) {
            throw new MhTriggerException("the database already holds " + stayCount + " stays that bench-ui did not"
                    + " seed: give it an empty database of its own (it writes synthetic data)");
        }
        AuditTrail audit = server.bean(AuditTrail.class);
        if (markers.isEmpty()) {
            audit.append("system", MARKER, 0, null, "started", null, wanted, "synthetic load-test data");
        } else {
            progress.println("bench-ui: resuming an interrupted seeding (" + wanted + ")");
        }
        accounts();
        long start = System.nanoTime();
        importStays();
        long staysDone = System.nanoTime();
        List<YearMonth> months = chooseMonths(server.bean(Stays.class).samplingUnits(), parameters.months());
        reviewMonths(months);
        long reviewsDone = System.nanoTime();
        audit.append("system", MARKER, 0, null, "done", null, wanted, "synthetic load-test data");
        return new Outcome(
                false,
                (staysDone - start) / 1_000_000,
                (reviewsDone - staysDone) / 1_000_000,
                months.getFirst(),
                months.getLast());
    }

    /** The months that have a sample, oldest first. */
    public List<YearMonth> reviewedMonths() {
        return jdbc.sql("SELECT DISTINCT label FROM review_period ORDER BY label").query(String.class).list().stream()
                .map(YearMonth::parse)
                .toList();
    }

    /** The reviews of the samples (first reviews), in id order: the records the load driver opens. */
    public List<Long> reviewIds() {
        return jdbc.sql("SELECT id FROM review WHERE second_of IS NULL ORDER BY id")
                .query(Long.class)
                .list();
    }

    /** Row counts of the main tables, by table name, in a fixed order. */
    public Map<String, Long> sizes() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String table : List.of(
                "stay",
                "stay_item",
                "finding",
                "review_period",
                "review",
                "adverse_event",
                "signature",
                "audit_entry")) {
            sizes.put(
                    table,
                    jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
        }
        return sizes;
    }

    // ---------------------------------------------------------------- accounts

    private void accounts() {
        Users users = server.bean(Users.class);
        ensure(users, LEAD, "Bench Safety-Lead", Role.SAFETY_LEAD);
        for (int i = 1; i <= REVIEWERS; i++) {
            ensure(users, reviewer(i), "Bench Reviewer " + i, Role.REVIEWER);
        }
        for (int i = 1; i <= PHYSICIANS; i++) {
            ensure(users, physician(i), "Dr Bench Physician " + i, Role.PHYSICIAN);
        }
    }

    private static void ensure(Users users, String username, String displayName, Role role) {
        if (users.find(username).isEmpty()) {
            // nobody signs in as these accounts: a random password nobody knows
            users.create(
                    username, displayName, role, java.util.UUID.randomUUID().toString(), "system");
        }
    }

    static String reviewer(int i) {
        return "bench-reviewer-" + i;
    }

    static String physician(int i) {
        return "bench-physician-" + i;
    }

    // ---------------------------------------------------------------- stays

    private void importStays() throws InterruptedException {
        int chunks = (parameters.stays() + CHUNK - 1) / CHUNK;
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        progress.printf(
                Locale.ROOT,
                "bench-ui: generating, screening and importing %,d stays in %d chunks on %d thread(s)...%n",
                parameters.stays(),
                chunks,
                threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    ImportPipeline pipeline = new ImportPipeline();
                    for (int chunk = next.getAndIncrement(); chunk < chunks; chunk = next.getAndIncrement()) {
                        importChunk(pipeline, chunk);
                        int stays = Math.min(parameters.stays(), done.addAndGet(CHUNK));
                        double seconds = (System.nanoTime() - start) / 1e9;
                        synchronized (progress) {
                            progress.printf(
                                    Locale.ROOT,
                                    "bench-ui: %,d of %,d stays imported (%.0f stays/s)%n",
                                    stays,
                                    parameters.stays(),
                                    stays / seconds);
                            progress.flush();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private void importChunk(ImportPipeline pipeline, int chunk) throws IOException {
        int first = chunk * CHUNK;
        int size = Math.min(CHUNK, parameters.stays() - first);
        List<String> ids = IntStream.range(first, first + size)
                .mapToObj(i -> String.format(Locale.ROOT, "e-%06d", i + 1))
                .toList();
        Long present = jdbc.sql("SELECT COUNT(*) FROM stay WHERE encounter_id IN (:ids)")
                .param("ids", ids)
                .query(Long.class)
                .single();
        if (present > 0) {
            return; // imported by an interrupted run: each chunk is one transaction
        }
        Path dir = Files.createTempDirectory("mhtrigger-bench-ui");
        try {
            // a seed per chunk: the generator's content depends on the seed and the index within the corpus only
            new CorpusGenerator(new CorpusGenerator.Settings(
                            size, parameters.seed() * 100_003L + chunk, CorpusGenerator.Format.NDJSON, first))
                    .generate(dir, CorpusGenerator.Progress.NONE);
            List<ScreenedStay> screened = new ArrayList<>(size);
            pipeline.run(List.of(dir), new ImportPipeline.Listener() {
                @Override
                public void screened(ScreenedStay stay) {
                    screened.add(stay);
                }

                @Override
                public void rejected(Rejection rejection) {
                    synchronized (progress) {
                        progress.println("bench-ui: rejected: " + rejection);
                    }
                }
            });
            server.bean(Stays.class).importStays(screened);
        } finally {
            Folders.deleteQuietly(dir);
        }
    }

    /**
     * The {@code count} consecutive months with the most discharges (the latest such window on a tie), oldest first:
     * the corpus spreads its stays over more than three years, a trust reviews the recent two.
     */
    static List<YearMonth> chooseMonths(List<SamplingUnit> units, int count) {
        TreeMap<YearMonth, Integer> discharges = new TreeMap<>();
        for (SamplingUnit unit : units) {
            discharges.merge(YearMonth.from(unit.discharged().atZone(ZoneOffset.UTC)), 1, Integer::sum);
        }
        if (discharges.isEmpty()) {
            throw new MhTriggerException("no stays were imported: nothing to sample");
        }
        YearMonth earliest = discharges.firstKey();
        YearMonth latest = discharges.lastKey();
        YearMonth bestStart = latest.minusMonths(count - 1);
        long best = -1;
        for (YearMonth start = earliest.minusMonths(count - 1); !start.isAfter(latest); start = start.plusMonths(1)) {
            long total = 0;
            for (int m = 0; m < count; m++) {
                total += discharges.getOrDefault(start.plusMonths(m), 0);
            }
            if (total >= best) {
                best = total;
                bestStart = start;
            }
        }
        List<YearMonth> months = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            months.add(bestStart.plusMonths(m));
        }
        return months;
    }

    // ---------------------------------------------------------------- reviews

    private void reviewMonths(List<YearMonth> months) {
        ReviewService reviews = server.bean(ReviewService.class);
        Caller lead = new Caller(LEAD, "Bench Safety-Lead", Role.SAFETY_LEAD);
        TransactionTemplate transaction = new TransactionTemplate(server.bean(PlatformTransactionManager.class));
        long start = System.nanoTime();
        for (int m = 0; m < months.size(); m++) {
            YearMonth month = months.get(m);
            int fromEnd = months.size() - 1 - m;
            boolean present =
                    reviews.periods(lead).stream().anyMatch(p -> p.label().equals(month.toString()));
            if (present) {
                continue; // reviewed by an interrupted run: each month is one transaction
            }
            transaction.executeWithoutResult(status -> reviewMonth(reviews, lead, month, fromEnd));
            progress.printf(
                    Locale.ROOT,
                    "bench-ui: sample of %s drawn and reviewed (%d of %d months, %.1f s)%n",
                    month,
                    m + 1,
                    months.size(),
                    (System.nanoTime() - start) / 1e9);
            progress.flush();
        }
    }

    private void reviewMonth(ReviewService reviews, Caller lead, YearMonth month, int fromEnd) {
        SplittableRandom random =
                new SplittableRandom(parameters.seed() * 31L + month.getYear() * 12L + month.getMonthValue());
        ReviewService.PeriodView period = reviews.drawSample(
                lead,
                ReviewPeriod.month(month),
                SamplingCriteria.defaults(),
                parameters.sampleSize(),
                random.nextLong());
        List<ReviewView> sample = reviews.queue(lead).stream()
                .filter(r -> r.periodId() == period.id())
                .sorted(Comparator.comparingInt(ReviewView::drawOrder))
                .toList();
        for (ReviewView review : sample) {
            if (review.reviewer() == null) {
                continue;
            }
            review(reviews, review, target(fromEnd, random), random);
        }
    }

    /** How far a review of the month {@code fromEnd} months before the last has got. */
    private static ReviewStatus target(int fromEnd, SplittableRandom random) {
        double r = random.nextDouble();
        return switch (fromEnd) {
            case 0 ->
                r < 0.25
                        ? ReviewStatus.ASSIGNED
                        : r < 0.5
                                ? ReviewStatus.IN_PROGRESS
                                : r < 0.75 ? ReviewStatus.SUBMITTED : ReviewStatus.AUTHENTICATED;
            case 1 -> r < 0.2 ? ReviewStatus.SUBMITTED : ReviewStatus.AUTHENTICATED;
            default -> ReviewStatus.AUTHENTICATED;
        };
    }

    private void review(ReviewService reviews, ReviewView review, ReviewStatus target, SplittableRandom random) {
        if (target == ReviewStatus.ASSIGNED) {
            return;
        }
        long id = review.id();
        Caller reviewer = new Caller(review.reviewer(), review.reviewer(), Role.REVIEWER);
        reviews.addTime(reviewer, id, 300 + random.nextInt(600));
        TreeSet<String> triggers = new TreeSet<>();
        Map<String, String> names = new HashMap<>();
        for (Stays.FindingView finding : server.bean(Stays.class).findings(review.stayId())) {
            triggers.add(finding.trigger());
            names.putIfAbsent(finding.trigger(), finding.name());
        }
        List<Long> events = new ArrayList<>();
        for (String trigger : triggers) {
            eventFor(trigger, names.get(trigger), random)
                    .ifPresent(input -> events.add(reviews.addEvent(reviewer, id, version(reviews, id), input, null)));
        }
        if (random.nextInt(20) == 0) {
            reviews.addTrigger(
                    reviewer,
                    id,
                    version(reviews, id),
                    "MH-C07",
                    "Other",
                    "synthetic: seen in a nursing note, not found by the engine",
                    null);
        }
        if (!events.isEmpty() && random.nextInt(20) == 0) {
            long eventId = events.removeLast();
            ReviewService.EventView event = reviews.events(reviewer, id).stream()
                    .filter(e -> e.id() == eventId)
                    .findFirst()
                    .orElseThrow();
            reviews.changeEvent(
                    reviewer, id, version(reviews, id), eventId, event.version(), event.input(), true, null);
        }
        if (target == ReviewStatus.IN_PROGRESS) {
            return;
        }
        reviews.submit(reviewer, id, version(reviews, id), random.nextInt(120));
        if (target == ReviewStatus.SUBMITTED) {
            return;
        }
        String signer = physician(1 + random.nextInt(PHYSICIANS));
        Caller physician = new Caller(signer, "Dr " + signer, Role.PHYSICIAN);
        List<SignOff.EventDecision> decisions = new ArrayList<>();
        for (long eventId : events) {
            decisions.add(
                    random.nextInt(100) < 85
                            ? SignOff.EventDecision.confirm(eventId)
                            : SignOff.EventDecision.reject(eventId, "not an adverse event (load data)"));
        }
        reviews.sign(physician, id, version(reviews, id), decisions);
    }

    private static long version(ReviewService reviews, long reviewId) {
        return reviews.find(reviewId).orElseThrow().version();
    }

    /** The event a reviewer records for a trigger of the stay, if any: about a third of triggers lead to one. */
    private static Optional<EventInput> eventFor(String trigger, String name, SplittableRandom random) {
        String module = trigger.length() > 3 ? trigger.substring(0, 4) : trigger;
        OutcomeClass outcome;
        double chance;
        switch (module) {
            case "MH-C", "MH-X" -> {
                outcome = OutcomeClass.ADVERSE_EVENT;
                chance = 0.35;
            }
            case "MH-M", "MH-L" -> {
                outcome = OutcomeClass.ADVERSE_DRUG_EVENT;
                chance = 0.35;
            }
            case "MH-B" -> {
                outcome = OutcomeClass.MH_SAFETY_INCIDENT;
                chance = 0.6;
            }
            case "MH-Q" -> {
                outcome = OutcomeClass.QUALITY_OF_CARE;
                chance = 0.3;
            }
            default -> {
                return Optional.empty(); // restrictive practice is counted from screening, not from events
            }
        }
        if (random.nextDouble() >= chance) {
            return Optional.empty();
        }
        String harm = "";
        if (outcome.needsHarmCategory()) {
            int r = random.nextInt(100);
            harm = r < 65 ? "E" : r < 90 ? "F" : r < 96 ? "G" : r < 99 ? "H" : "I";
        }
        return Optional.of(new EventInput(
                trigger,
                outcome,
                "synthetic: " + name + " (load-test data)",
                harm,
                random.nextInt(10) == 0,
                List.of("yes", "no", "unknown").get(random.nextInt(3))));
    }
}
