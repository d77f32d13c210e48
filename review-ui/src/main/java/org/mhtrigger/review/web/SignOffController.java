package org.mhtrigger.review.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mhtrigger.review.record.RecordPage;
import org.mhtrigger.review.store.OutcomeClass;
import org.mhtrigger.review.store.ReviewService;
import org.mhtrigger.review.store.SignOff;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The physician's sign-off of a record (docs/spec/method.md §2): per event confirm as recorded, confirm with a changed outcome
 * class, harm category or preventability, or reject, each change or rejection with a reason; then the electronic
 * signature. Or return the record to its reviewer with a comment. The form is the {@code signoff} fragment.
 */
@Controller
public class SignOffController {
    private final ReviewService reviews;
    private final CurrentCaller callers;
    private final RecordPage page;

    public SignOffController(ReviewService reviews, CurrentCaller callers, RecordPage page) {
        this.reviews = reviews;
        this.callers = callers;
        this.page = page;
    }

    /**
     * Reads {@code decision-<event id>} (confirmed or rejected) and, optional, {@code outcome-<id>}, {@code harm-<id>}
     * (empty: not applicable), {@code preventability-<id>} and {@code reason-<id>} for each event.
     */
    @PostMapping("/reviews/{id}/sign")
    public String sign(
            @PathVariable long id,
            @RequestParam long version,
            @RequestParam Map<String, String> form,
            Model model,
            HttpServletResponse response) {
        try {
            List<SignOff.EventDecision> decisions = new ArrayList<>();
            form.forEach((key, value) -> {
                if (key.startsWith("decision-")) {
                    long eventId = eventId(key.substring("decision-".length()));
                    String outcome = form.get("outcome-" + eventId);
                    decisions.add(new SignOff.EventDecision(
                            eventId,
                            SignOff.Decision.parse(value),
                            outcome == null || outcome.isBlank() ? null : outcome(outcome),
                            form.get("harm-" + eventId),
                            form.get("preventability-" + eventId),
                            form.get("reason-" + eventId)));
                }
            });
            reviews.sign(callers.get(), id, version, decisions);
            return "redirect:/reviews/" + id + "#authentication";
        } catch (IllegalArgumentException | IllegalStateException e) {
            // the record again, the physician's choices and reasons kept, the problem above the form
            model.addAttribute("signError", e.getMessage());
            model.addAttribute("signForm", form);
            return again(model, response, id);
        }
    }

    @PostMapping("/reviews/{id}/return")
    public String returnToReviewer(
            @PathVariable long id,
            @RequestParam long version,
            @RequestParam(defaultValue = "") String comment,
            Model model,
            HttpServletResponse response) {
        try {
            reviews.returnToReviewer(callers.get(), id, version, comment);
            return "redirect:/queue";
        } catch (IllegalArgumentException | IllegalStateException e) {
            model.addAttribute("returnError", e.getMessage());
            model.addAttribute("returnComment", comment);
            return again(model, response, id);
        }
    }

    private String again(Model model, HttpServletResponse response, long id) {
        page.fillRefused(model, response, callers.get(), id, RecordPage.Forms.blank());
        return "record";
    }

    private static long eventId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("event id '" + text + "' is not a number", e);
        }
    }

    private static OutcomeClass outcome(String text) {
        try {
            return OutcomeClass.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("outcome class '" + text + "' is not one of the four classes", e);
        }
    }
}
