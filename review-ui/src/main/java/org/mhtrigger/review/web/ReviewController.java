package org.mhtrigger.review.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mhtrigger.engine.measure.HarmCategory;
import org.mhtrigger.engine.screen.TriggerDefinition;
import org.mhtrigger.review.TriggerChoices;
import org.mhtrigger.review.store.Caller;
import org.mhtrigger.review.store.OutcomeClass;
import org.mhtrigger.review.store.ReviewService;
import org.mhtrigger.review.store.ReviewService.EventInput;
import org.mhtrigger.review.store.ReviewService.ReviewView;
import org.mhtrigger.review.store.Role;
import org.mhtrigger.review.store.Stays;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The record view and every change a reviewer makes to a review (queues: QueueController; sign-off: SignOffController). */
@Controller
public class ReviewController {
    /** The default time box of a primary review (method.md §2). */
    static final int BUDGET_SECONDS = 20 * 60;

    private final ReviewService reviews;
    private final Stays stays;
    private final CurrentCaller callers;
    private final TriggerChoices triggers;

    public ReviewController(ReviewService reviews, Stays stays, CurrentCaller callers, TriggerChoices triggers) {
        this.reviews = reviews;
        this.stays = stays;
        this.callers = callers;
        this.triggers = triggers;
    }

    /** A timeline row with its note text already cut into highlight segments. */
    public record TimelineEntry(Stays.Item item, String anchor, List<Highlighter.Segment> segments) {}

    /** A trigger with where its evidence is (an anchor in the timeline), if it can be found. */
    public record TriggerEntry(Stays.FindingView finding, String target) {}

    @GetMapping("/reviews/{id}")
    public String record(@PathVariable long id, @RequestParam(name = "q", required = false) String query, Model model) {
        Caller caller = callers.get();
        ReviewView review = reviews.view(caller, id);
        Stays.StayView stay = stays.find(review.stayId()).orElseThrow();
        List<Stays.Item> items = stays.timeline(stay.id());
        List<Stays.FindingView> findings = stays.findings(stay.id());

        Map<String, String> itemAnchors = new HashMap<>();
        Map<String, List<Highlighter.Mark>> marksByNote = new HashMap<>();
        for (Stays.Item item : items) {
            itemAnchors.putIfAbsent(item.sourceType() + "/" + item.sourceId(), "item-" + item.id());
        }
        List<TriggerEntry> triggerEntries = new ArrayList<>();
        for (Stays.FindingView finding : findings) {
            String source = finding.sourceType() + "/" + finding.sourceId();
            String target = null;
            if (finding.hasSpan() && itemAnchors.containsKey(source)) {
                target = "ev-" + finding.id();
                marksByNote
                        .computeIfAbsent(source, k -> new ArrayList<>())
                        .add(new Highlighter.Mark(
                                finding.spanStart(),
                                finding.spanEnd(),
                                target,
                                "evidence",
                                finding.trigger() + " " + finding.name()));
            } else if (finding.sourceType() != null) {
                target = itemAnchors.get(source);
            }
            triggerEntries.add(new TriggerEntry(finding, target));
        }
        int matchNumber = 0;
        List<String> matchAnchors = new ArrayList<>();
        List<TimelineEntry> timeline = new ArrayList<>();
        for (Stays.Item item : items) {
            List<Highlighter.Segment> segments = List.of();
            if (item.body() != null) {
                List<Highlighter.Mark> marks =
                        new ArrayList<>(marksByNote.getOrDefault(item.sourceType() + "/" + item.sourceId(), List.of()));
                for (int[] hit : Highlighter.occurrences(item.body(), query, 200)) {
                    matchNumber++;
                    String anchor = "match-" + matchNumber;
                    matchAnchors.add(anchor);
                    marks.add(new Highlighter.Mark(hit[0], hit[1], anchor, "match", "search match"));
                }
                segments = Highlighter.segments(item.body(), marks);
            }
            timeline.add(new TimelineEntry(item, "item-" + item.id(), segments));
        }

        boolean canEdit = caller.is(Role.REVIEWER) && caller.username().equals(review.reviewer());
        model.addAttribute("title", "Record " + stay.encounterId());
        model.addAttribute("review", review);
        model.addAttribute("stay", stay);
        model.addAttribute("timeline", timeline);
        model.addAttribute("triggers", triggerEntries);
        model.addAttribute("events", reviews.events(caller, id));
        model.addAttribute("signatures", reviews.signatures(caller, id));
        model.addAttribute("catalogue", triggers.all());
        model.addAttribute("harmCategories", HarmCategory.harms());
        model.addAttribute("outcomeClasses", OutcomeClass.values());
        model.addAttribute("canEdit", canEdit);
        model.addAttribute(
                "canSign", caller.is(Role.PHYSICIAN) && review.status().awaitingSignature());
        model.addAttribute("needsReason", review.status().submitted());
        model.addAttribute("q", query == null ? "" : query);
        model.addAttribute("matchAnchors", matchAnchors);
        model.addAttribute("budgetSeconds", BUDGET_SECONDS);
        return "record";
    }

