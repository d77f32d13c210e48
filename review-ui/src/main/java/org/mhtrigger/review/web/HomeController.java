package org.mhtrigger.review.web;

import org.mhtrigger.review.store.Caller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in page and the landing page per role. */
@Controller
public class HomeController {
    private final CurrentCaller callers;
    private final boolean singleSignOn;

    public HomeController(CurrentCaller callers, ObjectProvider<ClientRegistrationRepository> singleSignOn) {
        this.callers = callers;
        this.singleSignOn = singleSignOn.getIfAvailable() != null;
    }

    @GetMapping("/login")
    public String login(Model model) {
        model.addAttribute("title", "Sign in");
        model.addAttribute("singleSignOn", singleSignOn);
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
