package org.mhtrigger.review.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review workflow (docs/spec/method.md §2): periods and samples, queues, triggers a reviewer adds, adverse events,
 * submission, the physician's sign-off and assignment. Every method checks the caller's role (and, for reviewers,
 * that the record is assigned to them) by the rules of {@link ReviewWorkflow}, every change checks the version the
 * caller saw and bumps it, and every change appends audit rows in the same transaction; the SQL is in {@link
 * ReviewRepository}. Thread-safe.
 */
@Service
public class ReviewService {
    /** Seconds one timer report may add at most: a report covers at most the last few minutes. */
    static final long MAX_SECONDS_PER_REPORT = ReviewWorkflow.MAX_SECONDS_PER_REPORT;

    private final ReviewRepository store;
    private final Stays stays;
    private final Users users;
    private final AuditTrail audit;

    public ReviewService(JdbcClient jdbc, Stays stays, Users users, AuditTrail audit) {
        this.store = new ReviewRepository(jdbc, stays);
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
    static final String REVIEW_SELECT = ReviewRepository.REVIEW_SELECT;

    /** One possible adverse event a reviewer recorded, and what became of it. */
    public record EventView(
            long id,
            long reviewId,
            String trigger,
            OutcomeClass outcomeClass,
            String description,
            String harmCategory,
            boolean presentOnAdmission,
            String preventability,
            ReviewWorkflow.EventStatus status,
            String createdBy,
            Instant createdAt,
            long version) {
        /** Whether a double review's consensus withdrew it: it no longer counts and is not signed. */
        public boolean withdrawn() {
            return status == ReviewWorkflow.EventStatus.WITHDRAWN;
        }

        /** What a reviewer would enter to record this event as it stands. */
        public EventInput input() {
            return new EventInput(trigger, outcomeClass, description, harmCategory, presentOnAdmission, preventability);
        }
    }

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
        List<PeriodView> existing = store.activeDraws(period);
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
        return store.period(periodId).orElseThrow();
    }

    /**
     * Adds {@code extra} stays to the period's sample: drawn with {@code seed} under the sample's own criteria from
     * the stays of the frame not yet in it, assigned like the first draw, audited with the reason.
     */
    @Transactional
    public PeriodView addToSample(Caller caller, ReviewPeriod period, int extra, long seed, String reason) {
        require(caller, Role.SAFETY_LEAD);
        List<PeriodView> existing = store.activeDraws(period);
        if (existing.isEmpty()) {
            throw new IllegalStateException("period " + period.label() + " has no sample to add to; draw one first");
        }
        PeriodView first = existing.getFirst();
        SamplingCriteria criteria = new SamplingCriteria(first.minAgeYears(), first.minLosHours(), first.stratifyBy());
        List<Long> ids = existing.stream().map(PeriodView::id).toList();
        java.util.Set<String> inSample = store.encountersIn(ids);
        List<org.mhtrigger.engine.sampling.SamplingUnit> rest = stays.samplingUnits().stream()
                .filter(u -> !inSample.contains(u.encounterId()))
                .toList();
        SampleManifest manifest = Sampler.draw(rest, period, criteria, extra, seed);
        if (manifest.chosen().isEmpty()) {
            throw new IllegalStateException(
                    "every stay in the frame of " + period.label() + " is already in its sample");
        }
        long periodId = insertDraw(caller, manifest, "addition", store.nextDrawOrder(ids));
        audit.append(caller.username(), "period", periodId, null, "sample addition", null, describe(manifest), reason);
        return store.period(periodId).orElseThrow();
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
        List<PeriodView> existing = store.activeDraws(period);
        if (existing.isEmpty()) {
            throw new IllegalStateException("period " + period.label() + " has no sample to withdraw");
        }
        List<Long> ids = existing.stream().map(PeriodView::id).toList();
        int signed = store.countSigned(ids);
        if (signed > 0) {
            throw new IllegalStateException("the sample of " + period.label() + " cannot be withdrawn: " + signed
                    + " of its records are signed off, and signed-off reviews stay in the figures. Add stays to the"
                    + " sample instead.");
        }
        for (PeriodView draw : existing) {
            store.withdrawDraw(draw.id(), caller.username(), reason.strip());
            audit.append(caller.username(), "period", draw.id(), null, "withdrawn", null, "withdrawn", reason.strip());
        }
        store.touchReviews(ids);
        return existing.stream().mapToInt(PeriodView::sampled).sum();
    }

    /** The period's draws that count (its sample and additions, not withdrawn), oldest first. */
    public List<PeriodView> activeDraws(ReviewPeriod period) {
        return store.activeDraws(period);
    }

    private long insertDraw(Caller caller, SampleManifest manifest, String kind, int firstOrder) {
        long periodId = store.insertDraw(
                caller.username(), manifest, kind, dueDate(manifest.period(), LocalDate.now(java.time.ZoneOffset.UTC)));
        List<String> reviewers = users.usernamesWithRole(Role.REVIEWER);
        int order = firstOrder;
        for (String encounterId : manifest.chosen()) {
            String reviewer = reviewers.isEmpty() ? null : reviewers.get(order % reviewers.size());
            long reviewId = store.insertReview(periodId, encounterId, order, reviewer);
            audit.append(caller.username(), "review", reviewId, reviewId, "reviewer", null, reviewer, null);
            order++;
        }
        return periodId;
    }

