package org.mhtrigger.review.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.mhtrigger.engine.measure.Completeness;
import org.mhtrigger.engine.measure.ConfirmedEvent;
import org.mhtrigger.engine.measure.EventSummary;
import org.mhtrigger.engine.measure.HarmCategory;
import org.mhtrigger.engine.measure.Measures;
import org.mhtrigger.engine.measure.OccupiedStay;
import org.mhtrigger.engine.measure.PeriodInput;
import org.mhtrigger.engine.measure.PeriodMeasures;
import org.mhtrigger.engine.measure.RestrictiveEpisode;
import org.mhtrigger.engine.measure.RestrictivePractice;
import org.mhtrigger.engine.measure.ReviewedStay;
import org.mhtrigger.engine.sampling.ReviewPeriod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads what the measures need from the review store (docs/spec/method.md §3), read-only: authenticated reviews of sampled
 * stays and their confirmed events, and every screened stay with its restrictive-practice findings. Used by the
 * dashboard and by {@code mhtrigger report}, which builds one on a plain {@code DataSource}. Thread-safe.
 *
 * <p>A period's sample is every draw of it that is not withdrawn (its first draw and the stays added later); a stay
 * drawn twice (possible only in databases from before a period had one sample) counts once.
 */
@Repository
public class MeasureQueries {
    /** Days from admission after which a stay no longer counts (docs/spec/triggers.md, review window). */
    public static final int REVIEW_WINDOW_DAYS = 90;

    private final JdbcClient jdbc;

