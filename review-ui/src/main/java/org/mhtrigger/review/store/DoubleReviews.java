package org.mhtrigger.review.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.mhtrigger.engine.measure.HarmCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Optional two independent primary reviews with a consensus step (docs/spec/method.md §2). A safety lead draws, with a stored
 * seed, some of a period's sampled records for a second review by another reviewer. Each reviewer works on a review
 * of their own and sees only that one. When both are submitted, either reviewer or the safety lead records the
 * consensus (the two side by side): agreed events of the first review stay, the others are withdrawn, agreed events
 * of the second are copied into the first; each reviewer's highest harm category as submitted is kept for Cohen's κ
 * ({@link AgreementPairs}). Only then does the physician see the first review; second reviews are never signed or
 * counted. Every step is audited. Thread-safe.
 */
@Service
public class DoubleReviews {
    /** The label of a review without an adverse event with a harm category, for κ. */
    public static final String NO_HARM = "none";

    private final JdbcClient jdbc;
    private final ReviewService reviews;
    private final Users users;
    private final AuditTrail audit;

    public DoubleReviews(JdbcClient jdbc, ReviewService reviews, Users users, AuditTrail audit) {
        this.jdbc = jdbc;
        this.reviews = reviews;
        this.users = users;
        this.audit = audit;
    }

    /** The two reviews of a record side by side, with their events that are not withdrawn. */
    public record Pair(
            ReviewService.ReviewView first,
            ReviewService.ReviewView second,
            List<ReviewService.EventView> firstEvents,
            List<ReviewService.EventView> secondEvents,
            String consensusBy) {
        public boolean consensusRecorded() {
            return consensusBy != null;
        }
    }