    @PostMapping("/reviews/{id}/time")
    @ResponseBody
    public ResponseEntity<Void> time(@PathVariable long id, @RequestParam long seconds) {
        reviews.addTime(callers.get(), id, seconds);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/reviews/{id}/triggers")
    public String addTrigger(
            @PathVariable long id,
            @RequestParam long version,
            @RequestParam String trigger,
            @RequestParam String evidence,
            @RequestParam(required = false) String reason) {
        TriggerDefinition definition = triggers.find(trigger)
                .orElseThrow(() -> new IllegalArgumentException("trigger '" + trigger + "' is not in the catalogue"));
        reviews.addTrigger(callers.get(), id, version, definition.code(), definition.name(), evidence, reason);
        return "redirect:/reviews/" + id + "#triggers";
    }

    @PostMapping("/reviews/{id}/events")
    public String addEvent(
            @PathVariable long id,
            @RequestParam long version,
            @RequestParam(required = false) String trigger,
            @RequestParam String outcomeClass,
            @RequestParam String description,
            @RequestParam(required = false) String harmCategory,
            @RequestParam(defaultValue = "false") boolean presentOnAdmission,
            @RequestParam(required = false) String preventability,
            @RequestParam(required = false) String reason) {
        EventInput input = new EventInput(
                trigger, outcome(outcomeClass), description, harmCategory, presentOnAdmission, preventability);
        reviews.addEvent(callers.get(), id, version, input, reason);
        return "redirect:/reviews/" + id + "#events";
    }

    @PostMapping("/reviews/{id}/events/{eventId}")
    public String changeEvent(
            @PathVariable long id,
            @PathVariable long eventId,
            @RequestParam long version,
            @RequestParam long eventVersion,
            @RequestParam(required = false) String trigger,
            @RequestParam String outcomeClass,
            @RequestParam String description,
            @RequestParam(required = false) String harmCategory,
            @RequestParam(defaultValue = "false") boolean presentOnAdmission,
            @RequestParam(required = false) String preventability,
            @RequestParam(defaultValue = "false") boolean withdraw,
            @RequestParam(required = false) String reason) {
        EventInput input = new EventInput(
                trigger, outcome(outcomeClass), description, harmCategory, presentOnAdmission, preventability);
        reviews.changeEvent(callers.get(), id, version, eventId, eventVersion, input, withdraw, reason);
        return "redirect:/reviews/" + id + "#events";
    }

    @PostMapping("/reviews/{id}/submit")
    public String submit(
            @PathVariable long id, @RequestParam long version, @RequestParam(defaultValue = "0") long seconds) {
        reviews.submit(callers.get(), id, version, seconds);
        return "redirect:/reviews/" + id;
    }

    @GetMapping("/reviews/{id}/audit")
    public String audit(@PathVariable long id, Model model) {
        Caller caller = callers.get();
        ReviewView review = reviews.view(caller, id);
        model.addAttribute("title", "Audit trail of record " + review.encounterId());
        model.addAttribute("review", review);
        model.addAttribute("entries", reviews.auditTrail(caller, id));
        model.addAttribute("chain", reviews.auditChain(caller, id));
        return "audit";
    }

    private static OutcomeClass outcome(String text) {
        try {
            return OutcomeClass.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("outcome class '" + text + "' is not one of the four classes", e);
        }
    }
}
