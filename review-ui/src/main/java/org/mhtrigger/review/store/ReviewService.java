package org.mhtrigger.review.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mhtrigger.engine.measure.HarmCategory;
import org.mhtrigger.engine.sampling.ReviewPeriod;
import org.mhtrigger.engine.sampling.SampleManifest;
import org.mhtrigger.engine.sampling.Sampler;
import org.mhtrigger.engine.sampling.SamplingCriteria;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review workflow (method.md §2): periods and samples, queues, triggers a reviewer adds, adverse events,
 * submission and the physician's signature. Every method checks the caller's role (and, for reviewers, that the
 * record is assigned to them), every change checks the version the caller saw and bumps it, and every change
 * appends audit rows in the same transaction. Thread-safe.
 */
@Service
public class ReviewService {
    /** Seconds one timer report may add at most: a report covers at most the last few minutes. */
    static final long MAX_SECONDS_PER_REPORT = 15 * 60;

    private final JdbcClient jdbc;
    private final Stays stays;
    private final Users users;
    private final AuditTrail audit;

    public ReviewService(JdbcClient jdbc, Stays stays, Users users, AuditTrail audit) {
        this.jdbc = jdbc;
        this.stays = stays;
        this.users = users;
        this.audit = audit;
    }

    /** A review period with its sample protocol. */
    public record PeriodView(
            long id,
            String label,
            LocalDate start,
            LocalDate endExclusive,
            long seed,
            int requestedSize,
            int frameSize,
            int minAgeYears,
            double minLosHours,
            String stratifyBy,
            String protocolVersion,
            String createdBy,
            Instant createdAt,
            int sampled,
            int signed,
            String drawKind,
            Instant withdrawnAt,
            String withdrawnBy,
            String withdrawnReason,
            LocalDate dueDate) {
        public boolean withdrawn() {
            return withdrawnAt != null;
        }

        public boolean addition() {
            return "addition".equals(drawKind);
        }
    }

    /**
     * One sampled record's review.
     *
     * @param secondOf for the second of two independent reviews, the id of the first; null otherwise
     * @param awaitingConsensus whether a second review of this one exists and no consensus is recorded yet
     * @param triggerCount the triggers (engine's and reviewers') on the record's stay
     * @param dueDate when the review and its sign-off are due: the draw's due date (see V16 and the README)
     * @param returnedComment the physician's comment when the record was last returned to the reviewer, or null
     */
    public record ReviewView(
            long id,
            long periodId,
            String periodLabel,
            long stayId,
            String encounterId,
            String ward,
            int drawOrder,
            String reviewer,
            ReviewStatus status,
            long secondsSpent,
            long version,
            Long secondOf,
            boolean awaitingConsensus,
            int triggerCount,
            LocalDate dueDate,
            String returnedComment,
            String returnedBy,
            Instant returnedAt) {
        public boolean isSecondReview() {
            return secondOf != null;
        }

        /** Whether it is past its due date on {@code today} and not signed off. */
        public boolean overdue(LocalDate today) {
            return dueDate != null && today.isAfter(dueDate) && status != ReviewStatus.AUTHENTICATED;
        }
    }

    /** The columns {@link #review} reads, from review r, review_period p and stay s. */
    static final String REVIEW_SELECT = "SELECT r.*, p.label AS period_label, s.encounter_id, s.ward,"
            + " CASE WHEN r.consensus_at IS NULL AND EXISTS (SELECT 1 FROM review x WHERE x.second_of = r.id)"
            + " THEN TRUE ELSE FALSE END AS awaiting_consensus,"
            + " (SELECT COUNT(*) FROM finding f WHERE f.stay_id = r.stay_id) AS trigger_count,"
            + " COALESCE(p.due_date, p.end_exclusive) AS review_due FROM review r"
            + " JOIN review_period p ON p.id = r.period_id JOIN stay s ON s.id = r.stay_id";

    /** One possible adverse event a reviewer recorded. Status: recorded, confirmed, rejected or withdrawn. */
    public record EventView(
            long id,
            long reviewId,
            String trigger,
            OutcomeClass outcomeClass,
            String description,
            String harmCategory,
            boolean presentOnAdmission,
            String preventability,
            String status,
            String createdBy,
            Instant createdAt,
            long version) {}

    /** An electronic signature: who, when, and its meaning, e.g. "authenticated: harm F". */
    public record SignatureView(long id, String signer, String signerName, Instant signedAt, String meaning) {}

    /** What a reviewer enters for an event; {@code harmCategory} is E-I, or empty where the class needs none. */
    public record EventInput(
            String trigger,
            OutcomeClass outcomeClass,
            String description,
            String harmCategory,
            boolean presentOnAdmission,
            String preventability) {
        public EventInput {
            Objects.requireNonNull(outcomeClass, "outcome class must not be null");
            description = description == null ? "" : description.strip();
            if (description.isEmpty()) {
                throw new IllegalArgumentException("description must not be empty");
            }
            if (description.length() > 4000) {
                throw new IllegalArgumentException("description must be at most 4000 characters");
            }
            harmCategory = harmCategory == null ? "" : harmCategory.strip();
            if (!harmCategory.isEmpty()) {
                if (!HarmCategory.valueOf(harmCategory).isHarm()) { // valueOf throws for anything but A-I
                    throw new IllegalArgumentException(
                            "harm category '" + harmCategory + "' must be one of E-I (A-D are errors without harm)");
                }
            } else if (outcomeClass.needsHarmCategory()) {
                throw new IllegalArgumentException(outcomeClass.label() + " needs a harm category E-I");
            }
            preventability = preventability == null || preventability.isBlank() ? "unknown" : preventability;
            if (!List.of("yes", "no", "unknown").contains(preventability)) {
                throw new IllegalArgumentException(
                        "preventability '" + preventability + "' must be yes, no or unknown");
            }
            trigger = trigger == null || trigger.isBlank() ? null : trigger.strip();
        }
    }

