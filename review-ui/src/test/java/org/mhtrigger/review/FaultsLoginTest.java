package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Fault replay, issue #17 case 13: sign-in behind a TLS-terminating proxy on 127.0.0.1 that sends
 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto}. Failures from one address never lock the account's owner out
 * from another; a locked account answers as slowly as a wrong password; over https the session cookie is Secure and
 * responses carry HSTS. Each test uses addresses of its own (the throttle lives as long as the server).
 */
@SpringBootTest(
        classes = ReviewApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:faults-login;DB_CLOSE_DELAY=-1",
            "mhtrigger.login.max-failures=3",
            "mhtrigger.login.max-failures-per-address=6"
        })
@Import(TestSettings.class)
class FaultsLoginTest {
    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    private WebClient from(String address) {
        return new WebClient(port).header("X-Forwarded-For", address);
    }

    private static boolean signedIn(HttpResponse<String> login) {
        return login.statusCode() == 302
                && !login.headers().firstValue("Location").orElseThrow().contains("error");
    }

    @Test
    void failuresFromOneAddress_doNotLockTheOwnerOutFromAnother() {
        fixtures.accounts();
        WebClient attacker = from("203.0.113.9");
        for (int i = 0; i < 5; i++) {
            assertThat(signedIn(attacker.login("carl", "guess-" + i))).isFalse();
        }

        assertThat(signedIn(from("198.51.100.7").login("carl", Fixtures.PASSWORD)))
                .as("the owner from their own address")
                .isTrue();
        assertThat(signedIn(from("203.0.113.9").login("carl", Fixtures.PASSWORD)))
                .as("the attacker's address stays locked, even with the right password")
                .isFalse();
    }

    @Test
    void manyUserNamesTriedFromOneAddress_lockThatAddressForEveryone() {
        fixtures.accounts();
        WebClient sprayer = from("203.0.113.50");
        for (String user : List.of("lead", "bob", "doc", "root", "nobody", "admin")) {
            assertThat(signedIn(sprayer.login(user, "Spring2026!"))).isFalse();
        }

        assertThat(signedIn(from("203.0.113.50").login("ann", Fixtures.PASSWORD)))
                .isFalse();
        assertThat(signedIn(from("198.51.100.50").login("ann", Fixtures.PASSWORD)))
                .isTrue();
    }

    @Test
    void aLockedAccount_answersAsSlowlyAsAWrongPassword() {
        fixtures.accounts();
        for (int i = 0; i < 3; i++) {
            from("203.0.113.77").login("doc", "guess-" + i);
        }
        List<Long> wrong = Collections.synchronizedList(new ArrayList<>());
        List<Long> locked = new ArrayList<>();
        List<String> users = List.of("ann", "bob", "lead", "root", "ann");
        for (int i = 0; i < 5; i++) {
            // a fresh address and, behind a proxy that is not trusted, a spread of users: never locked
            WebClient guesser = from("198.51.100." + (100 + i));
            guesser.get("/login");
            wrong.add(timedLogin(guesser, users.get(i), "wrong"));
            WebClient lockedOut = from("203.0.113.77");
            lockedOut.get("/login");
            locked.add(timedLogin(lockedOut, "doc", Fixtures.PASSWORD));
        }

        long fastestWrong = Collections.min(wrong);
        long fastestLocked = Collections.min(locked);
        assertThat(fastestLocked)
                .as("fastest locked answer %d ms vs fastest wrong password %d ms", fastestLocked, fastestWrong)
                .isGreaterThanOrEqualTo(fastestWrong / 2);
    }

    private static long timedLogin(WebClient client, String user, String password) {
        long start = System.nanoTime();
        HttpResponse<String> response = client.post("/login", Map.of("username", user, "password", password));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(signedIn(response)).isFalse();
        return millis;
    }

    @Test
    void behindATlsProxy_theSessionCookieIsSecureAndResponsesCarryHsts() {
        fixtures.accounts();
        WebClient browser = from("198.51.100.20").header("X-Forwarded-Proto", "https");

        HttpResponse<String> page = browser.get("/login"); // starts the session that holds the CSRF token

        assertThat(page.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(v -> assertThat(v).contains("max-age="));
        // the client here speaks plain http to the proxy's side, so it rightly keeps a Secure cookie to itself
        assertThat(page.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("JSESSIONID=")
                        .contains("Secure")
                        .contains("HttpOnly"));
    }

    @Test
    void overPlainHttp_thereIsNoHstsHeader() {
        assertThat(new WebClient(port).get("/login").headers().firstValue("Strict-Transport-Security"))
                .isEmpty();
    }
}
