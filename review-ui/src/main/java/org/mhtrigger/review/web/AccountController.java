package org.mhtrigger.review.web;

import jakarta.servlet.http.HttpServletRequest;
import org.mhtrigger.review.security.AccountSessionFilter;
import org.mhtrigger.review.security.LoginThrottle;
import org.mhtrigger.review.store.Caller;
import org.mhtrigger.review.store.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's own account: who they are, and changing their password (the current one required). An account
 * holding a one-time password is sent here and can reach nothing else until it has a password of its own.
 */
@Controller
public class AccountController {
    private static final Logger LOG = LoggerFactory.getLogger(AccountController.class);

    private final Users users;
    private final CurrentCaller callers;
    private final LoginThrottle throttle;

    public AccountController(Users users, CurrentCaller callers, @Qualifier("loginThrottle") LoginThrottle throttle) {
        this.users = users;
        this.callers = callers;
        this.throttle = throttle;
    }

    @GetMapping({"/account", AccountSessionFilter.CHANGE_PASSWORD})
    public String page(Model model) {
        Users.User user = account();
        model.addAttribute("title", user.mustChangePassword() ? "Choose your password" : "Your account");
        model.addAttribute("account", user);
        return "account";
    }

    @PostMapping(AccountSessionFilter.CHANGE_PASSWORD)
    public String changePassword(
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String repeatPassword,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        Users.User user = account();
        // guessing the current password here counts like guessing it at sign-in, so a left-open session is no way
        // around the sign-in throttle
        String address = request.getRemoteAddr();
        if (throttle.locked(user.username(), address)) {
            redirect.addFlashAttribute("error", "Too many wrong passwords; try again in 15 minutes.");
            return "redirect:" + AccountSessionFilter.CHANGE_PASSWORD;
        }
        if (!newPassword.equals(repeatPassword)) {
            redirect.addFlashAttribute("error", "The new password and its repetition differ; nothing was changed.");
            return "redirect:" + AccountSessionFilter.CHANGE_PASSWORD;
        }
        long stamp;
        try {
            stamp = users.changeOwnPassword(user.username(), currentPassword, newPassword);
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith("the current password")) {
                throttle.failed(user.username(), address);
            }
            redirect.addFlashAttribute("error", capitalised(e.getMessage()) + ".");
            return "redirect:" + AccountSessionFilter.CHANGE_PASSWORD;
        }
        throttle.succeeded(user.username(), address);
        AccountSessionFilter.remember(request.getSession(), user.username(), stamp);
        LOG.info("password changed by its owner");
        redirect.addFlashAttribute("notice", "Your password is changed. Other sessions of your account have ended.");
        return user.mustChangePassword() ? "redirect:/" : "redirect:/account";
    }

    private Users.User account() {
        Caller caller = callers.get();
        return users.find(caller.username()).orElseThrow();
    }

    private static String capitalised(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
