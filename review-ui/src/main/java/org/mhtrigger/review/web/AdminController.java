package org.mhtrigger.review.web;

import org.mhtrigger.review.record.LocalTimes;
import org.mhtrigger.review.store.Role;
import org.mhtrigger.review.store.Users;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * User accounts (admin): create, disable or enable, change role, reset a password to a one-time password. Each change
 * is audited by {@link Users}; a refused change comes back to the page with its reason, never to a dead end.
 */
@Controller
public class AdminController {
    private final Users users;
    private final CurrentCaller callers;
    private final LocalTimes times;

    public AdminController(Users users, CurrentCaller callers, LocalTimes times) {
        this.users = users;
        this.callers = callers;
        this.times = times;
    }

    @GetMapping("/admin/users")
    public String users(Model model) {
        model.addAttribute("title", "Users");
        model.addAttribute("users", users.all());
        model.addAttribute("roles", Role.values());
        model.addAttribute("self", callers.get().username());
        model.addAttribute("now", users.now());
        model.addAttribute("times", times);
        return "users";
    }

    @PostMapping("/admin/users")
    public String create(
            @RequestParam String username,
            @RequestParam String displayName,
            @RequestParam String role,
            @RequestParam String password,
            RedirectAttributes redirect) {
        return change(redirect, "Account " + username.strip() + " created.", () -> {
            if (displayName == null || displayName.isBlank()) {
                throw new IllegalArgumentException("display name must not be empty");
            }
            users.create(username.strip(), displayName.strip(), Role.parse(role), password, admin());
        });
    }

    @PostMapping("/admin/users/{username}/enabled")
    public String enabled(@PathVariable String username, @RequestParam boolean enabled, RedirectAttributes redirect) {
        String done = enabled
                ? "Account " + username + " enabled."
                : "Account " + username + " disabled; its sessions have ended.";
        return change(redirect, done, () -> users.setEnabled(username, enabled, admin()));
    }

    @PostMapping("/admin/users/{username}/role")
    public String role(@PathVariable String username, @RequestParam String role, RedirectAttributes redirect) {
        return change(
                redirect,
                "Role of " + username + " changed; it applies from their next sign-in.",
                () -> users.changeRole(username, Role.parse(role), admin()));
    }

    @PostMapping("/admin/users/{username}/password")
    public String resetPassword(@PathVariable String username, RedirectAttributes redirect) {
        try {
            String oneTime = users.resetPassword(username, admin());
            // a flash attribute lives in the session for exactly one request: the page shows it once, then it is gone
            redirect.addFlashAttribute("oneTimeUser", username);
            redirect.addFlashAttribute("oneTimePassword", oneTime);
            redirect.addFlashAttribute(
                    "oneTimeExpires", users.find(username).orElseThrow().oneTimeExpires());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users";
    }

    private String admin() {
        return callers.get().username();
    }

    private static String change(RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", done);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users";
    }
}
