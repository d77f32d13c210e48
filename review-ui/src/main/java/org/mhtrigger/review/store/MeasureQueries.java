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
 * Reads what the measures need from the review store (method.md §3), read-only: authenticated reviews of sampled
 * stays and their confirmed events, and every screened stay with its restrictive-practice findings. Used by the
 * dashboard and by {@code mhtrigger report}, which builds one on a plain {@code DataSource}. Thread-safe.
 *
 * <p>Where a period was drawn more than once, its latest draw counts.
 */
@Repository
public class MeasureQueries {
    /** Days from admission after which a stay no longer counts (triggers.md, review window). */
    public static final int REVIEW_WINDOW_DAYS = 90;

    private final JdbcClient jdbc;

    public MeasureQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One period's measures with what stands behind them.
     *
     * @param periodId key of the review period
     * @param sampled records in the sample
     * @param authenticated of those, records whose review is authenticated (the harm rates' denominator)
     * @param measures the measures
     * @param events summaries of the confirmed events, in id order
     * @param reviewByEvent the review each event belongs to, by event id, for drill-down
     */
    public record PeriodData(
            long periodId,
            int sampled,
            int authenticated,
            PeriodMeasures measures,
            List<EventSummary> events,
            Map<String, Long> reviewByEvent) {
        public PeriodData {
            events = List.copyOf(events);
            reviewByEvent = Map.copyOf(reviewByEvent);
        }
    }

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

    /** Every review period that starts on or after {@code from} and before {@code toExclusive}, oldest first. */
    public List<PeriodData> periods(LocalDate from, LocalDate toExclusive) {
        Map<String, PeriodRow> latest = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM review_period WHERE start_date >= ? AND start_date < ? ORDER BY start_date, id")
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
                .forEach(p -> latest.put(p.period().label(), p));
        List<PeriodData> data = new ArrayList<>();
        for (PeriodRow period : latest.values()) {
            data.add(load(period));
        }
        return data;
    }

    private PeriodData load(PeriodRow period) {
        int sampled = jdbc.sql("SELECT COUNT(*) FROM review WHERE period_id = ? AND second_of IS NULL")
                .param(period.id())
                .query(Integer.class)
                .single();
        record Sampled(long reviewId, String stayId, String ward, Instant admitted, Instant discharged) {}
        List<Sampled> authenticated = jdbc.sql("SELECT r.id AS review_id, s.id AS stay_id, s.ward, s.admitted,"
                        + " s.discharged FROM review r JOIN stay s ON s.id = r.stay_id"
                        + " WHERE r.period_id = ? AND r.status = 'AUTHENTICATED' ORDER BY r.draw_order")
                .param(period.id())
                .query((rs, row) -> new Sampled(
                        rs.getLong("review_id"),
                        Long.toString(rs.getLong("stay_id")),
                        rs.getString("ward"),
                        Stays.instant(rs, "admitted"),
                        Stays.instant(rs, "discharged")))
                .list();
        Map<String, Set<String>> triggers = new HashMap<>();
        jdbc.sql("SELECT DISTINCT f.stay_id, f.trigger_code FROM finding f JOIN review r ON r.stay_id = f.stay_id"
                        + " WHERE r.period_id = ? AND r.status = 'AUTHENTICATED'")
                .param(period.id())
                .query(rs -> {
                    triggers.computeIfAbsent(Long.toString(rs.getLong("stay_id")), k -> new TreeSet<>())
                            .add(rs.getString("trigger_code"));
                });
        List<ReviewedStay> stays = new ArrayList<>();
        Map<String, String> wardByStay = new HashMap<>();
        for (Sampled s : authenticated) {
            stays.add(new ReviewedStay(
                    s.stayId(),
                    s.ward(),
                    ReviewedStay.lengthOfStayDays(s.admitted(), s.discharged(), REVIEW_WINDOW_DAYS),
                    triggers.getOrDefault(s.stayId(), Set.of())));
            wardByStay.put(s.stayId(), s.ward());
        }

        List<ConfirmedEvent> events = new ArrayList<>();
        List<EventSummary> summaries = new ArrayList<>();
        Map<String, Long> reviewByEvent = new HashMap<>();
        jdbc.sql("SELECT e.*, r.stay_id, (SELECT MAX(f.trigger_name) FROM finding f WHERE f.trigger_code ="
                        + " e.trigger_code) AS trigger_name FROM adverse_event e JOIN review r ON r.id = e.review_id"
                        + " WHERE r.period_id = ? AND r.status = 'AUTHENTICATED' AND e.status = 'confirmed'"
                        + " ORDER BY e.id")
                .param(period.id())
                .query(rs -> {
                    String eventId = Long.toString(rs.getLong("id"));
                    String stayId = Long.toString(rs.getLong("stay_id"));
                    org.mhtrigger.engine.measure.OutcomeClass outcome =
                            org.mhtrigger.engine.measure.OutcomeClass.valueOf(rs.getString("outcome_class"));
                    HarmCategory harm = HarmCategory.parse(rs.getString("harm_category"));
                    String trigger = rs.getString("trigger_code");
                    events.add(new ConfirmedEvent(eventId, stayId, trigger, outcome, harm));
                    summaries.add(new EventSummary(
                            eventId,
                            period.period(),
                            wardByStay.get(stayId),
                            outcome,
                            harm,
                            trigger,
                            rs.getString("trigger_name"),
                            rs.getBoolean("present_on_admission"),
                            rs.getString("preventability")));
                    reviewByEvent.put(eventId, rs.getLong("review_id"));
                });

        Instant start = period.period().start().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end =
                period.period().endExclusive().atStartOfDay(ZoneOffset.UTC).toInstant();
        List<OccupiedStay> screened = jdbc.sql(
                        "SELECT id, ward, admitted, discharged FROM stay WHERE admitted < ? AND discharged > ?")
                .params(Stays.utc(end), Stays.utc(start))
                .query((rs, row) -> new OccupiedStay(
                        Long.toString(rs.getLong("id")),
                        rs.getString("ward"),
                        Stays.instant(rs, "admitted"),
                        Stays.instant(rs, "discharged")))
                .list();
        List<RestrictiveEpisode> episodes = jdbc.sql("SELECT stay_id, trigger_code, occurred_at FROM finding"
                        + " WHERE trigger_code IN ('MH-R01', 'MH-R02', 'MH-R03') AND occurred_at >= ? AND"
                        + " occurred_at < ?")
                .params(Stays.utc(start), Stays.utc(end))
                .query((rs, row) -> new RestrictiveEpisode(
                        Long.toString(rs.getLong("stay_id")),
                        RestrictivePractice.ofTrigger(rs.getString("trigger_code"))
                                .orElseThrow(),
                        Stays.instant(rs, "occurred_at")))
                .list();

        PeriodMeasures measures = Measures.compute(
                new PeriodInput(period.period(), period.protocol(), stays, events, screened, episodes));
        return new PeriodData(period.id(), sampled, authenticated.size(), measures, summaries, reviewByEvent);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