    public MeasureQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One period's measures with what stands behind them.
     *
     * @param periodId key of the period's first draw
     * @param sampled records in the sample
     * @param authenticated of those, records whose review is authenticated (the harm rates' denominator)
     * @param measures the measures
     * @param events summaries of the confirmed events, in id order
     * @param reviewByEvent the review each event belongs to, by event id, for drill-down
     * @param unsigned the sampled records not signed yet, in draw order: what holds the period up
     */
    public record PeriodData(
            long periodId,
            int sampled,
            int authenticated,
            PeriodMeasures measures,
            List<EventSummary> events,
            Map<String, Long> reviewByEvent,
            List<Unsigned> unsigned) {
        public PeriodData {
            events = List.copyOf(events);
            reviewByEvent = Map.copyOf(reviewByEvent);
            unsigned = List.copyOf(unsigned);
        }

        /** How far the period's review has come; its harm rates are final only when complete. */
        public Completeness completeness() {
            return new Completeness(sampled, authenticated);
        }
    }

    /** A sampled record of a period that is not signed yet: its review, record key, reviewer and status. */
    public record Unsigned(long reviewId, String encounterId, String reviewer, String status) {}

    private record PeriodRow(
            long id,
            ReviewPeriod period,
            String protocolVersion,
            int requestedSize,
            int minAge,
            double minLosHours,
            String stratifyBy) {
        String protocol() {
            return "sampling protocol " + protocolVersion + ": " + requestedSize + " stays, age >= " + minAge
                    + ", length of stay >= " + number(minLosHours) + " h"
                    + (stratifyBy == null ? "" : ", stratified by " + stratifyBy)
                    + "; triggers found by automated screening";
        }
    }

    /**
     * What the restrictive-practice rate reads from every screened stay of one period, read after {@code version}
     * (see {@link #screeningVersion}) was: it holds at least the rows that version counts, and exactly those as long
     * as the version is unchanged.
     */
    private record Screened(long version, List<OccupiedStay> stays, List<RestrictiveEpisode> episodes) {}

    /** By period start and end; an entry is used only while its version is the tables' current one. */
    private final Map<String, Screened> screenedCache = new ConcurrentHashMap<>();

    /**
     * Every review period that starts on or after {@code from} and before {@code toExclusive}, oldest first. The
     * reviews, stays, findings and events of all periods are read with one query each (not one per period); the
     * screened stays and restrictive episodes, which do not depend on reviews, are kept between calls until a stay
     * or finding is added, and the whole result until also a review, event, signature or period changes.
     */
    public List<PeriodData> periods(LocalDate from, LocalDate toExclusive) {
        // read before the data, so that what is cached is at least as new as the key says
        List<Long> version = List.of(screeningVersion(), reviewVersion());
        String key = from + "/" + toExclusive;
        synchronized (periodsCache) {
            Cached cached = periodsCache.get(key);
            if (cached != null && cached.version().equals(version)) {
                return cached.periods();
            }
        }
        List<PeriodData> periods = List.copyOf(read(from, toExclusive));
        synchronized (periodsCache) {
            periodsCache.put(key, new Cached(version, periods));
        }
        return periods;
    }

    /** A result of {@link #periods}, valid while the screening and review versions are {@code version}. */
    private record Cached(List<Long> version, List<PeriodData> periods) {}

    /** The latest results by range; a few ranges are asked for in practice (the default two years, a report's). */
    private final Map<String, Cached> periodsCache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > 32;
        }
    };

    /** The first and last period start of every sample that counts, or empty when there is none. */
    public java.util.Optional<LocalDate[]> coveredRange() {
        return jdbc.sql("SELECT MIN(start_date) AS first_start, MAX(start_date) AS last_start FROM review_period"
                        + " WHERE withdrawn_at IS NULL")
                .query((rs, row) -> {
                    LocalDate first = rs.getObject("first_start", LocalDate.class);
                    return first == null ? null : new LocalDate[] {first, rs.getObject("last_start", LocalDate.class)};
                })
                .optional();
    }

    /**
     * A number that grows with every committed change to what the measures read from the reviews: reviews,
     * events, signatures and periods are never deleted, and every change to a review or an event raises its version
     * (the optimistic lock), so the row counts and the sums of the versions only grow.
     */
    private long reviewVersion() {
        return jdbc.sql("SELECT (SELECT COUNT(*) + COALESCE(SUM(version), 0) FROM review)"
                        + " + (SELECT COUNT(*) + COALESCE(SUM(version), 0) FROM adverse_event)"
                        + " + (SELECT COUNT(*) FROM signature) + (SELECT COUNT(*) FROM review_period)")
                .query(Long.class)
                .single();
    }

    private List<PeriodData> read(LocalDate from, LocalDate toExclusive) {
        // every draw that counts, grouped by period: the first draw gives the period's key and protocol
        Map<String, PeriodRow> first = new LinkedHashMap<>();
        Map<Long, Long> groupOfDraw = new HashMap<>();
        Map<String, Integer> requested = new HashMap<>();
        jdbc.sql("SELECT * FROM review_period WHERE start_date >= ? AND start_date < ? AND withdrawn_at IS NULL"
                        + " ORDER BY start_date, end_exclusive, id")
                .params(from, toExclusive)
                .query((rs, row) -> new PeriodRow(
                        rs.getLong("id"),
                        new ReviewPeriod(
                                rs.getObject("start_date", LocalDate.class),
                                rs.getObject("end_exclusive", LocalDate.class)),
                        rs.getString("protocol_version"),
                        rs.getInt("requested_size"),
                        rs.getInt("min_age_years"),
                        rs.getDouble("min_los_hours"),
                        rs.getString("stratify_by")))
                .list()
                .forEach(p -> {
                    PeriodRow head = first.computeIfAbsent(p.period().label(), k -> p);
                    groupOfDraw.put(p.id(), head.id());
                    requested.merge(p.period().label(), p.requestedSize(), Integer::sum);
                });
        if (first.isEmpty()) {
            return List.of();
        }
        Map<String, PeriodRow> latest = new LinkedHashMap<>();
        first.forEach((label, p) -> latest.put(
                label,
                new PeriodRow(
                        p.id(),
                        p.period(),
                        p.protocolVersion(),
                        requested.get(label),
                        p.minAge(),
                        p.minLosHours(),
                        p.stratifyBy())));
        List<Long> ids = List.copyOf(groupOfDraw.keySet());

        // each sampled stay once per period (first draw first), with its review's status
        record Sampled(
                long reviewId,
                String stayId,
                String encounterId,
                String ward,
                Instant admitted,
                Instant discharged,
                String reviewer,
                ReviewStatus status) {}
        Map<Long, Map<String, Sampled>> sampledByPeriod = new HashMap<>();
        jdbc.sql("SELECT r.period_id, r.id AS review_id, r.reviewer, r.status, s.id AS stay_id, s.encounter_id,"
                        + " s.ward, s.admitted, s.discharged FROM review r JOIN stay s ON s.id = r.stay_id"
                        + " WHERE r.period_id IN (:ids) AND r.second_of IS NULL ORDER BY r.period_id, r.draw_order,"
                        + " r.id")
                .param("ids", ids)
                .query(rs -> {
                    sampledByPeriod
                            .computeIfAbsent(groupOfDraw.get(rs.getLong("period_id")), k -> new LinkedHashMap<>())
                            .putIfAbsent(
                                    Long.toString(rs.getLong("stay_id")),
                                    new Sampled(
                                            rs.getLong("review_id"),
                                            Long.toString(rs.getLong("stay_id")),
                                            rs.getString("encounter_id"),
                                            rs.getString("ward"),
                                            Columns.instant(rs, "admitted"),
                                            Columns.instant(rs, "discharged"),
                                            rs.getString("reviewer"),
                                            ReviewStatus.valueOf(rs.getString("status"))));
                });
        Map<Long, Integer> sampled = new HashMap<>();
        Map<Long, List<Sampled>> authenticated = new HashMap<>();
        Map<Long, List<Unsigned>> unsigned = new HashMap<>();
        Set<Long> countedReviews = new java.util.HashSet<>();
        sampledByPeriod.forEach((period, stays) -> {
            sampled.put(period, stays.size());
            for (Sampled s : stays.values()) {
                if (s.status() == ReviewStatus.AUTHENTICATED) {
                    authenticated
                            .computeIfAbsent(period, k -> new ArrayList<>())
                            .add(s);
                    countedReviews.add(s.reviewId());
                } else {
                    unsigned.computeIfAbsent(period, k -> new ArrayList<>())
                            .add(new Unsigned(
                                    s.reviewId(),
                                    s.encounterId(),
                                    s.reviewer(),
                                    s.status().label()));
                }
            }
        });

        Map<Long, Map<String, Set<String>>> triggers = new HashMap<>();
        jdbc.sql("SELECT DISTINCT r.period_id, r.id AS review_id, f.stay_id, f.trigger_code FROM finding f JOIN review"
                        + " r ON r.stay_id = f.stay_id WHERE r.period_id IN (:ids) AND r.status = 'AUTHENTICATED'")
                .param("ids", ids)
                .query(rs -> {
                    if (!countedReviews.contains(rs.getLong("review_id"))) {
                        return;
                    }
                    triggers.computeIfAbsent(groupOfDraw.get(rs.getLong("period_id")), k -> new HashMap<>())
                            .computeIfAbsent(Long.toString(rs.getLong("stay_id")), k -> new TreeSet<>())
                            .add(rs.getString("trigger_code"));
                });

        record EventRow(
                long periodId,
                long reviewId,
                String eventId,
                String stayId,
                org.mhtrigger.engine.measure.OutcomeClass outcome,
                HarmCategory harm,
                String trigger,
                String triggerName,
                boolean presentOnAdmission,
                String preventability) {}
        Map<Long, List<EventRow>> eventRows = new HashMap<>();
        jdbc.sql("SELECT e.*, r.period_id, r.stay_id, (SELECT MAX(f.trigger_name) FROM finding f WHERE f.trigger_code ="
                        + " e.trigger_code) AS trigger_name FROM adverse_event e JOIN review r ON r.id = e.review_id"
                        + " WHERE r.period_id IN (:ids) AND r.status = 'AUTHENTICATED' AND e.status = 'confirmed'"
                        + " ORDER BY e.id")
                .param("ids", ids)
                .query(rs -> {
                    if (!countedReviews.contains(rs.getLong("review_id"))) {
                        return;
                    }
                    eventRows
                            .computeIfAbsent(groupOfDraw.get(rs.getLong("period_id")), k -> new ArrayList<>())
                            .add(new EventRow(
                                    groupOfDraw.get(rs.getLong("period_id")),
                                    rs.getLong("review_id"),
                                    Long.toString(rs.getLong("id")),
                                    Long.toString(rs.getLong("stay_id")),
                                    org.mhtrigger.engine.measure.OutcomeClass.valueOf(rs.getString("outcome_class")),
                                    HarmCategory.parse(rs.getString("harm_category")),
                                    rs.getString("trigger_code"),
                                    rs.getString("trigger_name"),
                                    rs.getBoolean("present_on_admission"),
                                    rs.getString("preventability")));
                });

        Map<String, Screened> screened = screened(latest.values());
        List<PeriodData> data = new ArrayList<>();
        for (PeriodRow period : latest.values()) {
            List<ReviewedStay> stays = new ArrayList<>();
            Map<String, String> wardByStay = new HashMap<>();
            Map<String, Set<String>> periodTriggers = triggers.getOrDefault(period.id(), Map.of());
            List<Sampled> periodAuthenticated = authenticated.getOrDefault(period.id(), List.of());
            for (Sampled s : periodAuthenticated) {
                stays.add(new ReviewedStay(
                        s.stayId(),
                        s.ward(),
                        ReviewedStay.lengthOfStayDays(s.admitted(), s.discharged(), REVIEW_WINDOW_DAYS),
                        periodTriggers.getOrDefault(s.stayId(), Set.of())));
                wardByStay.put(s.stayId(), s.ward());
            }
            List<ConfirmedEvent> events = new ArrayList<>();
            List<EventSummary> summaries = new ArrayList<>();
            Map<String, Long> reviewByEvent = new HashMap<>();
            for (EventRow e : eventRows.getOrDefault(period.id(), List.of())) {
                events.add(new ConfirmedEvent(e.eventId(), e.stayId(), e.trigger(), e.outcome(), e.harm()));
                summaries.add(new EventSummary(
                        e.eventId(),
                        period.period(),
                        wardByStay.get(e.stayId()),
                        e.outcome(),
                        e.harm(),
                        e.trigger(),
                        e.triggerName(),
                        e.presentOnAdmission(),
                        e.preventability()));
                reviewByEvent.put(e.eventId(), e.reviewId());
            }
            Screened occupancy = screened.get(period.period().label());
            PeriodMeasures measures = Measures.compute(new PeriodInput(
                    period.period(), period.protocol(), stays, events, occupancy.stays(), occupancy.episodes()));
            data.add(new PeriodData(
                    period.id(),
                    sampled.getOrDefault(period.id(), 0),
                    periodAuthenticated.size(),
                    measures,
                    summaries,
                    reviewByEvent,
                    unsigned.getOrDefault(period.id(), List.of())));
        }
        return data;
    }

    /**
     * The screened stays and restrictive episodes of each period, by label: from the cache when no stay or finding
     * was added since it was filled, otherwise read again (for the periods asked for only).
     */
    private Map<String, Screened> screened(Iterable<PeriodRow> periods) {
        long version = screeningVersion();
        Map<String, Screened> result = new HashMap<>();
        for (PeriodRow period : periods) {
            String key = period.period().start() + "/" + period.period().endExclusive();
            Screened cached = screenedCache.get(key);
            if (cached == null || cached.version() != version) {
                cached = readScreened(period.period(), version);
                screenedCache.put(key, cached);
            }
            result.put(period.period().label(), cached);
        }
        return result;
    }

    /**
     * The version of the screened data: every transaction that adds stays or findings raises it ({@link
     * Stays#screeningChanged()}), and neither table is ever updated or deleted from.
     */
    private long screeningVersion() {
        return jdbc.sql("SELECT version FROM screening_version WHERE id = 1")
                .query(Long.class)
                .single();
    }

    private Screened readScreened(ReviewPeriod period, long version) {
        Instant start = period.start().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = period.endExclusive().atStartOfDay(ZoneOffset.UTC).toInstant();
        List<OccupiedStay> screened = jdbc.sql(
                        "SELECT id, ward, admitted, discharged FROM stay WHERE admitted < ? AND discharged > ?")
                .params(Stays.utc(end), Stays.utc(start))
                .query((rs, row) -> new OccupiedStay(
                        Long.toString(rs.getLong("id")),
                        rs.getString("ward"),
                        Columns.instant(rs, "admitted"),
                        Columns.instant(rs, "discharged")))
                .list();
        List<RestrictiveEpisode> episodes = jdbc.sql("SELECT stay_id, trigger_code, occurred_at FROM finding"
                        + " WHERE trigger_code IN ('MH-R01', 'MH-R02', 'MH-R03') AND occurred_at >= ? AND"
                        + " occurred_at < ?")
                .params(Stays.utc(start), Stays.utc(end))
                .query((rs, row) -> new RestrictiveEpisode(
                        Long.toString(rs.getLong("stay_id")),
                        RestrictivePractice.ofTrigger(rs.getString("trigger_code"))
                                .orElseThrow(),
                        Columns.instant(rs, "occurred_at")))
                .list();
        return new Screened(version, List.copyOf(screened), List.copyOf(episodes));
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
