package org.mhtrigger.review.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mhtrigger.engine.sampling.ReviewPeriod;
import org.mhtrigger.engine.sampling.SampleManifest;
import org.mhtrigger.engine.sampling.SamplingCriteria;
import org.mhtrigger.review.store.ReviewService.EventInput;
import org.mhtrigger.review.store.ReviewService.EventView;
import org.mhtrigger.review.store.ReviewService.PeriodView;
import org.mhtrigger.review.store.ReviewService.ReviewView;
import org.mhtrigger.review.store.ReviewService.SignatureView;
import org.mhtrigger.review.store.ReviewWorkflow.EventStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.AccessDeniedException;

/**
 * The review store's SQL (periods, reviews, events, signatures) and its mapping to views; no rules and no audit, which
 * {@link ReviewService} adds in the caller's transaction. Portable between H2 and PostgreSQL. Thread-safe.
 */
final class ReviewRepository {
    /** The columns {@link #review} reads, from review r, review_period p and stay s. */
    static final String REVIEW_SELECT = "SELECT r.*, p.label AS period_label, s.encounter_id, s.ward,"
            + " CASE WHEN r.consensus_at IS NULL AND EXISTS (SELECT 1 FROM review x WHERE x.second_of = r.id)"
            + " THEN TRUE ELSE FALSE END AS awaiting_consensus,"
            + " (SELECT COUNT(*) FROM finding f WHERE f.stay_id = r.stay_id) AS trigger_count,"
            + " COALESCE(p.due_date, p.end_exclusive) AS review_due FROM review r"
            + " JOIN review_period p ON p.id = r.period_id JOIN stay s ON s.id = r.stay_id";

    private static final String PERIOD_SELECT = "SELECT p.*, (SELECT COUNT(*) FROM review r WHERE r.period_id = p.id"
            + " AND r.second_of IS NULL) AS sampled, (SELECT COUNT(*) FROM review r WHERE r.period_id = p.id AND"
            + " r.second_of IS NULL AND r.status = 'AUTHENTICATED') AS signed FROM review_period p";

    /** Records of a withdrawn sample leave every queue (their rows stay). */
    private static final String IN_ACTIVE_SAMPLE = " WHERE NOT EXISTS (SELECT 1 FROM review_period w WHERE w.id ="
            + " r.period_id AND w.withdrawn_at IS NOT NULL)";

    private final JdbcClient jdbc;
    private final Stays stays;

    ReviewRepository(JdbcClient jdbc, Stays stays) {
        this.jdbc = jdbc;
        this.stays = stays;
    }

    // ---------------------------------------------------------------- periods

    List<PeriodView> activeDraws(ReviewPeriod period) {
        return jdbc.sql(PERIOD_SELECT + " WHERE p.start_date = ? AND p.end_exclusive = ? AND p.withdrawn_at IS NULL"
                        + " ORDER BY p.id")
                .params(period.start(), period.endExclusive())
                .query(ReviewRepository::period)
                .list();
    }

    Optional<PeriodView> period(long id) {
        return jdbc.sql(PERIOD_SELECT + " WHERE p.id = ?")
                .param(id)
                .query(ReviewRepository::period)
                .optional();
    }

    List<PeriodView> periods() {
        return jdbc.sql(PERIOD_SELECT + " ORDER BY p.start_date DESC, p.id DESC")
                .query(ReviewRepository::period)
                .list();
    }

    long countPeriods() {
        return jdbc.sql("SELECT COUNT(*) FROM review_period").query(Long.class).single();
    }

    List<PeriodView> periods(int limit, long offset) {
        return jdbc.sql(PERIOD_SELECT + " ORDER BY p.start_date DESC, p.id DESC LIMIT ? OFFSET ?")
                .params(limit, offset)
                .query(ReviewRepository::period)
                .list();
    }

    List<String> activePeriodLabels() {
        return jdbc.sql("SELECT label FROM review_period WHERE withdrawn_at IS NULL GROUP BY label"
                        + " ORDER BY MAX(start_date) DESC, label")
                .query(String.class)
                .list();
    }

