package org.mhtrigger.review.record;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mhtrigger.engine.measure.HarmCategory;
import org.mhtrigger.engine.screen.TriggerDefinition;
import org.mhtrigger.review.TriggerChoices;
import org.mhtrigger.review.store.Caller;
import org.mhtrigger.review.store.OutcomeClass;
import org.mhtrigger.review.store.ReviewService;
import org.mhtrigger.review.store.ReviewService.ReviewView;
import org.mhtrigger.review.store.Role;
import org.mhtrigger.review.store.Stays;
import org.mhtrigger.review.web.Highlighter;
import org.mhtrigger.rules.RulesConfig;
import org.mhtrigger.rules.TriggerCatalogue;
import org.mhtrigger.screening.ScreeningOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Assembles the record page's model: the stay in the organisation's time zone, the timeline filtered by kind with
 * repeated administrations grouped and results flagged against the trigger thresholds, the triggers grouped by code
 * with a trend chart for each laboratory trigger, the mentions context set aside with their reasons, the events and
 * the forms (as typed, with their errors, when a submission needs correcting). Thread-safe.
 */
@Component
public class RecordPage {
    /** The default time box of a primary review (docs/spec/method.md §2). */
    public static final int BUDGET_SECONDS = 20 * 60;

    /** Administrations of the same medicine, dose, route and status shown as one expandable row from this many. */
    static final int GROUP_FROM = 3;

    /** The kinds of timeline row a reviewer can show or hide, in the order of the filter. */
    public static final Map<String, String> KINDS = kinds();

