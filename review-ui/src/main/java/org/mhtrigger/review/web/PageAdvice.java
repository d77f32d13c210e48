package org.mhtrigger.review.web;

import java.util.NoSuchElementException;
import org.mhtrigger.review.store.Caller;
import org.mhtrigger.review.store.StaleEditException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What every page gets (the signed-in user) and how expected failures are shown. Messages shown are our own; they
 * never carry note text.
 */
@ControllerAdvice
public class PageAdvice {
    private final CurrentCaller callers;

    public PageAdvice(CurrentCaller callers) {
        this.callers = callers;
    }

    @ModelAttribute("me")
    public Caller me() {
        return callers.orNull();
    }

    @ExceptionHandler(StaleEditException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    public String conflict(StaleEditException e, Model model) {
        model.addAttribute("me", callers.orNull());
        model.addAttribute("title", "Changed by someone else");
        model.addAttribute(
                "message",
                "Someone else changed this record after you opened it. Your change was not saved and nothing was"
                        + " overwritten. Go back, reload the record to see the other change, and apply yours again.");
        return "problem";
    }

    @ExceptionHandler({IllegalArgumentException.class, IllegalStateException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    public String invalid(RuntimeException e, Model model) {
        model.addAttribute("me", callers.orNull());
        model.addAttribute("title", "Not saved");
        model.addAttribute("message", e.getMessage());
        return "problem";
    }

    @ExceptionHandler(NoSuchElementException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    public String missing(NoSuchElementException e, Model model) {
        model.addAttribute("me", callers.orNull());
        model.addAttribute("title", "Not found");
        model.addAttribute("message", e.getMessage());
        return "problem";
    }
}
