package org.mhtrigger.review.web;

import org.mhtrigger.review.store.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in page and the landing page per role. */
@Controller
public class HomeController {
    private final CurrentCaller callers;

    public HomeController(CurrentCaller callers) {
        this.callers = callers;
    }

    @GetMapping("/login")
    public String login(Model model) {
        model.addAttribute("title", "Sign in");
        return "login";
    }

    @GetMapping("/")
    public String home() {
        Caller caller = callers.get();
        return switch (caller.role()) {
            case REVIEWER, PHYSICIAN -> "redirect:/queue";
            case SAFETY_LEAD -> "redirect:/periods";
            case ADMIN -> "redirect:/admin/users";
        };
    }
}