    private static Map<String, String> kinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("note", "Notes");
        kinds.put("lab", "Labs and observations");
        kinds.put("medication", "Medicines");
        kinds.put("encounter", "Encounters");
        kinds.put("procedure", "Procedures");
        kinds.put("condition", "Conditions");
        return java.util.Collections.unmodifiableMap(kinds);
    }

    private final ReviewService reviews;
    private final Stays stays;
    private final RecordTimeline timeline;
    private final NextRecord next;
    private final TriggerChoices triggers;
    private final LocalTimes times;
    private final LabLimits limits;
    private final TriggerCatalogue catalogue;

    public RecordPage(
            ReviewService reviews,
            Stays stays,
            RecordTimeline timeline,
            NextRecord next,
            TriggerChoices triggers,
            LocalTimes times,
            ObjectProvider<ScreeningOptions> screening) {
        this.reviews = reviews;
        this.stays = stays;
        this.timeline = timeline;
        this.next = next;
        this.triggers = triggers;
        this.times = times;
        // the rules the import pipeline screens with (serve --rules, else the bundled ones): the page flags results
        // against the same figures
        RulesConfig rules = screening.getIfAvailable(ScreeningOptions::defaults).rules();
        this.limits = LabLimits.of(rules);
        this.catalogue = rules.catalogue();
    }

    /** What the reviewer asked to see: search text and shown kinds ({@code null}: all). */
    public record View(String query, Set<String> shown) {
        public View {
            query = query == null ? "" : query;
            shown = shown == null ? null : Set.copyOf(shown);
        }

        public boolean shows(String kind) {
            return shown == null || shown.contains(kind);
        }
    }

    /** The forms as typed (blank unless a submission is shown again with its errors), and what just happened. */
    public record Forms(EventForm newEvent, EventForm changedEvent, TriggerForm newTrigger, String saved) {
        public static Forms blank() {
            return new Forms(EventForm.blank(), null, TriggerForm.blank(), "");
        }

        public static Forms saved(String what) {
            return new Forms(EventForm.blank(), null, TriggerForm.blank(), what == null ? "" : what);
        }
    }

    /** One kind in the filter, with how many rows of it the record has. */
    public record KindFilter(String kind, String label, int count, boolean shown) {}

    /** A suppressed mention as the page shows it. */
    public record MentionView(
            String anchor,
            String trigger,
            String name,
            String assertion,
            String reason,
            String quote,
            String note,
            String when,
            boolean inTimeline) {
        /** In words: {@code suppressed: negated by 'not required'}. */
        public String explanation() {
            return "suppressed: " + reason;
        }
    }

    /**
     * One row of the timeline, or a group of repeated administrations ({@code members} not empty: the row's label
     * and summary then describe the group).
     */
    public record Row(
            String anchor,
            String kind,
            String when,
            String whenIso,
            String ended,
            String label,
            String summary,
            List<Highlighter.Segment> segments,
            LabLimits.Flag flag,
            List<MentionView> mentions,
            List<Row> members,
            boolean open) {
        public Row {
            segments = List.copyOf(segments);
            mentions = List.copyOf(mentions);
            members = List.copyOf(members);
        }

        public boolean group() {
            return !members.isEmpty();
        }

        public boolean hasBody() {
            return !segments.isEmpty();
        }
    }

    /** A trigger (a finding of the engine or a reviewer) and where its evidence is on the page. */
    public record TriggerEntry(Stays.FindingView finding, String target, String when, LabLimits.Flag flag) {}

    /**
     * The findings of one trigger code that point at one clinical event ({@link TriggerEvents}: three MH-M05 findings
     * for one stopped clozapine order are one event; two restraints four days apart are two), shown as one group with
     * their count, with a trend chart for each laboratory analyte they point at. {@code anchor} is the group's id on
     * the page: {@code tg-CODE} for a code's first event, {@code tg-CODE-2} for its second.
     */
    public record TriggerGroup(
            String anchor,
            String code,
            String name,
            String window,
            String range,
            List<TriggerEntry> entries,
            List<TrendChart> charts,
            boolean addedByReviewer) {
        public TriggerGroup {
            entries = List.copyOf(entries);
            charts = List.copyOf(charts);
        }

        public int count() {
            return entries.size();
        }
    }

    /**
     * Fills {@code model} for the record page shown again after a refused form (an event, a trigger, a signature, a
     * return): HTTP 422 with the forms as typed and their errors beside the fields, nothing saved. The page names its
     * own address, so reloading it visits the record rather than sending the form again.
     */
    public void fillRefused(Model model, HttpServletResponse response, Caller caller, long reviewId, Forms forms) {
        response.setStatus(UNPROCESSABLE);
        model.addAttribute("pageUrl", "/reviews/" + reviewId);
        fill(model, caller, reviewId, new View(null, null), forms);
    }

    /** HTTP 422 Unprocessable Content: the form was understood and refused. */
    private static final int UNPROCESSABLE = 422;

    /** Fills {@code model} for the record page of review {@code reviewId} as {@code caller} sees it. */
    public void fill(Model model, Caller caller, long reviewId, View view, Forms forms) {
        ReviewView review = reviews.view(caller, reviewId);
        Stays.StayView stay = stays.find(review.stayId()).orElseThrow();
        List<RecordTimeline.Entry> entries = timeline.entries(stay.id());
        List<Stays.FindingView> findings = stays.findings(stay.id());
        List<RecordTimeline.Mention> suppressed = timeline.suppressed(stay.id());

        Map<String, RecordTimeline.Entry> bySource = new HashMap<>();
        for (RecordTimeline.Entry entry : entries) {
            bySource.putIfAbsent(entry.source(), entry);
        }
        Map<String, String> names = new HashMap<>();
        for (TriggerDefinition definition : triggers.all()) {
            names.put(definition.code(), definition.name());
        }
        for (TriggerDefinition definition : catalogue.all()) {
            names.putIfAbsent(definition.code(), definition.name());
        }

        // where each finding's evidence is: a highlighted span in a note, else the row of its source
        Map<String, List<Highlighter.Mark>> marks = new HashMap<>();
        Set<Long> targetedEntries = new java.util.HashSet<>();
        Map<String, List<TriggerEntry>> byCode = new LinkedHashMap<>();
        for (Stays.FindingView finding : findings) {
            String source = finding.sourceType() + "/" + finding.sourceId();
            RecordTimeline.Entry entry = bySource.get(source);
            String target = null;
            LabLimits.Flag flag = null;
            if (entry != null) {
                targetedEntries.add(entry.id());
                if (finding.hasSpan() && entry.body() != null) {
                    target = "ev-" + finding.id();
                    marks.computeIfAbsent(source, k -> new ArrayList<>())
                            .add(new Highlighter.Mark(
                                    finding.spanStart(),
                                    finding.spanEnd(),
                                    target,
                                    "evidence",
                                    finding.trigger() + " " + finding.name()));
                } else {
                    target = "item-" + entry.id();
                }
                if (entry.kind().equals("lab")) {
                    flag = limits.flag(entry.label(), entry.siValue(), entry.siUnit())
                            .orElse(null);
                }
            }
            byCode.computeIfAbsent(finding.trigger(), k -> new ArrayList<>())
                    .add(new TriggerEntry(finding, target, times.format(finding.at()), flag));
        }

        // the mentions context set aside, highlighted in their notes and listed with their reasons
        Map<String, List<MentionView>> mentionsBySource = new HashMap<>();
        List<MentionView> mentionViews = new ArrayList<>();
        for (RecordTimeline.Mention mention : suppressed) {
            RecordTimeline.Entry note = bySource.get(mention.source());
            boolean inTimeline = note != null && note.body() != null && view.shows(note.kind());
            String quote = note == null || note.body() == null
                    ? ""
                    : note.body()
                            .substring(
                                    Math.min(mention.start(), note.body().length()),
                                    Math.min(mention.end(), note.body().length()));
            String name = names.getOrDefault(mention.trigger(), "");
            MentionView mentionView = new MentionView(
                    "sm-" + mention.id(),
                    mention.trigger(),
                    name,
                    mention.assertion(),
                    mention.reason(),
                    quote,
                    note == null ? "" : note.label(),
                    note == null ? "" : times.format(note.at()),
                    inTimeline);
            mentionViews.add(mentionView);
            if (note != null && note.body() != null) {
                mentionsBySource
                        .computeIfAbsent(mention.source(), k -> new ArrayList<>())
                        .add(mentionView);
                marks.computeIfAbsent(mention.source(), k -> new ArrayList<>())
                        .add(new Highlighter.Mark(
                                mention.start(),
                                mention.end(),
                                mentionView.anchor(),
                                "suppressed",
                                mention.trigger() + " " + mentionView.explanation()));
            }
        }

        // the timeline: filtered by kind, search matches marked, administrations grouped
        Map<String, Integer> counts = new LinkedHashMap<>();
        KINDS.keySet().forEach(k -> counts.put(k, 0));
        List<String> matchAnchors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Map<String, List<RecordTimeline.Entry>> administrations = new LinkedHashMap<>();
        for (RecordTimeline.Entry entry : entries) {
            counts.merge(entry.kind(), 1, Integer::sum);
            if (entry.kind().equals("medication") && entry.summary().startsWith("administration ")) {
                administrations
                        .computeIfAbsent(entry.label() + "\u0000" + entry.summary(), k -> new ArrayList<>())
                        .add(entry);
            }
        }
        Set<Long> grouped = new java.util.HashSet<>();
        Map<Long, List<RecordTimeline.Entry>> groupAtFirst = new HashMap<>();
        for (List<RecordTimeline.Entry> members : administrations.values()) {
            if (members.size() >= GROUP_FROM) {
                members.forEach(m -> grouped.add(m.id()));
                groupAtFirst.put(members.getFirst().id(), members);
            }
        }
        for (RecordTimeline.Entry entry : entries) {
            if (!view.shows(entry.kind())) {
                continue;
            }
            if (groupAtFirst.containsKey(entry.id())) {
                List<RecordTimeline.Entry> members = groupAtFirst.get(entry.id());
                List<Row> memberRows = new ArrayList<>();
                boolean open = false;
                for (RecordTimeline.Entry member : members) {
                    memberRows.add(row(member, List.of(), List.of(), List.of()));
                    open |= targetedEntries.contains(member.id());
                }
                String summary = entry.summary().substring("administration ".length());
                rows.add(new Row(
                        "group-" + entry.id(),
                        entry.kind(),
                        times.format(entry.at()),
                        times.iso(entry.at()),
                        times.format(members.getLast().at()),
                        entry.label() + " " + summary,
                        members.size() + " administrations, "
                                + times.range(entry.at(), members.getLast().at()),
                        List.of(),
                        null,
                        List.of(),
                        memberRows,
                        open));
                continue;
            }
            if (grouped.contains(entry.id())) {
                continue;
            }
            List<Highlighter.Mark> noteMarks = new ArrayList<>(marks.getOrDefault(entry.source(), List.of()));
            if (entry.body() != null) {
                for (int[] hit : Highlighter.occurrences(entry.body(), view.query(), 200)) {
                    String anchor = "match-" + (matchAnchors.size() + 1);
                    matchAnchors.add(anchor);
                    noteMarks.add(new Highlighter.Mark(hit[0], hit[1], anchor, "match", "search match"));
                }
            }
            rows.add(row(entry, noteMarks, mentionsBySource.getOrDefault(entry.source(), List.of()), List.of()));
        }

        List<Map.Entry<String, List<TriggerEntry>>> events = new ArrayList<>();
        for (Map.Entry<String, List<TriggerEntry>> code : byCode.entrySet()) {
            List<TriggerEvents.Item<TriggerEntry>> items = new ArrayList<>();
            for (TriggerEntry member : code.getValue()) {
                items.add(eventItem(member, bySource, stay));
            }
            for (List<TriggerEntry> event : TriggerEvents.group(items)) {
                events.add(Map.entry(code.getKey(), event));
            }
        }
        List<TriggerGroup> groups = new ArrayList<>();
        Map<String, Integer> eventsOfCode = new HashMap<>();
        int chartNumber = 0;
        for (Map.Entry<String, List<TriggerEntry>> code : events) {
            List<TriggerEntry> members = code.getValue();
            int number = eventsOfCode.merge(code.getKey(), 1, Integer::sum);
            List<TrendChart> charts = new ArrayList<>();
            Set<String> analytes = new LinkedHashSet<>();
            for (TriggerEntry member : members) {
                RecordTimeline.Entry entry = bySource.get(
                        member.finding().sourceType() + "/" + member.finding().sourceId());
                if (entry != null && entry.kind().equals("lab") && entry.siValue() != null) {
                    analytes.add(entry.label() + "\u0000" + entry.siUnit());
                }
            }
            for (String key : analytes) {
                String analyte = key.substring(0, key.indexOf('\u0000'));
                String unit = key.substring(key.indexOf('\u0000') + 1);
                chartNumber++;
                charts.add(chart("chart-" + chartNumber, analyte, unit, entries));
            }
            Instant first = members.getFirst().finding().at();
            Instant last = members.getFirst().finding().at();
            boolean byReviewer = false;
            for (TriggerEntry member : members) {
                first = member.finding().at().isBefore(first) ? member.finding().at() : first;
                last = member.finding().at().isAfter(last) ? member.finding().at() : last;
                byReviewer |= Stays.REVIEWER.equals(member.finding().origin());
            }
            groups.add(new TriggerGroup(
                    "tg-" + code.getKey() + (number == 1 ? "" : "-" + number),
                    code.getKey(),
                    members.getFirst().finding().name(),
                    catalogue.window(code.getKey()),
                    times.range(first, last),
                    members,
                    charts,
                    byReviewer));
        }

        List<KindFilter> filters = new ArrayList<>();
        for (Map.Entry<String, String> kind : KINDS.entrySet()) {
            filters.add(new KindFilter(
                    kind.getKey(), kind.getValue(), counts.getOrDefault(kind.getKey(), 0), view.shows(kind.getKey())));
        }

        boolean canEdit = caller.is(Role.REVIEWER) && caller.username().equals(review.reviewer());
        model.addAttribute("title", "Record " + stay.encounterId());
        model.addAttribute("review", review);
        model.addAttribute("stay", stay);
        model.addAttribute("times", times);
        model.addAttribute("units", Units.DISPLAY);
        model.addAttribute("zone", times.zone().getId());
        model.addAttribute("kinds", filters);
        model.addAttribute("filtered", view.shown() != null);
        model.addAttribute("timeline", rows);
        model.addAttribute("shownCount", rows.size());
        model.addAttribute("triggerGroups", groups);
        model.addAttribute("triggerCount", findings.size());
        model.addAttribute("suppressed", mentionViews);
        model.addAttribute("events", reviews.events(caller, reviewId));
        model.addAttribute("signatures", reviews.signatures(caller, reviewId));
        model.addAttribute("catalogue", triggers.all());
        model.addAttribute("harmCategories", HarmCategory.harms());
        model.addAttribute("outcomeClasses", OutcomeClass.values());
        model.addAttribute("canEdit", canEdit);
        model.addAttribute(
                "canSign", caller.is(Role.PHYSICIAN) && review.status().awaitingSignature());
        model.addAttribute("needsReason", review.status().submitted());
        model.addAttribute("q", view.query());
        model.addAttribute("matchAnchors", matchAnchors);
        model.addAttribute("budgetSeconds", BUDGET_SECONDS);
        model.addAttribute("eventForm", forms.newEvent());
        model.addAttribute("changeForm", forms.changedEvent());
        model.addAttribute("triggerForm", forms.newTrigger());
        model.addAttribute("saved", forms.saved());
        boolean justSubmitted =
                forms.saved().equals("submitted") && review.status().submitted();
        model.addAttribute("justSubmitted", justSubmitted);
        Optional<NextRecord.Open> following =
                canEdit && justSubmitted ? next.after(caller.username(), reviewId) : Optional.empty();
        model.addAttribute("next", following.orElse(null));
    }

    /** The trigger codes reviewers may choose from (the catalogue offered to them). */
    public List<String> codes() {
        return triggers.all().stream().map(TriggerDefinition::code).toList();
    }

    /** Whether the review's record was submitted already, so that a change needs a reason. */
    public boolean needsReason(Caller caller, long reviewId) {
        return reviews.view(caller, reviewId).status().submitted();
    }

    /**
     * A finding as {@link TriggerEvents} groups it: a medicine order names its medicine; a note written at or after
     * discharge, or typed as a discharge summary, restates.
     */
    private static TriggerEvents.Item<TriggerEntry> eventItem(
            TriggerEntry member, Map<String, RecordTimeline.Entry> bySource, Stays.StayView stay) {
        Stays.FindingView finding = member.finding();
        RecordTimeline.Entry entry = bySource.get(finding.sourceType() + "/" + finding.sourceId());
        String medicine = entry != null && finding.sourceType().equals("MedicationRequest")
                ? TriggerEvents.medicine(entry.label())
                : null;
        boolean summary = entry != null
                && entry.kind().equals("note")
                && (!entry.at().isBefore(stay.discharged())
                        || entry.label().toLowerCase(java.util.Locale.ROOT).contains("discharge"));
        String text = finding.evidence() == null ? "" : finding.evidence();
        return new TriggerEvents.Item<>(member, finding.at(), medicine, text, summary);
    }

    private Row row(
            RecordTimeline.Entry entry,
            List<Highlighter.Mark> noteMarks,
            List<MentionView> mentions,
            List<Row> members) {
        List<Highlighter.Segment> segments =
                entry.body() == null ? List.of() : Highlighter.segments(entry.body(), noteMarks);
        LabLimits.Flag flag = entry.kind().equals("lab")
                ? limits.flag(entry.label(), entry.siValue(), entry.siUnit()).orElse(null)
                : null;
        return new Row(
                "item-" + entry.id(),
                entry.kind(),
                times.format(entry.at()),
                times.iso(entry.at()),
                entry.endedAt() == null ? "" : times.format(entry.endedAt()),
                entry.label(),
                Units.readable(entry.summary()),
                segments,
                flag,
                mentions,
                members,
                false);
    }

    private TrendChart chart(String id, String analyte, String unit, List<RecordTimeline.Entry> entries) {
        List<TrendChart.Sample> samples = new ArrayList<>();
        for (RecordTimeline.Entry entry : entries) {
            if (entry.kind().equals("lab")
                    && entry.label().equals(analyte)
                    && entry.siValue() != null
                    && unit.equals(entry.siUnit())) {
                LabLimits.Flag flag =
                        limits.flag(analyte, entry.siValue(), unit).orElse(null);
                samples.add(new TrendChart.Sample(
                        entry.at(), entry.siValue(), flag == null || !flag.threshold() ? null : flag.text()));
            }
        }
        List<LabLimits.Limit> thresholds = limits.of(analyte).stream()
                .filter(LabLimits.Limit::threshold)
                .filter(l -> l.unit().equals(unit))
                .toList();
        return TrendChart.of(id, analyte, unit, samples, thresholds, times);
    }
}