    // ---------------------------------------------------------------- periods and samples

    /**
     * Draws the period's sample from all imported stays and assigns it round-robin to the enabled reviewers. A period
     * has one sample: drawing again for a period that has one is refused ({@link SampleExistsException}); the lead
     * {@linkplain #addToSample adds stays} to it or {@linkplain #withdrawSample withdraws} it first.
     */
    @Transactional
    public PeriodView drawSample(Caller caller, ReviewPeriod period, SamplingCriteria criteria, int size, long seed) {
        require(caller, Role.SAFETY_LEAD);
        List<PeriodView> existing = activeDraws(period);
        if (!existing.isEmpty()) {
            PeriodView first = existing.getFirst();
            int sampled = existing.stream().mapToInt(PeriodView::sampled).sum();
            throw new SampleExistsException(
                    period.label(),
                    "period " + period.label() + " already has a sample of "
                            + sampled + " records, drawn by " + first.createdBy() + " on "
                            + first.createdAt().toString().substring(0, 10)
                            + ". Drawing again would hide it; add stays to"
                            + " this sample, or withdraw it with a reason (only while none of its records is signed).");
        }
        SampleManifest manifest = Sampler.draw(stays.samplingUnits(), period, criteria, size, seed);
        long periodId = insertDraw(caller, manifest, "sample", 0);
        audit.append(caller.username(), "period", periodId, null, "sample", null, describe(manifest), null);
        return period(periodId).orElseThrow();
    }

    /**
     * Adds {@code extra} stays to the period's sample: drawn with {@code seed} under the sample's own criteria from
     * the stays of the frame not yet in it, assigned like the first draw, audited with the reason.
     */
    @Transactional
    public PeriodView addToSample(Caller caller, ReviewPeriod period, int extra, long seed, String reason) {
        require(caller, Role.SAFETY_LEAD);
        List<PeriodView> existing = activeDraws(period);
        if (existing.isEmpty()) {
            throw new IllegalStateException("period " + period.label() + " has no sample to add to; draw one first");
        }
        PeriodView first = existing.getFirst();
        SamplingCriteria criteria = new SamplingCriteria(first.minAgeYears(), first.minLosHours(), first.stratifyBy());
        java.util.Set<String> inSample = new java.util.HashSet<>(jdbc.sql("SELECT s.encounter_id FROM review r JOIN"
                        + " stay s ON s.id = r.stay_id WHERE r.period_id IN (:ids)")
                .param("ids", existing.stream().map(PeriodView::id).toList())
                .query(String.class)
                .list());
        List<org.mhtrigger.engine.sampling.SamplingUnit> rest = stays.samplingUnits().stream()
                .filter(u -> !inSample.contains(u.encounterId()))
                .toList();
        SampleManifest manifest = Sampler.draw(rest, period, criteria, extra, seed);
        if (manifest.chosen().isEmpty()) {
            throw new IllegalStateException(
                    "every stay in the frame of " + period.label() + " is already in its sample");
        }
        int nextOrder = jdbc.sql("SELECT COALESCE(MAX(draw_order) + 1, 0) FROM review WHERE period_id IN (:ids)")
                .param("ids", existing.stream().map(PeriodView::id).toList())
                .query(Integer.class)
                .single();
        long periodId = insertDraw(caller, manifest, "addition", nextOrder);
        audit.append(caller.username(), "period", periodId, null, "sample addition", null, describe(manifest), reason);
        return period(periodId).orElseThrow();
    }

