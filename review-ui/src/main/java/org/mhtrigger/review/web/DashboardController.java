package org.mhtrigger.review.web;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mhtrigger.engine.measure.ConfirmedEvent;
import org.mhtrigger.engine.measure.ControlChart;
import org.mhtrigger.engine.measure.EventSummary;
import org.mhtrigger.engine.measure.Measure;
import org.mhtrigger.engine.measure.PeriodMeasures;
import org.mhtrigger.engine.measure.Rate;
import org.mhtrigger.engine.measure.RunChart;
import org.mhtrigger.review.report.MeasureTables;
import org.mhtrigger.review.store.Caller;
import org.mhtrigger.review.store.MeasureQueries;
import org.mhtrigger.review.store.MeasureQueries.PeriodData;
import org.mhtrigger.review.store.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The safety lead's dashboard (method.md §3–4): per measure a run chart with its median and Anhøj signals, the u- or
 * p-chart, protocol changes, and the events behind each point. The page carries every figure as a table (readable
 * without script); {@code /js/dashboard.js} draws the charts with Chart.js from {@code /dashboard/data}. Thread-safe.
 */
@Controller
public class DashboardController {
    /** Chart.js from its webjar (the version the parent pom pins); no CDN. */
    public static final String CHART_JS = "/webjars/chart.js/4.5.1/dist/chart.umd.min.js";

    /** Months shown when no range is given: the last two years, this month included. */
    static final int DEFAULT_MONTHS = 24;

    private final MeasureQueries queries;
    private final CurrentCaller callers;

    public DashboardController(MeasureQueries queries, CurrentCaller callers) {
        this.queries = queries;
        this.callers = callers;
    }

    /**
     * Everything the page and its charts show.
     *
     * @param from first month shown
     * @param to last month shown
     * @param periods period labels, oldest first
     * @param protocolChanges where the sampling protocol differs from the period before
     * @param series one per {@link Measure}, in declaration order
     */
    public record Dashboard(
            String from, String to, List<String> periods, List<ProtocolChange> protocolChanges, List<Series> series) {}

    /** The protocol of period {@code index} differs from the one before it. */
    public record ProtocolChange(int index, String period, String protocol) {}

    /**
     * One measure over the periods: the run chart's analysis, its signals in words and the control chart.
     *
     * @param median the run chart's centre line, {@code null} when no period has a denominator
     * @param signal "unusually long run", "unusually few crossings", both joined by "; ", or "no signal"
     * @param controlChart "u" or "p"
     * @param centre the control chart's centre line (ū or p̄), {@code null} without denominators
     */
    public record Series(
            String code,
            String title,
            String numeratorLabel,
            String denominatorLabel,
            Double median,
            int usefulPoints,
            int longestRun,
            int longestRunLimit,
            int crossings,
            int crossingsLimit,
            boolean longRunSignal,
            boolean fewCrossingsSignal,
            String signal,
            String controlChart,
            Double centre,
            String eventsNote,
            List<Point> points) {}

    /**
     * One period of one measure.
     *
     * @param value the rate, {@code null} when the period has no denominator
     * @param lower lower control limit, {@code null} when undefined
     * @param upper upper control limit, {@code null} when undefined
     * @param outside whether the point falls outside its control limits
     * @param events the confirmed events counted in the numerator, for drill-down
     */
    public record Point(
            String period,
            double numerator,
            double denominator,
            Double value,
            Double lower,
            Double upper,
            boolean outside,
            String protocol,
            List<Event> events) {}

    /** An event behind a point: its anonymised one-line summary and the review it was recorded in. */
    public record Event(String eventId, long reviewId, String href, String line) {}

    @GetMapping("/dashboard")
    public String page(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        Dashboard dashboard = build(from, to);
        model.addAttribute("title", "Harm rates over time");
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("chartJs", CHART_JS);
        model.addAttribute("fmt", new Figures());
        return "dashboard";
    }

    @GetMapping(value = "/dashboard/data", produces = "application/json")
    @ResponseBody
    public Dashboard data(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return build(from, to);
    }

    /** Formats the page's figures (templates may not call static methods). Stateless, thread-safe. */
    public static final class Figures {
        /** At most two decimals, empty when undefined: 9.38, 30, 0.33. */
        public String figure(Double value) {
            return value == null ? "" : MeasureTables.number(Math.round(value * 100) / 100.0);
        }
    }