    public List<PeriodView> periods(Caller caller) {
        require(caller, Role.SAFETY_LEAD);
        return store.periods();
    }

    Optional<PeriodView> period(long id) {
        return store.period(id);
    }

    /** One page of {@link #periods(Caller)}, newest first. */
    public Paged<PeriodView> periods(Caller caller, int page, int pageSize) {
        require(caller, Role.SAFETY_LEAD);
        requirePageSize(pageSize);
        long total = store.countPeriods();
        int shown = shownPage(page, total, pageSize);
        return new Paged<>(store.periods(pageSize, (long) (shown - 1) * pageSize), shown, pageSize, total);
    }

    /** The labels of the periods with an active sample, newest first (for the queue's period filter). */
    public List<String> periodLabels(Caller caller) {
        if (caller.is(Role.ADMIN)) {
            throw new AccessDeniedException("admin accounts have no access to records");
        }
        return store.activePeriodLabels();
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

    /**
     * The caller's queue: a reviewer's assigned records; for a physician the records awaiting signature first,
     * then those signed or returned; for a safety lead every sampled record. Newest period first.
     */
    public List<ReviewView> queue(Caller caller) {
        return store.queue(caller);
    }

    /**
     * Page {@code page} (1-based; beyond the last page, the last) of {@link #queue(Caller)}, {@code pageSize}
     * records a page, read from the database a page at a time.
     */
    public QueuePage queue(Caller caller, int page, int pageSize) {
        requirePageSize(pageSize);
        long total = store.count(caller);
        int shown = shownPage(page, total, pageSize);
        return new QueuePage(store.queue(caller, pageSize, (long) (shown - 1) * pageSize), shown, pageSize, total);
    }

    /**
     * Page {@code page} (1-based; beyond the last page, the last) of the caller's queue narrowed by {@code filter}
     * (tab, status, period, reviewer) in its order, read a page at a time.
     */
    public QueuePage queue(Caller caller, QueueFilter filter, int page, int pageSize) {
        requirePageSize(pageSize);
        long total = store.count(caller, filter);
        int shown = shownPage(page, total, pageSize);
        return new QueuePage(
                store.queue(caller, filter, pageSize, (long) (shown - 1) * pageSize), shown, pageSize, total);
    }

    /** How many records each tab of the caller's queue holds under {@code filter}'s period and reviewer. */
    public Map<QueueFilter.Tab, Long> tabCounts(Caller caller, QueueFilter filter) {
        Map<ReviewStatus, Long> byStatus = store.countByStatus(caller, filter);
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

    private static void requirePageSize(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size " + pageSize + " must be at least 1");
        }
    }

    private static int shownPage(int page, long total, int pageSize) {
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        return Math.max(1, Math.min(page, pages));
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
        ReviewWorkflow.requireView(caller, review);
        return review;
    }

    public Optional<ReviewView> find(long reviewId) {
        return store.find(reviewId);
    }

    public List<EventView> events(Caller caller, long reviewId) {
        view(caller, reviewId);
        return events(reviewId);
    }

    List<EventView> events(long reviewId) {
        return store.events(reviewId);
    }

    public List<SignatureView> signatures(Caller caller, long reviewId) {
        view(caller, reviewId);
        return store.signatures(reviewId);
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
        ReviewWorkflow.requireEdit(caller, review);
        store.addSeconds(reviewId, ReviewWorkflow.timerSeconds(seconds));
    }

    /** Adds a trigger the engine missed to the record's stay. */
    @Transactional
    public long addTrigger(
            Caller caller, long reviewId, long version, String code, String name, String evidence, String reason) {
        ReviewView review = view(caller, reviewId);
        ReviewWorkflow.requireEdit(caller, review);
        ReviewWorkflow.requireReasonAfterSubmission(review.status(), reason);
        if (evidence == null || evidence.isBlank()) {
            throw new IllegalArgumentException("say where the trigger is seen (evidence must not be empty)");
        }
        bump(review, version, ReviewWorkflow.nextOnChange(review.status()), caller, reason);
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
        ReviewWorkflow.requireEdit(caller, review);
        ReviewWorkflow.requireReasonAfterSubmission(review.status(), reason);
        bump(review, version, ReviewWorkflow.nextOnChange(review.status()), caller, reason);
        long eventId = store.insertEvent(reviewId, input, caller.username());
        for (Map.Entry<String, Object> field : ReviewWorkflow.fields(input).entrySet()) {
            audit.append(caller.username(), "event", eventId, reviewId, field.getKey(), null, field.getValue(), reason);
        }
        audit.append(
                caller.username(),
                "event",
                eventId,
                reviewId,
                "status",
                null,
                ReviewWorkflow.EventStatus.RECORDED.label(),
                reason);
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
        ReviewWorkflow.requireEdit(caller, review);
        ReviewWorkflow.requireReasonAfterSubmission(review.status(), reason);
        EventView before = events(reviewId).stream()
                .filter(e -> e.id() == eventId)
                .findFirst()
                .orElseThrow(() -> new java.util.NoSuchElementException("no event " + eventId + " in this review"));
        bump(review, reviewVersion, ReviewWorkflow.nextOnChange(review.status()), caller, reason);
        ReviewWorkflow.EventStatus status =
                withdraw ? ReviewWorkflow.EventStatus.WITHDRAWN : ReviewWorkflow.EventStatus.RECORDED;
        if (!store.updateEvent(eventId, eventVersion, input, status)) {
            throw new StaleEditException("event", eventId, eventVersion);
        }
        Map<String, Object> old = ReviewWorkflow.fields(before.input());
        for (Map.Entry<String, Object> field : ReviewWorkflow.fields(input).entrySet()) {
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
        audit.appendIfChanged(
                caller.username(),
                "event",
                eventId,
                reviewId,
                "status",
                before.status().label(),
                status.label(),
                reason);
    }

    /** Hands the primary review over for authentication. */
    @Transactional
    public void submit(Caller caller, long reviewId, long version) {
        submit(caller, reviewId, version, 0);
    }

    /**
     * Hands the primary review (or a returned one) over for authentication, first adding the {@code seconds} the
     * timer counted since its last report, so that the minutes recorded with the submission include them.
     */
    @Transactional
    public void submit(Caller caller, long reviewId, long version, long seconds) {
        ReviewView review = view(caller, reviewId);
        ReviewWorkflow.requireEdit(caller, review);
        ReviewWorkflow.requireSubmittable(review);
        bump(review, version, ReviewStatus.SUBMITTED, caller, null);
        store.addSeconds(reviewId, ReviewWorkflow.timerSeconds(seconds));
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
        ReviewWorkflow.require(caller, Role.PHYSICIAN);
        ReviewView review = view(caller, reviewId);
        ReviewWorkflow.requireSignable(caller, review);
        List<EventView> open =
                events(reviewId).stream().filter(e -> !e.withdrawn()).toList();
        List<SignOff.EventOutcome> outcomes = SignOff.plan(open, decisions);
        bump(review, version, ReviewStatus.AUTHENTICATED, caller, null);
        for (SignOff.EventOutcome outcome : outcomes) {
            EventView event = outcome.before();
            ReviewWorkflow.EventStatus status = outcome.decision() == SignOff.Decision.CONFIRM
                    ? ReviewWorkflow.EventStatus.CONFIRMED
                    : ReviewWorkflow.EventStatus.REJECTED;
            if (!store.updateEvent(event.id(), event.version(), outcome.after(), status)) {
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
                    event.status().label(),
                    status.label(),
                    outcome.reason());
        }
        String meaning = SignOff.meaning(outcomes);
        Instant now = Instant.now();
        long signatureId = store.insertSignature(reviewId, caller, now, meaning);
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
        ReviewWorkflow.require(caller, Role.PHYSICIAN);
        ReviewView review = view(caller, reviewId);
        String text = ReviewWorkflow.requireReturnable(caller, review, comment);
        bump(review, version, ReviewStatus.RETURNED, caller, text);
        store.markReturned(reviewId, text, caller.displayName());
    }

    // ---------------------------------------------------------------- assignment

    /**
     * The safety lead assigns (or reassigns) sampled records to an enabled reviewer; each change is audited with the
     * reason. Only records still with a reviewer (assigned, in progress, returned) move: a submitted or signed review
     * keeps the reviewer who submitted it. The two reviews of a double review keep two different reviewers. If any
     * record cannot move, none does.
     *
     * @return how many records changed reviewer
     */
    @Transactional
    public int assign(Caller caller, List<Long> reviewIds, String reviewer, String reason) {
        ReviewWorkflow.require(caller, Role.SAFETY_LEAD);
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
            ReviewWorkflow.requireReassignable(
                    review, to, store.pairedReviewer(review).orElse(null));
            store.updateReviewer(id, to);
            audit.append(caller.username(), "review", id, id, "reviewer", review.reviewer(), to, why);
            moved++;
        }
        return moved;
    }

    // ---------------------------------------------------------------- checks

    /** Checks the version the caller saw and moves the record on; audits a status change. */
    private void bump(ReviewView review, long expectedVersion, ReviewStatus next, Caller caller, String reason) {
        if (!store.updateStatus(review.id(), expectedVersion, next)) {
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

    private static void require(Caller caller, Role role) {
        ReviewWorkflow.require(caller, role);
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

    static ReviewView review(ResultSet rs, int row) throws SQLException {
        return ReviewRepository.review(rs, row);
    }

    static EventView event(ResultSet rs, int row) throws SQLException {
        return ReviewRepository.event(rs, row);
    }
}