    /**
     * Draws {@code size} of the period's first reviews that are not submitted yet (a submitted or signed record is
     * already on its way to or with the physician) and have no second review yet (seeded, so the draw can be
     * repeated: the records are ordered by draw order and shuffled with {@link SplittableRandom}) and assigns each to
     * another enabled reviewer, round-robin.
     *
     * @return the second reviews created
     */
    @Transactional
    public List<ReviewService.ReviewView> drawSecondReviews(Caller caller, long periodId, int size, long seed) {
        if (!caller.is(Role.SAFETY_LEAD)) {
            throw new AccessDeniedException("needs role safety-lead");
        }
        if (size < 1) {
            throw new IllegalArgumentException("double-review sample size " + size + " must be at least 1");
        }
        List<String> reviewers = users.usernamesWithRole(Role.REVIEWER);
        if (reviewers.size() < 2) {
            throw new IllegalStateException(
                    "a second review needs at least two reviewers; there are " + reviewers.size());
        }
        List<ReviewService.ReviewView> candidates = new ArrayList<>(jdbc.sql(ReviewService.REVIEW_SELECT
                        + " WHERE r.period_id = ? AND r.second_of IS NULL AND r.reviewer IS NOT NULL"
                        + " AND r.status IN ('ASSIGNED', 'IN_PROGRESS')"
                        + " AND NOT EXISTS (SELECT 1 FROM review x WHERE x.second_of = r.id) ORDER BY r.draw_order")
                .param(periodId)
                .query(ReviewService::review)
                .list());
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = candidates.size() - 1; i > 0; i--) { // Fisher-Yates
            int j = random.nextInt(i + 1);
            candidates.set(i, candidates.set(j, candidates.get(i)));
        }
        List<ReviewService.ReviewView> chosen = candidates.subList(0, Math.min(size, candidates.size()));
        List<ReviewService.ReviewView> created = new ArrayList<>();
        int turn = 0;
        for (ReviewService.ReviewView first : chosen) {
            List<String> others =
                    reviewers.stream().filter(r -> !r.equals(first.reviewer())).toList();
            String second = others.get(turn++ % others.size());
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO review (period_id, stay_id, draw_order, reviewer, status, seconds_spent, version,"
                            + " second_of, pair_role) VALUES (?, ?, ?, ?, ?, 0, 0, ?, 2)")
                    .params(
                            first.periodId(),
                            first.stayId(),
                            first.drawOrder(),
                            second,
                            ReviewStatus.ASSIGNED.name(),
                            first.id())
                    .update(key, "id");
            long id = key.getKey().longValue();
            audit.append(
                    caller.username(), "review", id, id, "second review of", null, Long.toString(first.id()), null);
            audit.append(caller.username(), "review", id, id, "reviewer", null, second, null);
            audit.append(
                    caller.username(),
                    "review",
                    first.id(),
                    first.id(),
                    "double review",
                    null,
                    "second review " + id + " by " + second + " (seed " + seed + ")",
                    null);
            created.add(reviews.find(id).orElseThrow());
        }
        return created;
    }

    /**
     * The pair of {@code reviewId} (either review's id), for the safety lead or either of its two reviewers, once
     * both reviews are submitted; before that neither reviewer may see the other's events.
     */
    public Pair pair(Caller caller, long reviewId) {
        ReviewService.ReviewView any =
                reviews.find(reviewId).orElseThrow(() -> new java.util.NoSuchElementException("no review " + reviewId));
        long firstId = any.isSecondReview() ? any.secondOf() : any.id();
        ReviewService.ReviewView first = reviews.find(firstId).orElseThrow();
        ReviewService.ReviewView second = jdbc.sql(ReviewService.REVIEW_SELECT + " WHERE r.second_of = ?")
                .param(firstId)
                .query(ReviewService::review)
                .optional()
                .orElseThrow(() -> new java.util.NoSuchElementException("review " + firstId + " has no second review"));
        boolean allowed = caller.is(Role.SAFETY_LEAD)
                || (caller.is(Role.REVIEWER)
                        && (caller.username().equals(first.reviewer())
                                || caller.username().equals(second.reviewer())));
        if (!allowed) {
            throw new AccessDeniedException("the consensus is for the two reviewers and the safety lead");
        }
        if (!first.status().submitted() || !second.status().submitted()) {
            throw new AccessDeniedException("the consensus opens when both reviews are submitted");
        }
        String consensusBy = jdbc.sql("SELECT consensus_by FROM review WHERE id = ?")
                .param(firstId)
                .query(String.class)
                .optional()
                .orElse(null);
        return new Pair(first, second, open(first.id()), open(second.id()), consensusBy);
    }

    /**
     * Records the consensus: events of either review in {@code agreed} go to the physician (those of the second are
     * copied into the first review), the first review's others are withdrawn. {@code version} is the first review's
     * version the caller saw.
     */
    @Transactional
    public void recordConsensus(Caller caller, long reviewId, long version, Collection<Long> agreed) {
        Pair pair = pair(caller, reviewId);
        if (pair.consensusRecorded()) {
            throw new IllegalStateException(
                    "the consensus of review " + pair.first().id() + " is already recorded");
        }
        Set<Long> keep = Set.copyOf(agreed);
        long firstId = pair.first().id();
        String why = "consensus of reviews " + firstId + " and " + pair.second().id();
        int changed = jdbc.sql("UPDATE review SET consensus_by = ?, consensus_at = ?,"
                        + " independent_harm_first = ?, independent_harm_second = ?, version = version + 1"
                        + " WHERE id = ? AND version = ? AND consensus_at IS NULL")
                .params(
                        caller.username(),
                        Stays.utc(Instant.now()),
                        highestHarm(pair.firstEvents()),
                        highestHarm(pair.secondEvents()),
                        firstId,
                        version)
                .update();
        if (changed == 0) {
            throw new StaleEditException("review", firstId, version);
        }
        for (ReviewService.EventView event : pair.firstEvents()) {
            if (!keep.contains(event.id())) {
                int done = jdbc.sql("UPDATE adverse_event SET status = 'withdrawn', version = version + 1"
                                + " WHERE id = ? AND version = ?")
                        .params(event.id(), event.version())
                        .update();
                if (done == 0) {
                    throw new StaleEditException("event", event.id(), event.version());
                }
                audit.append(
                        caller.username(),
                        "event",
                        event.id(),
                        firstId,
                        "status",
                        event.status().label(),
                        "withdrawn",
                        why);
            }
        }
        for (ReviewService.EventView event : pair.secondEvents()) {
            if (keep.contains(event.id())) {
                KeyHolder key = new GeneratedKeyHolder();
                jdbc.sql("INSERT INTO adverse_event (review_id, trigger_code, outcome_class, description,"
                                + " harm_category, present_on_admission, preventability, status, created_by,"
                                + " created_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 'recorded', ?, ?, 0)")
                        .params(
                                firstId,
                                event.trigger(),
                                event.outcomeClass().name(),
                                event.description(),
                                event.harmCategory(),
                                event.presentOnAdmission(),
                                event.preventability(),
                                event.createdBy(),
                                Stays.utc(Instant.now()))
                        .update(key, "id");
                long copy = key.getKey().longValue();
                audit.append(
                        caller.username(), "event", copy, firstId, "copied from", null, "event " + event.id(), why);
                audit.append(
                        caller.username(),
                        "event",
                        copy,
                        firstId,
                        "harm category",
                        null,
                        event.harmCategory().isEmpty() ? null : event.harmCategory(),
                        why);
            }
        }
        audit.append(
                caller.username(),
                "review",
                firstId,
                firstId,
                "consensus",
                null,
                keep.size() + " agreed event(s) go to the physician",
                why);
    }

    private List<ReviewService.EventView> open(long reviewId) {
        return reviews.events(reviewId).stream().filter(e -> !e.withdrawn()).toList();
    }

    /** The highest harm category (E lowest, I highest) among the events, or {@link #NO_HARM}. */
    static String highestHarm(List<ReviewService.EventView> events) {
        return events.stream()
                .map(ReviewService.EventView::harmCategory)
                .filter(Objects::nonNull)
                .filter(h -> !h.isEmpty())
                .map(h -> HarmCategory.valueOf(h.toUpperCase(Locale.ROOT)))
                .max(Enum::compareTo)
                .map(Enum::name)
                .orElse(NO_HARM);
    }
}