    /**
     * Withdraws the period's sample with a reason, so that a new one can be drawn. Refused once any of its records is
     * signed: a signed-off review never leaves the figures. Its records leave the queues; every row stays.
     */
    @Transactional
    public int withdrawSample(Caller caller, ReviewPeriod period, String reason) {
        require(caller, Role.SAFETY_LEAD);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("give a reason for withdrawing the sample of " + period.label());
        }
        List<PeriodView> existing = activeDraws(period);
        if (existing.isEmpty()) {
            throw new IllegalStateException("period " + period.label() + " has no sample to withdraw");
        }
        List<Long> ids = existing.stream().map(PeriodView::id).toList();
        int signed = jdbc.sql("SELECT COUNT(*) FROM review WHERE period_id IN (:ids) AND status IN ('AUTHENTICATED',"
                        + " 'CHANGED_SINCE_SIGNATURE')")
                .param("ids", ids)
                .query(Integer.class)
                .single();
        if (signed > 0) {
            throw new IllegalStateException("the sample of " + period.label() + " cannot be withdrawn: " + signed
                    + " of its records are signed off, and signed-off reviews stay in the figures. Add stays to the"
                    + " sample instead.");
        }
        for (PeriodView draw : existing) {
            jdbc.sql("UPDATE review_period SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ? WHERE id = ?")
                    .params(Stays.utc(Instant.now()), caller.username(), reason.strip(), draw.id())
                    .update();
            audit.append(caller.username(), "period", draw.id(), null, "withdrawn", null, "withdrawn", reason.strip());
        }
        // the version change tells the figures' cache that the sample changed
        jdbc.sql("UPDATE review SET version = version + 1 WHERE period_id IN (:ids)")
                .param("ids", ids)
                .update();
        return existing.stream().mapToInt(PeriodView::sampled).sum();
    }

    /** The period's draws that count (its sample and additions, not withdrawn), oldest first. */
    public List<PeriodView> activeDraws(ReviewPeriod period) {
        return jdbc.sql(PERIOD_SELECT + " WHERE p.start_date = ? AND p.end_exclusive = ? AND p.withdrawn_at IS NULL"
                        + " ORDER BY p.id")
                .params(period.start(), period.endExclusive())
                .query(ReviewService::period)
                .list();
    }

    private long insertDraw(Caller caller, SampleManifest manifest, String kind, int firstOrder) {
        KeyHolder key = new GeneratedKeyHolder();
        ReviewPeriod period = manifest.period();
        SamplingCriteria criteria = manifest.criteria();
        jdbc.sql("INSERT INTO review_period (label, start_date, end_exclusive, seed, requested_size, frame_size,"
                        + " min_age_years, min_los_hours, stratify_by, protocol_version, created_by, created_at,"
                        + " draw_kind, due_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        period.label(),
                        period.start(),
                        period.endExclusive(),
                        manifest.seed(),
                        manifest.requestedSize(),
                        manifest.frameSize(),
                        criteria.minAgeYears(),
                        criteria.minLengthOfStayHours(),
                        criteria.stratifyBy(),
                        manifest.protocolVersion(),
                        caller.username(),
                        Stays.utc(Instant.now()),
                        kind,
                        dueDate(period, LocalDate.now(java.time.ZoneOffset.UTC)))
                .update(key, "id");
        long periodId = key.getKey().longValue();
        List<String> reviewers = users.usernamesWithRole(Role.REVIEWER);
        int order = firstOrder;
        for (String encounterId : manifest.chosen()) {
            long stayId = stays.findByEncounter(encounterId).orElseThrow().id();
            String reviewer = reviewers.isEmpty() ? null : reviewers.get(order % reviewers.size());
            KeyHolder reviewKey = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO review (period_id, stay_id, draw_order, reviewer, status, seconds_spent, version)"
                            + " VALUES (?, ?, ?, ?, ?, 0, 0)")
                    .params(periodId, stayId, order, reviewer, ReviewStatus.ASSIGNED.name())
                    .update(reviewKey, "id");
            long reviewId = reviewKey.getKey().longValue();
            audit.append(caller.username(), "review", reviewId, reviewId, "reviewer", null, reviewer, null);
            order++;
        }
        return periodId;
    }

    private static final String PERIOD_SELECT = "SELECT p.*, (SELECT COUNT(*) FROM review r WHERE r.period_id = p.id"
            + " AND r.second_of IS NULL) AS sampled, (SELECT COUNT(*) FROM review r WHERE r.period_id = p.id AND"
            + " r.second_of IS NULL AND r.status = 'AUTHENTICATED') AS signed FROM review_period p";

    public List<PeriodView> periods(Caller caller) {
        require(caller, Role.SAFETY_LEAD);
        return jdbc.sql(PERIOD_SELECT + " ORDER BY p.start_date DESC, p.id DESC")
                .query(ReviewService::period)
                .list();
    }

    Optional<PeriodView> period(long id) {
        return jdbc.sql(PERIOD_SELECT + " WHERE p.id = ?")
                .param(id)
                .query(ReviewService::period)
                .optional();
    }

    // ---------------------------------------------------------------- queues and reading

    /**
     * One page of a queue.
     *
     * @param page 1-based page number, within 1..{@link #pages()}
     * @param total records in the whole queue
     */
    public record QueuePage(List<ReviewView> reviews, int page, int pageSize, long total) {
        public QueuePage {
            reviews = List.copyOf(reviews);
        }

        public int pages() {
            return (int) Math.max(1, (total + pageSize - 1) / pageSize);
        }

        /** Position of the page's first record in the queue, 1-based; 0 when the queue is empty. */
        public long first() {
            return reviews.isEmpty() ? 0 : (long) (page - 1) * pageSize + 1;
        }

        public long last() {
            return first() == 0 ? 0 : first() + reviews.size() - 1;
        }
    }

    /** Which reviews are in a queue ({@code where}, over review r only) and in what order. */
    private record QueueQuery(String where, String order, Object[] params) {}

    /** Records of a withdrawn sample leave every queue (their rows stay). */
    private static final String IN_ACTIVE_SAMPLE = " WHERE NOT EXISTS (SELECT 1 FROM review_period w WHERE w.id ="
            + " r.period_id AND w.withdrawn_at IS NOT NULL)";

    private static QueueQuery queueQuery(Caller caller) {
        return switch (caller.role()) {
            case REVIEWER ->
                new QueueQuery(
                        IN_ACTIVE_SAMPLE + " AND r.reviewer = ?",
                        " ORDER BY p.start_date DESC, r.draw_order, r.id",
                        new Object[] {caller.username()});
            case PHYSICIAN ->
                new QueueQuery(
                        IN_ACTIVE_SAMPLE + " AND r.status IN ('SUBMITTED', 'CHANGED_SINCE_SIGNATURE', 'AUTHENTICATED',"
                                + " 'RETURNED')"
                                + " AND r.second_of IS NULL AND (r.consensus_at IS NOT NULL"
                                + " OR NOT EXISTS (SELECT 1 FROM review x WHERE x.second_of = r.id))",
                        " ORDER BY CASE WHEN r.status = 'AUTHENTICATED' THEN 1 ELSE 0 END,"
                                + " p.start_date DESC, r.draw_order, r.id",
                        new Object[0]);
            case SAFETY_LEAD ->
                new QueueQuery(IN_ACTIVE_SAMPLE, " ORDER BY p.start_date DESC, r.draw_order, r.id", new Object[0]);
            case ADMIN -> throw new AccessDeniedException("admin accounts have no access to records");
        };
    }

    /**
     * The caller's queue: a reviewer's assigned records; for a physician the records awaiting signature first,
     * then those signed; for a safety lead every sampled record. Newest period first.
     */
    public List<ReviewView> queue(Caller caller) {
        QueueQuery query = queueQuery(caller);
        return jdbc.sql(REVIEW_SELECT + query.where() + query.order())
                .params(query.params())
                .query(ReviewService::review)
                .list();
    }

    /**
     * Page {@code page} (1-based; beyond the last page, the last) of {@link #queue(Caller)}, {@code pageSize}
     * records a page, read from the database a page at a time.
     */
    public QueuePage queue(Caller caller, int page, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size " + pageSize + " must be at least 1");
        }
        QueueQuery query = queueQuery(caller);
        long total = jdbc.sql("SELECT COUNT(*) FROM review r" + query.where())
                .params(query.params())
                .query(Long.class)
                .single();
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        int shown = Math.max(1, Math.min(page, pages));
        Object[] params = java.util.Arrays.copyOf(query.params(), query.params().length + 2);
        params[params.length - 2] = pageSize;
        params[params.length - 1] = (long) (shown - 1) * pageSize;
        List<ReviewView> reviews = jdbc.sql(REVIEW_SELECT + query.where() + query.order() + " LIMIT ? OFFSET ?")
                .params(params)
                .query(ReviewService::review)
                .list();
        return new QueuePage(reviews, shown, pageSize, total);
    }

    /**
     * Page {@code page} (1-based; beyond the last page, the last) of the caller's queue narrowed by {@code filter}
     * (tab, status, period, reviewer) in its order, read a page at a time.
     */
    public QueuePage queue(Caller caller, QueueFilter filter, int page, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size " + pageSize + " must be at least 1");
        }
        List<Object> params = new ArrayList<>();
        String where = filtered(caller, filter, params, true);
        long total = jdbc.sql("SELECT COUNT(*) FROM review r JOIN review_period p ON p.id = r.period_id" + where)
                .params(params)
                .query(Long.class)
                .single();
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        int shown = Math.max(1, Math.min(page, pages));
        params.add(pageSize);
        params.add((long) (shown - 1) * pageSize);
        List<ReviewView> reviews = jdbc.sql(REVIEW_SELECT + where + filter.orderBy() + " LIMIT ? OFFSET ?")
                .params(params)
                .query(ReviewService::review)
                .list();
        return new QueuePage(reviews, shown, pageSize, total);
    }

    /** How many records each tab of the caller's queue holds under {@code filter}'s period and reviewer. */
    public Map<QueueFilter.Tab, Long> tabCounts(Caller caller, QueueFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = filtered(caller, filter, params, false);
        Map<ReviewStatus, Long> byStatus = new java.util.EnumMap<>(ReviewStatus.class);
        jdbc.sql("SELECT r.status, COUNT(*) AS n FROM review r JOIN review_period p ON p.id = r.period_id" + where
                        + " GROUP BY r.status")
                .params(params)
                .query((rs, row) -> byStatus.put(ReviewStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list();
        Map<QueueFilter.Tab, Long> counts = new java.util.EnumMap<>(QueueFilter.Tab.class);
        for (QueueFilter.Tab tab : QueueFilter.Tab.values()) {
            counts.put(
                    tab,
                    tab.statuses(caller.role()).stream()
                            .mapToLong(s -> byStatus.getOrDefault(s, 0L))
                            .sum());
        }
        return counts;
    }

    /** The role's queue plus the filter's conditions, over review r and review_period p; fills {@code params}. */
    private static String filtered(Caller caller, QueueFilter filter, List<Object> params, boolean withTab) {
        QueueQuery base = queueQuery(caller);
        StringBuilder where = new StringBuilder(base.where());
        params.addAll(List.of(base.params()));
        if (withTab) {
            List<ReviewStatus> statuses = filter.tab().statuses(caller.role()).stream()
                    .filter(s -> filter.status() == null || s == filter.status())
                    .toList();
            if (statuses.isEmpty()) {
                where.append(" AND 1 = 0");
            } else {
                where.append(" AND r.status IN (")
                        .append(String.join(", ", java.util.Collections.nCopies(statuses.size(), "?")))
                        .append(")");
                statuses.forEach(s -> params.add(s.name()));
            }
        }
        if (filter.period() != null) {
            where.append(" AND p.label = ?");
            params.add(filter.period());
        }
        if (filter.reviewer() != null) {
            where.append(" AND r.reviewer = ?");
            params.add(filter.reviewer());
        }
        return where.toString();
    }

    /**
     * When a draw made on {@code drawnOn} is due: one period length (in days) after the later of the period's end and
     * the day of the draw. A month's sample drawn on 3 May for March is due on 3 June.
     */
    public static LocalDate dueDate(ReviewPeriod period, LocalDate drawnOn) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(period.start(), period.endExclusive());
        LocalDate from = drawnOn.isAfter(period.endExclusive()) ? drawnOn : period.endExclusive();
        return from.plusDays(days);
    }

    /** The labels of the periods with an active sample, newest first (for the queue's period filter). */
    public List<String> periodLabels(Caller caller) {
        if (caller.is(Role.ADMIN)) {
            throw new AccessDeniedException("admin accounts have no access to records");
        }
        return jdbc.sql("SELECT label FROM review_period WHERE withdrawn_at IS NULL GROUP BY label"
                        + " ORDER BY MAX(start_date) DESC, label")
                .query(String.class)
                .list();
    }

    /** One page of {@link #periods(Caller)}, newest first. */
    public Paged<PeriodView> periods(Caller caller, int page, int pageSize) {
        require(caller, Role.SAFETY_LEAD);
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size " + pageSize + " must be at least 1");
        }
        long total =
                jdbc.sql("SELECT COUNT(*) FROM review_period").query(Long.class).single();
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        int shown = Math.max(1, Math.min(page, pages));
        List<PeriodView> periods = jdbc.sql(PERIOD_SELECT + " ORDER BY p.start_date DESC, p.id DESC LIMIT ? OFFSET ?")
                .params(pageSize, (long) (shown - 1) * pageSize)
                .query(ReviewService::period)
                .list();
        return new Paged<>(periods, shown, pageSize, total);
    }

    /**
     * One page of a list.
     *
     * @param page 1-based page number, within 1..{@link #pages()}
     * @param total items in the whole list
     */
    public record Paged<T>(List<T> items, int page, int pageSize, long total) {
        public Paged {
            items = List.copyOf(items);
        }

        public int pages() {
            return (int) Math.max(1, (total + pageSize - 1) / pageSize);
        }

        public long first() {
            return items.isEmpty() ? 0 : (long) (page - 1) * pageSize + 1;
        }

        public long last() {
            return first() == 0 ? 0 : first() + items.size() - 1;
        }
    }

    /** The review, if the caller may see it; throws {@link AccessDeniedException} otherwise. */
    public ReviewView view(Caller caller, long reviewId) {
        ReviewView review =
                find(reviewId).orElseThrow(() -> new java.util.NoSuchElementException("no review " + reviewId));
        requireView(caller, review);
        return review;
    }

    public Optional<ReviewView> find(long reviewId) {
        return jdbc.sql(REVIEW_SELECT + " WHERE r.id = ?")
                .param(reviewId)
                .query(ReviewService::review)
                .optional();
    }

    public List<EventView> events(Caller caller, long reviewId) {
        view(caller, reviewId);
        return events(reviewId);
    }

    List<EventView> events(long reviewId) {
        return jdbc.sql("SELECT * FROM adverse_event WHERE review_id = ? ORDER BY id")
                .param(reviewId)
                .query(ReviewService::event)
                .list();
    }

    public List<SignatureView> signatures(Caller caller, long reviewId) {
        view(caller, reviewId);
        return jdbc.sql("SELECT * FROM signature WHERE review_id = ? ORDER BY id")
                .param(reviewId)
                .query((rs, row) -> new SignatureView(
                        rs.getLong("id"),
                        rs.getString("signer"),
                        rs.getString("signer_name"),
                        Stays.instant(rs, "signed_at"),
                        rs.getString("meaning")))
                .list();
    }

    public List<AuditTrail.Entry> auditTrail(Caller caller, long reviewId) {
        view(caller, reviewId);
        return audit.forReview(reviewId);
    }

    /** Verifies the whole audit chain (every record's rows are chained together). */
    public AuditChain.Verdict auditChain(Caller caller, long reviewId) {
        view(caller, reviewId);
        return audit.chain().verify();
    }

    // ---------------------------------------------------------------- primary review

    /** Adds the seconds the record was open in the caller's browser (the review timer). */
    @Transactional
    public void addTime(Caller caller, long reviewId, long seconds) {
        ReviewView review = view(caller, reviewId);
        requireEdit(caller, review);
        long add = Math.max(0, Math.min(seconds, MAX_SECONDS_PER_REPORT));
        jdbc.sql("UPDATE review SET seconds_spent = seconds_spent + ? WHERE id = ?")
                .params(add, reviewId)
                .update();
    }

    /** Adds a trigger the engine missed to the record's stay. */
    @Transactional
    public long addTrigger(
            Caller caller, long reviewId, long version, String code, String name, String evidence, String reason) {
        ReviewView review = view(caller, reviewId);
        requireEdit(caller, review);
        requireReasonAfterSubmission(review, reason);
        if (evidence == null || evidence.isBlank()) {
            throw new IllegalArgumentException("say where the trigger is seen (evidence must not be empty)");
        }
        ReviewStatus next = nextStatusOnChange(review.status());
        bump(review, version, next, caller, reason);
        long findingId = stays.addReviewerFinding(
                review.stayId(), code, name, evidence.strip(), Instant.now(), caller.username());
        audit.append(caller.username(), "finding", findingId, reviewId, "trigger", null, code, reason);
        audit.append(caller.username(), "finding", findingId, reviewId, "evidence", null, evidence.strip(), reason);
        return findingId;
    }

    /** Records a possible adverse event; after submission a reason is required. */
    @Transactional
    public long addEvent(Caller caller, long reviewId, long version, EventInput input, String reason) {
        ReviewView review = view(caller, reviewId);
        requireEdit(caller, review);
        requireReasonAfterSubmission(review, reason);
        bump(review, version, nextStatusOnChange(review.status()), caller, reason);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO adverse_event (review_id, trigger_code, outcome_class, description, harm_category,"
                        + " present_on_admission, preventability, status, created_by, created_at, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 'recorded', ?, ?, 0)")
                .params(
                        reviewId,
                        input.trigger(),
                        input.outcomeClass().name(),
                        input.description(),
                        input.harmCategory(),
                        input.presentOnAdmission(),
                        input.preventability(),
                        caller.username(),
                        Stays.utc(Instant.now()))
                .update(key, "id");
        long eventId = key.getKey().longValue();
        for (Map.Entry<String, Object> field : fields(input).entrySet()) {
            audit.append(caller.username(), "event", eventId, reviewId, field.getKey(), null, field.getValue(), reason);
        }
        audit.append(caller.username(), "event", eventId, reviewId, "status", null, "recorded", reason);
        return eventId;
    }

    /**
     * Changes an event, or withdraws it ({@code withdraw}); after submission a reason is required, and a change
     * after signature returns the event to "recorded" and the record to "changed since signature".
     */
    @Transactional
    public void changeEvent(
            Caller caller,
            long reviewId,
            long reviewVersion,
            long eventId,
            long eventVersion,
            EventInput input,
            boolean withdraw,
            String reason) {
        ReviewView review = view(caller, reviewId);
        requireEdit(caller, review);
        requireReasonAfterSubmission(review, reason);
        EventView before = events(reviewId).stream()
                .filter(e -> e.id() == eventId)
                .findFirst()
                .orElseThrow(() -> new java.util.NoSuchElementException("no event " + eventId + " in this review"));
        bump(review, reviewVersion, nextStatusOnChange(review.status()), caller, reason);
        String status = withdraw ? "withdrawn" : "recorded";
        int changed = jdbc.sql("UPDATE adverse_event SET trigger_code = ?, outcome_class = ?, description = ?,"
                        + " harm_category = ?, present_on_admission = ?, preventability = ?, status = ?,"
                        + " version = version + 1 WHERE id = ? AND version = ?")
                .params(
                        input.trigger(),
                        input.outcomeClass().name(),
                        input.description(),
                        input.harmCategory(),
                        input.presentOnAdmission(),
                        input.preventability(),
                        status,
                        eventId,
                        eventVersion)
                .update();
        if (changed == 0) {
            throw new StaleEditException("event", eventId, eventVersion);
        }
        Map<String, Object> old = fields(new EventInput(
                before.trigger(),
                before.outcomeClass(),
                before.description(),
                before.harmCategory(),
                before.presentOnAdmission(),
                before.preventability()));
        for (Map.Entry<String, Object> field : fields(input).entrySet()) {
            audit.appendIfChanged(
                    caller.username(),
                    "event",
                    eventId,
                    reviewId,
                    field.getKey(),
                    old.get(field.getKey()),
                    field.getValue(),
                    reason);
        }
        audit.appendIfChanged(caller.username(), "event", eventId, reviewId, "status", before.status(), status, reason);
    }

    /** Hands the primary review over for authentication. */
    @Transactional
    public void submit(Caller caller, long reviewId, long version) {
        submit(caller, reviewId, version, 0);
    }

    /**
     * Hands the primary review over for authentication, first adding the {@code seconds} the timer counted since its
     * last report, so that the minutes recorded with the submission include them.
     */
    @Transactional
    public void submit(Caller caller, long reviewId, long version, long seconds) {
        ReviewView review = view(caller, reviewId);
        requireEdit(caller, review);
        if (review.status().submitted()) {
            throw new IllegalStateException(
                    "review " + reviewId + " is already " + review.status().label());
        }
        bump(review, version, ReviewStatus.SUBMITTED, caller, null);
        long add = Math.max(0, Math.min(seconds, MAX_SECONDS_PER_REPORT));
        jdbc.sql("UPDATE review SET seconds_spent = seconds_spent + ? WHERE id = ?")
                .params(add, reviewId)
                .update();
        review = find(reviewId).orElseThrow();
        audit.append(
                caller.username(),
                "review",
                reviewId,
                reviewId,
                "minutes spent",
                null,
                String.format(java.util.Locale.ROOT, "%.1f", review.secondsSpent() / 60.0),
                null);
    }

    // ---------------------------------------------------------------- authentication

    /**
     * The physician's electronic signature with plain decisions ({@code decisions}: event id to {@code confirmed} or
     * {@code rejected}); a rejection needs a reason, so this form suits confirmations. See {@link #sign(Caller, long,
     * long, List)}.
     */
    @Transactional
    public SignatureView sign(Caller caller, long reviewId, long version, Map<Long, String> decisions) {
        List<SignOff.EventDecision> list = new ArrayList<>();
        decisions.forEach((id, text) -> list.add(new SignOff.EventDecision(
                id, text == null ? null : SignOff.Decision.parse(text), null, null, null, null)));
        return sign(caller, reviewId, version, list);
    }

    /**
     * The physician's electronic signature: confirms each event that is not withdrawn, as recorded or with a changed
     * outcome class, harm category or preventability, or rejects it ({@link SignOff#plan}: a change or a rejection
     * needs a reason), and signs with the meaning "authenticated: harm F" (the confirmed harm categories, as changed),
     * or "authenticated: no adverse event". Each changed field and each status is audited with the reason.
     */
    @Transactional
    public SignatureView sign(Caller caller, long reviewId, long version, List<SignOff.EventDecision> decisions) {
        require(caller, Role.PHYSICIAN);
        ReviewView review = view(caller, reviewId);
        if (!review.status().awaitingSignature()) {
            throw new IllegalStateException("review " + reviewId + " is "
                    + review.status().label() + "; only a submitted or changed record can be signed");
        }
        List<EventView> open = events(reviewId).stream()
                .filter(e -> !e.status().equals("withdrawn"))
                .toList();
        List<SignOff.EventOutcome> outcomes = SignOff.plan(open, decisions);
        bump(review, version, ReviewStatus.AUTHENTICATED, caller, null);
        for (SignOff.EventOutcome outcome : outcomes) {
            EventView event = outcome.before();
            EventInput after = outcome.after();
            String status = outcome.decision().status();
            int changed = jdbc.sql("UPDATE adverse_event SET outcome_class = ?, harm_category = ?, preventability = ?,"
                            + " status = ?, version = version + 1 WHERE id = ? AND version = ?")
                    .params(
                            after.outcomeClass().name(),
                            after.harmCategory(),
                            after.preventability(),
                            status,
                            event.id(),
                            event.version())
                    .update();
            if (changed == 0) {
                throw new StaleEditException("event", event.id(), event.version());
            }
            for (SignOff.FieldChange change : outcome.changes()) {
                audit.append(
                        caller.username(),
                        "event",
                        event.id(),
                        reviewId,
                        change.field(),
                        change.oldValue(),
                        change.newValue(),
                        outcome.reason());
            }
            audit.appendIfChanged(
                    caller.username(),
                    "event",
                    event.id(),
                    reviewId,
                    "status",
                    event.status(),
                    status,
                    outcome.reason());
        }
        String meaning = SignOff.meaning(outcomes);
        Instant now = Instant.now();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO signature (review_id, signer, signer_name, signed_at, meaning) VALUES (?, ?, ?, ?, ?)")
                .params(reviewId, caller.username(), caller.displayName(), Stays.utc(now), meaning)
                .update(key, "id");
        long signatureId = key.getKey().longValue();
        audit.append(caller.username(), "signature", signatureId, reviewId, "meaning", null, meaning, null);
        return new SignatureView(signatureId, caller.username(), caller.displayName(), now, meaning);
    }

    /**
     * The physician returns a submitted record to its reviewer with a comment (required): the record goes back to the
     * reviewer's queue as "returned to reviewer" with the comment; the status change is audited with the comment as
     * its reason. The reviewer changes it and submits it again.
     */
    @Transactional
    public void returnToReviewer(Caller caller, long reviewId, long version, String comment) {
        require(caller, Role.PHYSICIAN);
        ReviewView review = view(caller, reviewId);
        if (!review.status().awaitingSignature()) {
            throw new IllegalStateException("review " + reviewId + " is "
                    + review.status().label() + "; only a record awaiting signature can be returned");
        }
        String text = comment == null ? "" : comment.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("say what the reviewer should look at (the comment must not be empty)");
        }
        if (text.length() > SignOff.MAX_REASON) {
            throw new IllegalArgumentException("the comment must be at most " + SignOff.MAX_REASON + " characters");
        }
        if (review.reviewer() == null) {
            throw new IllegalStateException("review " + reviewId + " has no reviewer to return it to");
        }
        bump(review, version, ReviewStatus.RETURNED, caller, text);
        jdbc.sql("UPDATE review SET returned_comment = ?, returned_by = ?, returned_at = ? WHERE id = ?")
                .params(text, caller.displayName(), Stays.utc(Instant.now()), reviewId)
                .update();
    }

    // ---------------------------------------------------------------- assignment

    /**
     * The safety lead assigns (or reassigns) sampled records to an enabled reviewer; each change is audited with the
     * reason. Only records still with a reviewer (assigned, in progress, returned) move: a submitted or signed review
     * keeps the reviewer who submitted it. The two reviews of a double review keep two different reviewers.
     *
     * @return how many records changed reviewer
     */
    @Transactional
    public int assign(Caller caller, List<Long> reviewIds, String reviewer, String reason) {
        require(caller, Role.SAFETY_LEAD);
        if (reviewIds.isEmpty()) {
            throw new IllegalArgumentException("choose at least one record to assign");
        }
        String to = reviewer == null ? "" : reviewer.strip();
        if (!users.usernamesWithRole(Role.REVIEWER).contains(to)) {
            throw new IllegalArgumentException("'" + to + "' is not an enabled reviewer account");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        int moved = 0;
        for (long id : new java.util.LinkedHashSet<>(reviewIds)) {
            ReviewView review = find(id).orElseThrow(() -> new java.util.NoSuchElementException("no review " + id));
            if (to.equals(review.reviewer())) {
                continue;
            }
            if (!review.status().withReviewer()) {
                throw new IllegalStateException("record " + review.encounterId() + " is "
                        + review.status().label()
                        + "; only records not yet submitted can be reassigned. Nothing was changed.");
            }
            Long other = review.isSecondReview()
                    ? review.secondOf()
                    : jdbc.sql("SELECT id FROM review WHERE second_of = ?")
                            .param(id)
                            .query(Long.class)
                            .optional()
                            .orElse(null);
            if (other != null && to.equals(find(other).map(ReviewView::reviewer).orElse(null))) {
                throw new IllegalStateException("record " + review.encounterId() + " has a double review by " + to
                        + "; its two reviews need two different reviewers. Nothing was changed.");
            }
            jdbc.sql("UPDATE review SET reviewer = ?, version = version + 1 WHERE id = ?")
                    .params(to, id)
                    .update();
            audit.append(caller.username(), "review", id, id, "reviewer", review.reviewer(), to, why);
            moved++;
        }
        return moved;
    }

    // ---------------------------------------------------------------- checks

    private static ReviewStatus nextStatusOnChange(ReviewStatus status) {
        return switch (status) {
            case ASSIGNED, IN_PROGRESS -> ReviewStatus.IN_PROGRESS;
            case SUBMITTED -> ReviewStatus.SUBMITTED;
            case RETURNED -> ReviewStatus.RETURNED;
            case AUTHENTICATED, CHANGED_SINCE_SIGNATURE -> ReviewStatus.CHANGED_SINCE_SIGNATURE;
        };
    }

    /** Checks the version the caller saw and moves the record on; audits a status change. */
    private void bump(ReviewView review, long expectedVersion, ReviewStatus next, Caller caller, String reason) {
        int changed = jdbc.sql("UPDATE review SET status = ?, version = version + 1 WHERE id = ? AND version = ?")
                .params(next.name(), review.id(), expectedVersion)
                .update();
        if (changed == 0) {
            throw new StaleEditException("review", review.id(), expectedVersion);
        }
        audit.appendIfChanged(
                caller.username(),
                "review",
                review.id(),
                review.id(),
                "status",
                review.status().label(),
                next.label(),
                reason);
    }

    private static void requireReasonAfterSubmission(ReviewView review, String reason) {
        if (review.status().submitted() && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("this record was already submitted: give a reason for the change");
        }
    }

    private static void require(Caller caller, Role role) {
        if (!caller.is(role)) {
            throw new AccessDeniedException("needs role " + role.label());
        }
    }

    private static void requireView(Caller caller, ReviewView review) {
        boolean allowed = switch (caller.role()) {
            case REVIEWER -> caller.username().equals(review.reviewer());
            // a physician sees a first review only after the consensus of a double review; a second review never
            case PHYSICIAN ->
                review.status().openToPhysician() && !review.isSecondReview() && !review.awaitingConsensus();
            case SAFETY_LEAD -> true;
            case ADMIN -> false;
        };
        if (!allowed) {
            throw new AccessDeniedException("record not open to this account");
        }
    }

    private static void requireEdit(Caller caller, ReviewView review) {
        if (!caller.is(Role.REVIEWER) || !caller.username().equals(review.reviewer())) {
            throw new AccessDeniedException("only the assigned reviewer changes a review");
        }
    }

    private static Map<String, Object> fields(EventInput input) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("trigger", input.trigger());
        fields.put("outcome class", input.outcomeClass().label());
        fields.put("description", input.description());
        fields.put("harm category", input.harmCategory().isEmpty() ? null : input.harmCategory());
        fields.put("present on admission", input.presentOnAdmission() ? "yes" : "no");
        fields.put("preventability", input.preventability());
        return fields;
    }

    private static String describe(SampleManifest manifest) {
        return "period " + manifest.period().label() + ", seed " + manifest.seed() + ", requested "
                + manifest.requestedSize() + ", frame " + manifest.frameSize() + ", chosen "
                + manifest.chosen().size() + ", min age " + manifest.criteria().minAgeYears() + ", min LOS "
                + manifest.criteria().minLengthOfStayHours() + " h, stratify "
                + (manifest.criteria().stratifyBy() == null
                        ? "none"
                        : manifest.criteria().stratifyBy())
                + ", protocol " + manifest.protocolVersion();
    }

    private static PeriodView period(ResultSet rs, int row) throws SQLException {
        return new PeriodView(
                rs.getLong("id"),
                rs.getString("label"),
                rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_exclusive", LocalDate.class),
                rs.getLong("seed"),
                rs.getInt("requested_size"),
                rs.getInt("frame_size"),
                rs.getInt("min_age_years"),
                rs.getDouble("min_los_hours"),
                rs.getString("stratify_by"),
                rs.getString("protocol_version"),
                rs.getString("created_by"),
                Stays.instant(rs, "created_at"),
                rs.getInt("sampled"),
                rs.getInt("signed"),
                rs.getString("draw_kind"),
                Stays.instant(rs, "withdrawn_at"),
                rs.getString("withdrawn_by"),
                rs.getString("withdrawn_reason"),
                rs.getObject("due_date", LocalDate.class));
    }

    static ReviewView review(ResultSet rs, int row) throws SQLException {
        return new ReviewView(
                rs.getLong("id"),
                rs.getLong("period_id"),
                rs.getString("period_label"),
                rs.getLong("stay_id"),
                rs.getString("encounter_id"),
                rs.getString("ward"),
                rs.getInt("draw_order"),
                rs.getString("reviewer"),
                ReviewStatus.valueOf(rs.getString("status")),
                rs.getLong("seconds_spent"),
                rs.getLong("version"),
                rs.getObject("second_of") == null ? null : rs.getLong("second_of"),
                rs.getBoolean("awaiting_consensus"),
                rs.getInt("trigger_count"),
                rs.getObject("review_due", LocalDate.class),
                rs.getString("returned_comment"),
                rs.getString("returned_by"),
                Stays.instant(rs, "returned_at"));
    }

    static EventView event(ResultSet rs, int row) throws SQLException {
        return new EventView(
                rs.getLong("id"),
                rs.getLong("review_id"),
                rs.getString("trigger_code"),
                OutcomeClass.valueOf(rs.getString("outcome_class")),
                rs.getString("description"),
                rs.getString("harm_category"),
                rs.getBoolean("present_on_admission"),
                rs.getString("preventability"),
                rs.getString("status"),
                rs.getString("created_by"),
                Stays.instant(rs, "created_at"),
                rs.getLong("version"));
    }
}
