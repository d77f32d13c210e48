package org.mhtrigger.review.web;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mhtrigger.engine.measure.Completeness;
import org.mhtrigger.engine.measure.ConfirmedEvent;
import org.mhtrigger.engine.measure.Direction;
import org.mhtrigger.engine.measure.EventSummary;
import org.mhtrigger.engine.measure.Measure;
import org.mhtrigger.engine.measure.Rate;
import org.mhtrigger.engine.measure.RunChart;
import org.mhtrigger.engine.measure.Spc;
import org.mhtrigger.review.report.HarmFigures;
import org.mhtrigger.review.report.HarmReport;
import org.mhtrigger.review.report.MeasureTables;
import org.mhtrigger.review.store.Caller;
import org.mhtrigger.review.store.MeasureQueries.PeriodData;
import org.mhtrigger.review.store.MeasureTargets;
import org.mhtrigger.review.store.Role;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The safety lead's dashboard (docs/spec/method.md §3–4): per measure a run chart with its median and Anhøj signals and the u- or
 * p-chart recalculated from each protocol change, every signal worded as improvement or concern, the variation and
 * assurance verdicts, each period's review completeness (unfinished periods are drawn apart and counted in no line or
 * signal), the events behind each point, and downloads of the same figures as CSV, FHIR and the PDF board report. The
 * page carries every figure as a table (readable without script); {@code /js/dashboard.js} draws the charts with
 * Chart.js from {@code /dashboard/data}. Thread-safe.
 */
@Controller
public class DashboardController {
    /** Chart.js from its webjar (the version the parent pom pins); no CDN. */
    public static final String CHART_JS = "/webjars/chart.js/4.5.1/dist/chart.umd.min.js";

    /** Months shown when no range is given and there is no sample yet: the last two years, this month included. */
    static final int DEFAULT_MONTHS = 24;

    private final HarmReport reports;
    private final MeasureTargets targets;
    private final CurrentCaller callers;

    public DashboardController(HarmReport reports, MeasureTargets targets, CurrentCaller callers) {
        this.reports = reports;
        this.targets = targets;
        this.callers = callers;
    }

    /**
     * Everything the page and its charts show.
     *
     * @param from first month shown
     * @param to last month shown
     * @param periods the periods with their review state, oldest first
     * @param protocolChanges where the sampling protocol differs from the period before
     * @param series one per {@link Measure}, in declaration order
     */
    public record Dashboard(
            String from,
            String to,
            List<PeriodState> periods,
            List<HarmFigures.ProtocolChange> protocolChanges,
            List<Series> series) {
        /** The periods' labels, oldest first. */
        public List<String> labels() {
            return periods.stream().map(PeriodState::period).toList();
        }

        public List<PeriodState> unfinished() {
            return periods.stream().filter(p -> !p.complete()).toList();
        }
    }

    /**
     * A period and how far its review has come.
     *
     * @param state "sampled", "in review" or "complete"
     * @param label in words: "in review: 1 of 13 signed"
     * @param unsigned the records not signed yet: what holds the period up
     */
    public record PeriodState(
            String period,
            String state,
            int signed,
            int sampled,
            boolean complete,
            String label,
            List<Unsigned> unsigned) {}

    /** A sampled record not signed yet, with a link to it. */
    public record Unsigned(long reviewId, String encounterId, String reviewer, String status, String href) {}

    /**
     * One measure over the periods.
     *
     * @param improvement "lower is better" or "higher is better"
     * @param median the run chart's centre line over the complete periods, {@code null} without one
     * @param runRulesApplied whether there were enough complete points for the run-chart rules
     * @param signal the run chart's finding in words (signals, "no signal", or why no rule was applied)
     * @param signals every signal of both charts, worded as improvement or concern
     * @param variation NO_DATA, COMMON_CAUSE, IMPROVING or CONCERNING, and {@code variationWords} in words
     * @param assurance NO_TARGET, MEETS, HIT_AND_MISS or FAILS, and {@code assuranceWords} in words
     * @param controlChart "u" or "p"
     */
    public record Series(
            String code,
            String title,
            String numeratorLabel,
            String denominatorLabel,
            String improvement,
            Double median,
            int completePoints,
            boolean runRulesApplied,
            int longestRun,
            int longestRunLimit,
            int crossings,
            int crossingsLimit,
            boolean longRunSignal,
            boolean fewCrossingsSignal,
            String signal,
            List<Signal> signals,
            String variation,
            String variationWords,
            String assurance,
            String assuranceWords,
            Double target,
            String controlChart,
            String eventsNote,
            List<Point> points) {}

    /** A signal in words; {@code improvement} says which way it points. */
    public record Signal(String rule, boolean improvement, String words) {}

    /**
     * One period of one measure.
     *
     * @param value the rate, {@code null} when the period has no denominator
     * @param counted whether the point is final and counts in the lines and signals (its review is complete)
     * @param state the period's review state in words, e.g. "in review: 1 of 13 signed"
     * @param centre its segment's centre line, {@code null} when undefined
     * @param lower lower control limit, {@code null} when undefined
     * @param upper upper control limit, {@code null} when undefined
     * @param outside whether a counted point falls outside its control limits
     * @param events the confirmed events counted in the numerator, for drill-down
     */
    public record Point(
            String period,
            double numerator,
            double denominator,
            Double value,
            boolean counted,
            String state,
            Double centre,
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
        Dashboard dashboard = assemble(figures(from, to));
        model.addAttribute("title", "Harm rates over time");
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("chartJs", CHART_JS);
        model.addAttribute("fmt", new Figures());
        return "dashboard";
    }