    /** Inserts a draw's period row; returns its id. */
    long insertDraw(String createdBy, SampleManifest manifest, String kind, LocalDate dueDate) {
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
                        createdBy,
                        Stays.utc(Instant.now()),
                        kind,
                        dueDate)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Inserts an assigned review of {@code encounterId}'s stay; returns its id. */
    long insertReview(long periodId, String encounterId, int order, String reviewer) {
        long stayId = stays.findByEncounter(encounterId).orElseThrow().id();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO review (period_id, stay_id, draw_order, reviewer, status, seconds_spent, version)"
                        + " VALUES (?, ?, ?, ?, ?, 0, 0)")
                .params(periodId, stayId, order, reviewer, ReviewStatus.ASSIGNED.name())
                .update(key, "id");
        return key.getKey().longValue();
    }

    java.util.Set<String> encountersIn(Collection<Long> periodIds) {
        return new java.util.HashSet<>(jdbc.sql("SELECT s.encounter_id FROM review r JOIN stay s ON s.id = r.stay_id"
                        + " WHERE r.period_id IN (:ids)")
                .param("ids", periodIds)
                .query(String.class)
                .list());
    }

    int nextDrawOrder(Collection<Long> periodIds) {
        return jdbc.sql("SELECT COALESCE(MAX(draw_order) + 1, 0) FROM review WHERE period_id IN (:ids)")
                .param("ids", periodIds)
                .query(Integer.class)
                .single();
    }

    int countSigned(Collection<Long> periodIds) {
        return jdbc.sql("SELECT COUNT(*) FROM review WHERE period_id IN (:ids) AND status IN ('AUTHENTICATED',"
                        + " 'CHANGED_SINCE_SIGNATURE')")
                .param("ids", periodIds)
                .query(Integer.class)
                .single();
    }

    void withdrawDraw(long periodId, String by, String reason) {
        jdbc.sql("UPDATE review_period SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ? WHERE id = ?")
                .params(Stays.utc(Instant.now()), by, reason, periodId)
                .update();
    }

    /** Bumps every review of the draws, which tells the figures' cache that the sample changed. */
    void touchReviews(Collection<Long> periodIds) {
        jdbc.sql("UPDATE review SET version = version + 1 WHERE period_id IN (:ids)")
                .param("ids", periodIds)
                .update();
    }

    // ---------------------------------------------------------------- queues

    /** Which reviews are in a role's queue ({@code where}, over review r only) and in what order. */
    private record QueueQuery(String where, String order, Object[] params) {}

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
                                + " 'RETURNED') AND r.second_of IS NULL AND (r.consensus_at IS NOT NULL"
                                + " OR NOT EXISTS (SELECT 1 FROM review x WHERE x.second_of = r.id))",
                        " ORDER BY CASE WHEN r.status = 'AUTHENTICATED' THEN 1 ELSE 0 END,"
                                + " p.start_date DESC, r.draw_order, r.id",
                        new Object[0]);
            case SAFETY_LEAD ->
                new QueueQuery(IN_ACTIVE_SAMPLE, " ORDER BY p.start_date DESC, r.draw_order, r.id", new Object[0]);
            case ADMIN -> throw new AccessDeniedException("admin accounts have no access to records");
        };
    }

    List<ReviewView> queue(Caller caller) {
        QueueQuery query = queueQuery(caller);
        return jdbc.sql(REVIEW_SELECT + query.where() + query.order())
                .params(query.params())
                .query(ReviewRepository::review)
                .list();
    }

    long count(Caller caller) {
        QueueQuery query = queueQuery(caller);
        return jdbc.sql("SELECT COUNT(*) FROM review r" + query.where())
                .params(query.params())
                .query(Long.class)
                .single();
    }

    List<ReviewView> queue(Caller caller, int limit, long offset) {
        QueueQuery query = queueQuery(caller);
        Object[] params = java.util.Arrays.copyOf(query.params(), query.params().length + 2);
        params[params.length - 2] = limit;
        params[params.length - 1] = offset;
        return jdbc.sql(REVIEW_SELECT + query.where() + query.order() + " LIMIT ? OFFSET ?")
                .params(params)
                .query(ReviewRepository::review)
                .list();
    }

    long count(Caller caller, QueueFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = filtered(caller, filter, params, true);
        return jdbc.sql("SELECT COUNT(*) FROM review r JOIN review_period p ON p.id = r.period_id" + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    List<ReviewView> queue(Caller caller, QueueFilter filter, int limit, long offset) {
        List<Object> params = new ArrayList<>();
        String where = filtered(caller, filter, params, true);
        params.add(limit);
        params.add(offset);
        return jdbc.sql(REVIEW_SELECT + where + filter.orderBy() + " LIMIT ? OFFSET ?")
                .params(params)
                .query(ReviewRepository::review)
                .list();
    }

    /** How many of the caller's records under {@code filter}'s period and reviewer have each status. */
    Map<ReviewStatus, Long> countByStatus(Caller caller, QueueFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = filtered(caller, filter, params, false);
        Map<ReviewStatus, Long> byStatus = new EnumMap<>(ReviewStatus.class);
        jdbc.sql("SELECT r.status, COUNT(*) AS n FROM review r JOIN review_period p ON p.id = r.period_id" + where
                        + " GROUP BY r.status")
                .params(params)
                .query((rs, row) -> byStatus.put(ReviewStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list();
        return byStatus;
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

    // ---------------------------------------------------------------- reviews

    Optional<ReviewView> find(long reviewId) {
        return jdbc.sql(REVIEW_SELECT + " WHERE r.id = ?")
                .param(reviewId)
                .query(ReviewRepository::review)
                .optional();
    }

    /** Moves the review to {@code next} if it is still at {@code expectedVersion}; false if someone changed it. */
    boolean updateStatus(long reviewId, long expectedVersion, ReviewStatus next) {
        return jdbc.sql("UPDATE review SET status = ?, version = version + 1 WHERE id = ? AND version = ?")
                        .params(next.name(), reviewId, expectedVersion)
                        .update()
                > 0;
    }

    void addSeconds(long reviewId, long seconds) {
        jdbc.sql("UPDATE review SET seconds_spent = seconds_spent + ? WHERE id = ?")
                .params(seconds, reviewId)
                .update();
    }

    void markReturned(long reviewId, String comment, String byName) {
        jdbc.sql("UPDATE review SET returned_comment = ?, returned_by = ?, returned_at = ? WHERE id = ?")
                .params(comment, byName, Stays.utc(Instant.now()), reviewId)
                .update();
    }

    void updateReviewer(long reviewId, String reviewer) {
        jdbc.sql("UPDATE review SET reviewer = ?, version = version + 1 WHERE id = ?")
                .params(reviewer, reviewId)
                .update();
    }

    /** The reviewer of the other review of {@code review}'s double review, if it has one. */
    Optional<String> pairedReviewer(ReviewView review) {
        Optional<Long> other = review.isSecondReview()
                ? Optional.of(review.secondOf())
                : jdbc.sql("SELECT id FROM review WHERE second_of = ?")
                        .param(review.id())
                        .query(Long.class)
                        .optional();
        return other.flatMap(this::find).map(ReviewView::reviewer);
    }

    // ---------------------------------------------------------------- events and signatures

    List<EventView> events(long reviewId) {
        return jdbc.sql("SELECT * FROM adverse_event WHERE review_id = ? ORDER BY id")
                .param(reviewId)
                .query(ReviewRepository::event)
                .list();
    }

    long insertEvent(long reviewId, EventInput input, String createdBy) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO adverse_event (review_id, trigger_code, outcome_class, description, harm_category,"
                        + " present_on_admission, preventability, status, created_by, created_at, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
                .params(
                        reviewId,
                        input.trigger(),
                        input.outcomeClass().name(),
                        input.description(),
                        input.harmCategory(),
                        input.presentOnAdmission(),
                        input.preventability(),
                        EventStatus.RECORDED.label(),
                        createdBy,
                        Stays.utc(Instant.now()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Writes the event's values and status if it is still at {@code expectedVersion}; false otherwise. */
    boolean updateEvent(long eventId, long expectedVersion, EventInput input, EventStatus status) {
        return jdbc.sql("UPDATE adverse_event SET trigger_code = ?, outcome_class = ?, description = ?,"
                                + " harm_category = ?, present_on_admission = ?, preventability = ?, status = ?,"
                                + " version = version + 1 WHERE id = ? AND version = ?")
                        .params(
                                input.trigger(),
                                input.outcomeClass().name(),
                                input.description(),
                                input.harmCategory(),
                                input.presentOnAdmission(),
                                input.preventability(),
                                status.label(),
                                eventId,
                                expectedVersion)
                        .update()
                > 0;
    }

    List<SignatureView> signatures(long reviewId) {
        return jdbc.sql("SELECT * FROM signature WHERE review_id = ? ORDER BY id")
                .param(reviewId)
                .query((rs, row) -> new SignatureView(
                        rs.getLong("id"),
                        rs.getString("signer"),
                        rs.getString("signer_name"),
                        Columns.instant(rs, "signed_at"),
                        rs.getString("meaning")))
                .list();
    }

    long insertSignature(long reviewId, Caller signer, Instant at, String meaning) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO signature (review_id, signer, signer_name, signed_at, meaning) VALUES (?, ?, ?, ?, ?)")
                .params(reviewId, signer.username(), signer.displayName(), Stays.utc(at), meaning)
                .update(key, "id");
        return key.getKey().longValue();
    }

    // ---------------------------------------------------------------- mapping

    static PeriodView period(ResultSet rs, int row) throws SQLException {
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
                Columns.instant(rs, "created_at"),
                rs.getInt("sampled"),
                rs.getInt("signed"),
                rs.getString("draw_kind"),
                Columns.instant(rs, "withdrawn_at"),
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
                Columns.instant(rs, "returned_at"));
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
                ReviewWorkflow.EventStatus.parse(rs.getString("status")),
                rs.getString("created_by"),
                Columns.instant(rs, "created_at"),
                rs.getLong("version"));
    }
}
