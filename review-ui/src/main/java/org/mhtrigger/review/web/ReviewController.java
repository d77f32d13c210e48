package org.mhtrigger.review.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mhtrigger.engine.screen.TriggerDefinition;
import org.mhtrigger.review.TriggerChoices;
import org.mhtrigger.review.record.EventForm;
import org.mhtrigger.review.record.RecordPage;
import org.mhtrigger.review.record.TriggerForm;
import org.mhtrigger.review.store.Caller;
import org.mhtrigger.review.store.ReviewService;
import org.mhtrigger.review.store.ReviewService.ReviewView;
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
    /** A form that needs correcting is shown again with this status (Unprocessable Content). */
    private final ReviewService reviews;

    private final CurrentCaller callers;
    private final TriggerChoices triggers;
    private final RecordPage page;

    public ReviewController(ReviewService reviews, CurrentCaller callers, TriggerChoices triggers, RecordPage page) {
        this.reviews = reviews;
        this.callers = callers;
        this.triggers = triggers;
        this.page = page;
    }

    @GetMapping("/reviews/{id}")
    public String record(
            @PathVariable long id,
            @RequestParam(name = "q", required = false) String query,
            @RequestParam(name = "show", required = false) List<String> show,
            @RequestParam(name = "filter", required = false) String filter,
            @RequestParam(name = "saved", required = false) String saved,
            Model model) {
        // "filter" marks a submitted filter form: then the kinds ticked are all that is shown, even none
        Set<String> shown = filter == null && show == null ? null : new HashSet<>(show == null ? List.of() : show);
        page.fill(model, callers.get(), id, new RecordPage.View(query, shown), RecordPage.Forms.saved(saved));
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
            @RequestParam(required = false) String trigger,
            @RequestParam(required = false) String evidence,
            @RequestParam(required = false) String reason,
            Model model,
            HttpServletResponse response) {
        Caller caller = callers.get();
        TriggerForm form = new TriggerForm(trigger, evidence, reason, Map.of())
                .validated(page.needsReason(caller, id), page.codes());
        if (form.valid()) {
            try {
                TriggerDefinition definition = triggers.find(form.trigger()).orElseThrow();
                reviews.addTrigger(
                        caller, id, version, definition.code(), definition.name(), form.evidence(), form.reason());
                return "redirect:/reviews/" + id + "?saved=trigger#triggers";
            } catch (IllegalArgumentException | IllegalStateException e) {
                form = form.withFormError(e.getMessage());
            }
        }
        return again(model, response, caller, id, new RecordPage.Forms(EventForm.blank(), null, form, ""));
    }

    @PostMapping("/reviews/{id}/events")
    public String addEvent(
            @PathVariable long id,
            @RequestParam long version,
            @RequestParam Map<String, String> fields,
            Model model,
            HttpServletResponse response) {
        Caller caller = callers.get();
        EventForm form = EventForm.posted(null, fields).validated(page.needsReason(caller, id), page.codes());
        if (form.valid()) {
            try {
                long eventId = reviews.addEvent(caller, id, version, form.input(), form.reason());
                return "redirect:/reviews/" + id + "?saved=event#event-" + eventId;
            } catch (IllegalArgumentException | IllegalStateException e) {
                form = form.withFormError(e.getMessage());
            }
        }
        return again(model, response, caller, id, new RecordPage.Forms(form, null, TriggerForm.blank(), ""));
    }

    @PostMapping("/reviews/{id}/events/{eventId}")
    public String changeEvent(
            @PathVariable long id,
            @PathVariable long eventId,
            @RequestParam long version,
            @RequestParam long eventVersion,
            @RequestParam Map<String, String> fields,
            Model model,
            HttpServletResponse response) {
        Caller caller = callers.get();
        EventForm form = EventForm.posted(eventId, fields).validated(page.needsReason(caller, id), page.codes());
        if (form.valid()) {
            try {
                reviews.changeEvent(
                        caller, id, version, eventId, eventVersion, form.input(), form.withdraw(), form.reason());
                return "redirect:/reviews/" + id + "?saved=change#event-" + eventId;
            } catch (IllegalArgumentException | IllegalStateException e) {
                form = form.withFormError(e.getMessage());
            }
        }
        return again(
                model, response, caller, id, new RecordPage.Forms(EventForm.blank(), form, TriggerForm.blank(), ""));
    }

    @PostMapping("/reviews/{id}/submit")
    public String submit(
            @PathVariable long id, @RequestParam long version, @RequestParam(defaultValue = "0") long seconds) {
        reviews.submit(callers.get(), id, version, seconds);
        return "redirect:/reviews/" + id + "?saved=submitted";
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

    private String again(Model model, HttpServletResponse response, Caller caller, long id, RecordPage.Forms forms) {
        page.fillRefused(model, response, caller, id, forms);
        return "record";
    }
}
