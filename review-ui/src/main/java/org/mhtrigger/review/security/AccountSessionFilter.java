package org.mhtrigger.review.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.mhtrigger.review.store.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps signed-in sessions in step with their account, on every request: a session ends when its account is gone or
 * disabled, or when its {@linkplain Users.User#sessionStamp() session stamp} moved on since the session began (role
 * changed, password reset or changed elsewhere); an account holding a one-time password reaches only the page that
 * replaces it. The check reads the account from the database, so it holds across restarts and across several
 * application instances. Thread-safe.
 */
public final class AccountSessionFilter extends OncePerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(AccountSessionFilter.class);

    /** The session attribute: the user name and the stamp the session began with, {@code "name stamp"}. */
    static final String STAMP = AccountSessionFilter.class.getName() + ".stamp";

    /** Where an account with a one-time password is sent. */
    public static final String CHANGE_PASSWORD = "/account/password";

    private final Users users;

    AccountSessionFilter(Users users) {
        this.users = users;
    }

    /** Lets the session the caller goes on with keep working after its account's stamp moved on (own password). */
    public static void remember(HttpSession session, String username, long stamp) {
        session.setAttribute(STAMP, username + " " + stamp);
    }

    /**
     * After a sign-in (password or single sign-on): records the account's stamp in the new session at once, so that a
     * change made before the session's next request still ends it, then goes to the start page.
     */
    static AuthenticationSuccessHandler stampingSuccessHandler(Users users) {
        SimpleUrlAuthenticationSuccessHandler start = new SimpleUrlAuthenticationSuccessHandler("/");
        start.setAlwaysUseDefaultTargetUrl(true);
        return (request, response, authentication) -> {
            users.find(authentication.getName())
                    .ifPresent(user -> remember(request.getSession(), user.username(), user.sessionStamp()));
            start.onAuthenticationSuccess(request, response, authentication);
        };
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (auth == null
                || !auth.isAuthenticated()
                || auth instanceof AnonymousAuthenticationToken
                || session == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Users.User> account = users.find(auth.getName());
        if (account.isEmpty() || !account.get().enabled()) {
            end(request, response, session, "disabled");
            return;
        }
        Users.User user = account.get();
        String current = user.username() + " " + user.sessionStamp();
        Object started = session.getAttribute(STAMP);
        // sign-in records the stamp (stampingSuccessHandler); this records it for a session that began otherwise
        if (started == null || !started.toString().startsWith(user.username() + " ")) {
            session.setAttribute(STAMP, current);
        } else if (!started.equals(current)) {
            end(request, response, session, "changed");
            return;
        }
        if (user.mustChangePassword() && !mayPassWithOneTimePassword(request)) {
            response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Style sheets, scripts and icons: public, so not worth a database read per file. */
    private static boolean isStatic(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/webjars/")
                || path.equals("/favicon.ico");
    }

    private static boolean mayPassWithOneTimePassword(HttpServletRequest request) {
        String path = path(request);
        return path.equals(CHANGE_PASSWORD) || path.equals("/logout") || path.equals("/error");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static void end(HttpServletRequest request, HttpServletResponse response, HttpSession session, String why)
            throws IOException {
        LOG.info("session ended: its account is {}", why.equals("disabled") ? "disabled or gone" : "changed");
        session.invalidate();
        SecurityContextHolder.clearContext();
        response.sendRedirect(request.getContextPath() + "/login?ended");
    }
}