    private Dashboard build(String fromText, String toText) {
        Caller caller = callers.get();
        if (!caller.is(Role.SAFETY_LEAD)) {
            throw new AccessDeniedException("needs role " + Role.SAFETY_LEAD.label());
        }
        YearMonth to = toText == null || toText.isBlank() ? YearMonth.now(ZoneOffset.UTC) : month("to", toText);
        YearMonth from =
                fromText == null || fromText.isBlank() ? to.minusMonths(DEFAULT_MONTHS - 1) : month("from", fromText);
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " must not be after to " + to);
        }
        List<PeriodData> data = queries.periods(from.atDay(1), to.plusMonths(1).atDay(1));
        return assemble(from, to, data);
    }

    static Dashboard assemble(YearMonth from, YearMonth to, List<PeriodData> data) {
        List<String> labels = new ArrayList<>();
        List<ProtocolChange> changes = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            PeriodMeasures measures = data.get(i).measures();
            labels.add(measures.period().label());
            if (i > 0 && !measures.protocol().equals(data.get(i - 1).measures().protocol())) {
                changes.add(new ProtocolChange(i, measures.period().label(), measures.protocol()));
            }
        }
        List<Series> series = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            series.add(series(measure, data));
        }
        return new Dashboard(from.toString(), to.toString(), labels, changes, series);
    }

    private static Series series(Measure measure, List<PeriodData> data) {
        List<Rate> rates = data.stream().map(p -> p.measures().rate(measure)).toList();
        RunChart.Analysis run = RunChart.analyse(rates.stream().map(Rate::value).toList());
        boolean anyDenominator = rates.stream().anyMatch(Rate::defined);
        ControlChart.Chart control = anyDenominator ? ControlChart.of(measure, rates) : null;
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            PeriodData period = data.get(i);
            Rate rate = rates.get(i);
            ControlChart.Point limits =
                    control == null ? null : control.points().get(i);
            points.add(new Point(
                    period.measures().period().label(),
                    rate.numerator(),
                    rate.denominator(),
                    orNull(rate.value()),
                    limits == null ? null : orNull(limits.lower()),
                    limits == null ? null : orNull(limits.upper()),
                    limits != null && limits.outside(),
                    period.measures().protocol(),
                    events(measure, period)));
        }
        return new Series(
                measure.code(),
                measure.title(),
                measure.numeratorLabel(),
                measure.denominatorLabel(),
                orNull(run.median()),
                run.usefulPoints(),
                run.longestRun(),
                run.longestRunLimit(),
                run.crossings(),
                run.crossingsLimit(),
                run.longRunSignal(),
                run.fewCrossingsSignal(),
                signalText(run),
                measure.isProportion() ? "p" : "u",
                control == null ? null : orNull(control.centre()),
                measure == Measure.RESTRICTIVE_PER_1000_BED_DAYS
                        ? "Episodes are counted by screening every stay, not from reviewed events, so no reviewed"
                                + " events stand behind these points."
                        : "",
                points);
    }

    /** The signals in words, as the method names them. */
    static String signalText(RunChart.Analysis run) {
        List<String> signals = new ArrayList<>();
        if (run.longRunSignal()) {
            signals.add("unusually long run");
        }
        if (run.fewCrossingsSignal()) {
            signals.add("unusually few crossings");
        }
        return signals.isEmpty() ? "no signal" : String.join("; ", signals);
    }

    /** The confirmed events the measure's numerator counts in this period. */
    private static List<Event> events(Measure measure, PeriodData period) {
        List<ConfirmedEvent> counted = switch (measure) {
            case AE_PER_1000_PATIENT_DAYS, AE_PER_100_ADMISSIONS, PERCENT_ADMISSIONS_WITH_AE ->
                period.measures().harmEvents();
            case MH_INCIDENTS_PER_1000_PATIENT_DAYS -> period.measures().incidents();
            case RESTRICTIVE_PER_1000_BED_DAYS -> List.of();
        };
        Map<String, EventSummary> summaries = new HashMap<>();
        for (EventSummary summary : period.events()) {
            summaries.put(summary.eventId(), summary);
        }
        List<Event> events = new ArrayList<>();
        for (ConfirmedEvent event : counted) {
            EventSummary summary = summaries.get(event.eventId());
            Long reviewId = period.reviewByEvent().get(event.eventId());
            if (summary == null || reviewId == null) {
                continue; // every counted event comes from an authenticated review of the period; defensive only
            }
            events.add(new Event(event.eventId(), reviewId, "/reviews/" + reviewId, summary.line()));
        }
        return events;
    }

    private static YearMonth month(String name, String text) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " '" + text + "' must be a month like 2026-03", e);
        }
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
