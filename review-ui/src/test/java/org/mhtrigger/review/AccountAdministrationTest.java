package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhtrigger.review.record.LocalTimes;
import org.mhtrigger.review.store.AuditTrail;
import org.mhtrigger.review.store.Role;
import org.mhtrigger.review.store.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Account administration over HTTP on a real server: disable and enable, role change, one-time password reset, the
 * owner's own password change, the sessions each of them ends, and the audit rows they leave. Each test works on
 * accounts of its own.
 */
@SpringBootTest(
        classes = ReviewApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:accounts;DB_CLOSE_DELAY=-1")
@Import(TestSettings.class)
class AccountAdministrationTest {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Pattern ONE_TIME = Pattern.compile("id=\"one-time-password\"[^>]*>([a-z0-9-]+)<");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Users users;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LocalTimes times;

    private String newReviewer() {
        fixtures.accounts();
        String name = "acct" + NEXT.incrementAndGet();
        users.create(name, "Account Test " + name, Role.REVIEWER, Fixtures.PASSWORD, "test");
        return name;
    }

    private WebClient signedIn(String username, String password) {
        WebClient client = new WebClient(port);
        HttpResponse<String> login = client.login(username, password);
        assertThat(login.headers().firstValue("Location").orElseThrow())
                .as("sign-in of " + username)
                .doesNotContain("error");
        return client;
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", "");
    }

    private WebClient admin() {
        WebClient admin = signedIn("root", Fixtures.PASSWORD);
        admin.get("/admin/users");
        return admin;
    }

    @Test
    void disabledAccount_losesItsOpenSessionAndCannotSignIn_untilEnabledAgain() {
        String name = newReviewer();
        WebClient user = signedIn(name, Fixtures.PASSWORD);
        assertThat(user.get("/queue").statusCode()).isEqualTo(200);

        HttpResponse<String> disable = admin().post("/admin/users/" + name + "/enabled", Map.of("enabled", "false"));

        assertThat(location(disable)).isEqualTo("/admin/users");
        HttpResponse<String> next = user.get("/queue");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(location(next)).isEqualTo("/login?ended");
        assertThat(user.get("/queue").statusCode())
                .as("the session is gone, not only refused once")
                .isEqualTo(302);
        HttpResponse<String> again = new WebClient(port).login(name, Fixtures.PASSWORD);
        assertThat(location(again)).isEqualTo("/login?error=disabled");
        assertThat(new WebClient(port).get("/login?error=disabled").body()).contains("This account is disabled");
        // a wrong password does not learn that the account is disabled
        assertThat(location(new WebClient(port).login(name, "wrong-password-1234")))
                .isEqualTo("/login?error");

        admin().post("/admin/users/" + name + "/enabled", Map.of("enabled", "true"));
        assertThat(signedIn(name, Fixtures.PASSWORD).get("/queue").statusCode()).isEqualTo(200);
        assertThat(audit.latest(20))
                .anySatisfy(e -> assertThat(e.field() + " " + e.oldValue() + " " + e.newValue() + " " + e.actor())
                        .isEqualTo("enabled true false root"))
                .anySatisfy(e -> assertThat(e.field() + " " + e.oldValue() + " " + e.newValue() + " " + e.actor())
                        .isEqualTo("enabled false true root"));
    }

    @Test
    void resetPassword_showsAOneTimePasswordOnce_whichMustBeReplacedAtSignIn() {
        String name = newReviewer();
        WebClient old = signedIn(name, Fixtures.PASSWORD);
        WebClient admin = admin();

        HttpResponse<String> reset = admin.post("/admin/users/" + name + "/password", Map.of());
        String page = admin.get(location(reset)).body();
        Matcher shown = ONE_TIME.matcher(page);
        assertThat(shown.find()).as("the page shows the one-time password").isTrue();
        String oneTime = shown.group(1);
        assertThat(admin.get("/admin/users").body()).as("shown once").doesNotContain(oneTime);
        assertThat(location(old.get("/queue"))).as("the old session ended").isEqualTo("/login?ended");
        assertThat(location(new WebClient(port).login(name, Fixtures.PASSWORD)))
                .as("the old password no longer works")
                .isEqualTo("/login?error");

        // the one-time password signs in, but every page leads to the change form
        WebClient user = signedIn(name, oneTime);
        assertThat(location(user.get("/queue"))).isEqualTo("/account/password");
        assertThat(user.get("/account/password").body()).contains("id=\"must-change\"");
        HttpResponse<String> weak = user.post(
                "/account/password",
                Map.of("currentPassword", oneTime, "newPassword", "short", "repeatPassword", "short"));
        assertThat(location(weak)).isEqualTo("/account/password");
        assertThat(user.get("/account/password").body()).contains("at least 12 characters");
        assertThat(location(user.get("/queue"))).isEqualTo("/account/password");

        String chosen = "plum-kettle-orbit-meadow";
        HttpResponse<String> changed = user.post(
                "/account/password",
                Map.of("currentPassword", oneTime, "newPassword", chosen, "repeatPassword", chosen));
        assertThat(location(changed)).isEqualTo("/");
        assertThat(user.get("/queue").statusCode()).as("the session goes on").isEqualTo(200);
        assertThat(users.find(name).orElseThrow().mustChangePassword()).isFalse();
        assertThat(location(new WebClient(port).login(name, oneTime))).isEqualTo("/login?error");
        signedIn(name, chosen);
        assertThat(audit.latest(20))
                .noneSatisfy(e -> assertThat(String.valueOf(e.newValue())).contains(oneTime))
                .anySatisfy(e -> assertThat(e.actor() + " " + e.newValue())
                        .startsWith("root (reset to a one-time password, good until "))
                .anySatisfy(
                        e -> assertThat(e.actor() + " " + e.newValue()).isEqualTo(name + " (changed by its owner)"));
    }

    @Test
    void oneTimePassword_worksForThreeDays_thenIsRefusedWithItsReason_untilResetAgain() {
        String name = newReviewer();
        WebClient admin = admin();
        Instant before = Instant.now();

        String page = admin.get(location(admin.post("/admin/users/" + name + "/password", Map.of())))
                .body();
        Matcher shown = ONE_TIME.matcher(page);
        assertThat(shown.find()).isTrue();
        String oneTime = shown.group(1);
        Instant expires = users.find(name).orElseThrow().oneTimeExpires();
        assertThat(expires)
                .isBetween(before.plus(Duration.ofHours(72)), Instant.now().plus(Duration.ofHours(72)));
        assertThat(page).contains("id=\"one-time-expires\">" + times.format(expires) + "</strong>");
        assertThat(admin.get("/admin/users").body())
                .contains("one-time password, not yet changed, works until " + times.format(expires));

        // three days later (the stored expiry moved into the past): refused, and the page says why
        jdbc.sql("UPDATE app_user SET one_time_expires_at = ? WHERE username = ?")
                .params(java.sql.Timestamp.from(Instant.now().minusSeconds(1)), name)
                .update();
        assertThat(location(new WebClient(port).login(name, oneTime))).isEqualTo("/login?error=expired");
        assertThat(new WebClient(port).get("/login?error=expired").body())
                .contains("This one-time password has expired. Ask an administrator to reset your password again.");
        assertThat(location(new WebClient(port).login(name, "wrong-password-1234")))
                .as("a wrong password learns nothing about the expiry")
                .isEqualTo("/login?error");
        assertThat(admin.get("/admin/users").body()).contains("one-time password expired: reset it again");

        // a new reset gives a fresh password that works
        Matcher again = ONE_TIME.matcher(admin.get(location(admin.post("/admin/users/" + name + "/password", Map.of())))
                .body());
        assertThat(again.find()).isTrue();
        WebClient user = signedIn(name, again.group(1));
        assertThat(location(user.get("/queue"))).isEqualTo("/account/password");
    }

    @Test
    void ownPasswordChange_needsTheCurrentPassword_andEndsTheOwnersOtherSessions() {
        String name = newReviewer();
        WebClient phone = signedIn(name, Fixtures.PASSWORD);
        WebClient desk = signedIn(name, Fixtures.PASSWORD);
        desk.get("/account");
        String chosen = "granite-lantern-fjord-77";

        HttpResponse<String> wrong = desk.post(
                "/account/password",
                Map.of("currentPassword", "not-my-password-x", "newPassword", chosen, "repeatPassword", chosen));
        assertThat(location(wrong)).isEqualTo("/account/password");
        assertThat(desk.get("/account/password").body()).contains("current password is not right");
        HttpResponse<String> withName = desk.post(
                "/account/password",
                Map.of(
                        "currentPassword",
                        Fixtures.PASSWORD,
                        "newPassword",
                        "my-" + name + "-password",
                        "repeatPassword",
                        "my-" + name + "-password"));
        assertThat(location(withName)).isEqualTo("/account/password");
        assertThat(desk.get("/account/password").body()).contains("must not contain the user name");
        assertThat(phone.get("/queue").statusCode()).as("nothing changed yet").isEqualTo(200);

        HttpResponse<String> ok = desk.post(
                "/account/password",
                Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", chosen, "repeatPassword", chosen));

        assertThat(location(ok)).isEqualTo("/account");
        assertThat(desk.get("/account").body()).contains("Your password is changed");
        assertThat(desk.get("/queue").statusCode()).isEqualTo(200);
        assertThat(location(phone.get("/queue"))).isEqualTo("/login?ended");
        signedIn(name, chosen);
    }

    @Test
    void roleChange_endsTheSessions_andTheNewRoleAppliesAtTheNextSignIn() {
        String name = newReviewer();
        WebClient user = signedIn(name, Fixtures.PASSWORD);
        assertThat(user.get("/periods").statusCode()).isEqualTo(403);

        admin().post("/admin/users/" + name + "/role", Map.of("role", "safety-lead"));

        assertThat(location(user.get("/queue"))).isEqualTo("/login?ended");
        assertThat(signedIn(name, Fixtures.PASSWORD).get("/periods").statusCode())
                .isEqualTo(200);
        assertThat(audit.latest(10))
                .anySatisfy(e -> assertThat(e.field() + " " + e.oldValue() + " " + e.newValue())
                        .isEqualTo("role reviewer safety-lead"));
    }

    @Test
    void adminCannotDisableOrDemoteThemselves_andIsToldWhyOnThePage() {
        WebClient admin = admin();

        HttpResponse<String> disable = admin.post("/admin/users/root/enabled", Map.of("enabled", "false"));
        assertThat(location(disable)).isEqualTo("/admin/users");
        assertThat(admin.get("/admin/users").body()).contains("you cannot disable your own account");
        admin.post("/admin/users/root/role", Map.of("role", "reviewer"));
        assertThat(admin.get("/admin/users").body()).contains("you cannot change your own role");
        assertThat(users.find("root").orElseThrow().enabled()).isTrue();
        assertThat(users.find("root").orElseThrow().role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void singleSignOnAccount_hasNoPasswordToReset_butCanBeDisabled() {
        fixtures.accounts();
        Users.User sso = users.signInExternal(
                "https://idp.example.org s-" + NEXT.incrementAndGet(), "erin", null, Role.REVIEWER);
        assertThatThrownBy(() -> users.resetPassword(sso.username(), "root"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("single sign-on");
        WebClient admin = admin();
        assertThat(admin.get("/admin/users").body()).contains("there is no password here to reset");

        admin.post("/admin/users/" + sso.username() + "/password", Map.of());
        assertThat(admin.get("/admin/users").body()).contains("signs in through single sign-on");
        admin.post("/admin/users/" + sso.username() + "/enabled", Map.of("enabled", "false"));
        assertThat(users.find(sso.username()).orElseThrow().enabled()).isFalse();
        assertThatThrownBy(() ->
                        users.signInExternal("https://idp.example.org s-" + NEXT.get(), "erin", null, Role.REVIEWER))
                .hasMessageContaining("disabled");
    }

    @Test
    void nonAdmins_cannotChangeAccounts() {
        String name = newReviewer();
        WebClient user = signedIn(name, Fixtures.PASSWORD);
        user.get("/account");

        assertThat(user.post("/admin/users/ann/password", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(user.post("/admin/users/ann/enabled", Map.of("enabled", "false"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(users.find("ann").orElseThrow().enabled()).isTrue();
    }

    @Test
    void multipartBody_fromAnyoneButASafetyLead_isRefusedBeforeItIsRead(@TempDir Path temp) throws Exception {
        fixtures.accounts();
        Path file = Files.writeString(temp.resolve("x.json"), "{}");
        WebClient anonymous = new WebClient(port);
        anonymous.get("/login");
        assertThat(anonymous.postFiles("/import/upload", Map.of("x.json", file)).statusCode())
                .isEqualTo(403);
        WebClient reviewer = signedIn("ann", Fixtures.PASSWORD);
        reviewer.get("/account");
        assertThat(reviewer.postFiles("/account/password", Map.of("x.json", file))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void passwordPolicy_namesWhatIsWrong() {
        assertThatThrownBy(() -> Users.checkPassword("ann", "short"))
                .hasMessage("password must be at least 12 characters");
        assertThatThrownBy(() -> Users.checkPassword("mallory", "I-am-MALLORY-2025"))
                .hasMessage("password must not contain the user name");
        assertThatThrownBy(() -> Users.checkPassword("ann", "x".repeat(73)))
                .hasMessage("password must be at most 72 bytes");
        assertThatThrownBy(() -> Users.checkPassword("ann", " ".repeat(14)))
                .hasMessage("password must not be only spaces");
        Users.checkPassword("ann", Fixtures.PASSWORD);
    }
}
