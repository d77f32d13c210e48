package org.mhtrigger.review.web;

import org.mhtrigger.review.store.Role;
import org.mhtrigger.review.store.Users;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** User accounts (admin). */
@Controller
public class AdminController {
    private final Users users;
    private final CurrentCaller callers;

    public AdminController(Users users, CurrentCaller callers) {
        this.users = users;
        this.callers = callers;
    }

    @GetMapping("/admin/users")
    public String users(Model model) {
        model.addAttribute("title", "Users");
        model.addAttribute("users", users.all());
        model.addAttribute("roles", Role.values());
        return "users";
    }

    @PostMapping("/admin/users")
    public String create(
            @RequestParam String username,
            @RequestParam String displayName,
            @RequestParam String role,
            @RequestParam String password) {
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("display name must not be empty");
        }
        users.create(
                username.strip(),
                displayName.strip(),
                Role.parse(role),
                password,
                callers.get().username());
        return "redirect:/admin/users";
    }
}