    @GetMapping(value = "/dashboard/data", produces = "application/json")
    @ResponseBody
    public Dashboard data(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return assemble(figures(from, to));
    }

    /** The figures shown, as a file: the same bytes {@code mhtrigger report} writes for the same range. */
    @GetMapping("/dashboard/export")
    public ResponseEntity<byte[]> export(
            @RequestParam String format,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        HarmReport.Format kind;
        try {
            kind = HarmReport.Format.valueOf(format);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("format '" + format + "' must be one of csv, json, fhir or pdf", e);
        }
        HarmFigures figures = figures(from, to);
        byte[] bytes = reports.render(kind, figures, HarmReport.DEFAULT_TITLE, Instant.now());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(kind.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(kind.fileName(figures))
                                .build()
                                .toString())
                .body(bytes);
    }

    /** Sets or clears (empty) a measure's target; back to the same range. */
    @PostMapping("/dashboard/target")
    public String target(
            @RequestParam String measure,
            @RequestParam(required = false) String target,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Measure which = Measure.ofCode(measure);
        Double value;
        try {
            value = target == null || target.isBlank() ? null : Double.valueOf(target.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("target '" + target + "' for " + which.title() + " must be a number", e);
        }
        targets.set(callers.get(), which, value);
        return "redirect:/dashboard?from=" + month("from", from) + "&to=" + month("to", to) + "#measure-"
                + which.code();
    }

    /** Formats the page's figures (templates may not call static methods). Stateless, thread-safe. */
    public static final class Figures {
        /** At most two decimals, empty when undefined: 9.38, 30, 0.33. */
        public String figure(Double value) {
            return value == null ? "" : MeasureTables.number(Math.round(value * 100) / 100.0);
        }
    }

    private HarmFigures figures(String fromText, String toText) {
        Caller caller = callers.get();
        if (!caller.is(Role.SAFETY_LEAD)) {
            throw new AccessDeniedException("needs role " + Role.SAFETY_LEAD.label());
        }
        YearMonth[] covered = reports.covered().orElse(null);
        YearMonth to = toText == null || toText.isBlank()
                ? covered == null ? YearMonth.now(ZoneOffset.UTC) : covered[1]
                : month("to", toText);
        YearMonth from = fromText == null || fromText.isBlank()
                ? covered == null || covered[0].isAfter(to) ? to.minusMonths(DEFAULT_MONTHS - 1) : covered[0]
                : month("from", fromText);
        return reports.figures(from, to); // refuses a range whose from is after its to
    }

    static Dashboard assemble(HarmFigures figures) {
        List<PeriodState> periods = new ArrayList<>();
        for (PeriodData period : figures.periods()) {
            Completeness c = period.completeness();
            periods.add(new PeriodState(
                    period.measures().period().label(),
                    c.state().label(),
                    c.signed(),
                    c.sampled(),
                    c.complete(),
                    c.label(),
                    period.unsigned().stream()
                            .map(u -> new Unsigned(
                                    u.reviewId(),
                                    u.encounterId(),
                                    u.reviewer(),
                                    u.status(),
                                    "/reviews/" + u.reviewId()))
                            .toList()));
        }
        List<Series> series = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            series.add(series(figures.measure(measure), figures.periods()));
        }
        return new Dashboard(figures.from(), figures.to(), periods, figures.protocolChanges(), series);
    }

    private static Series series(HarmFigures.MeasureFigures figures, List<PeriodData> data) {
        Measure measure = figures.measure();
        Spc.Analysis analysis = figures.analysis();
        RunChart.Analysis run = analysis.run();
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            PeriodData period = data.get(i);
            Rate rate = figures.rates().get(i);
            Spc.Point point = analysis.points().get(i);
            points.add(new Point(
                    period.measures().period().label(),
                    rate.numerator(),
                    rate.denominator(),
                    orNull(rate.value()),
                    point.included(),
                    period.completeness().label(),
                    orNull(point.centre()),
                    orNull(point.lower()),
                    orNull(point.upper()),
                    point.outside(),
                    period.measures().protocol(),
                    events(measure, period)));
        }
        boolean rules = analysis.runRulesApplied();
        return new Series(
                measure.code(),
                measure.title(),
                measure.numeratorLabel(),
                measure.denominatorLabel(),
                measure.improvement() == Direction.LOWER_IS_BETTER ? "lower is better" : "higher is better",
                orNull(run.median()),
                analysis.includedPoints(),
                rules,
                run.longestRun(),
                run.longestRunLimit(),
                run.crossings(),
                run.crossingsLimit(),
                rules && run.longRunSignal(),
                rules && run.fewCrossingsSignal(),
                analysis.runChartWords(),
                analysis.signals().stream()
                        .map(s -> new Signal(s.rule(), s.improvement(), s.words()))
                        .toList(),
                analysis.variation().name(),
                analysis.variation().words(),
                analysis.assurance().name(),
                analysis.assurance().words(),
                analysis.target(),
                measure.isProportion() ? "p" : "u",
                measure == Measure.RESTRICTIVE_PER_1000_BED_DAYS
                        ? "Episodes are counted by screening every stay, not from reviewed events, so no reviewed"
                                + " events stand behind these points."
                        : "",
                points);
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
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException(name + " '" + text + "' must be a month like 2026-03", e);
        }
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
