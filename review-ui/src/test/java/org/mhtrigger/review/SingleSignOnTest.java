package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mhtrigger.review.store.Role;
import org.mhtrigger.review.store.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** OIDC single sign-on against a real (tiny) provider on 127.0.0.1, followed hop by hop like a browser. */
@SpringBootTest(
        classes = ReviewApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:sso;DB_CLOSE_DELAY=-1",
            "mhtrigger.oidc.client-id=mhtrigger-review",
            "mhtrigger.oidc.client-secret=test-secret-1234"
        })
@Import(TestSettings.class)
class SingleSignOnTest {
    private static final TestOidcProvider PROVIDER = TestOidcProvider.start("mhtrigger-review", "test-secret-1234");
    private static final Pattern SSO_LINK = Pattern.compile("<a href=\"([^\"]*)\">Sign in with single sign-on</a>");

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("mhtrigger.oidc.issuer", PROVIDER::issuer);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    Fixtures fixtures;

    /** A browser: cookie jar, redirects followed one hop at a time (across both servers), every hop kept. */
    private final class Browser {
        final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        final List<String> visited = new ArrayList<>();

        HttpResponse<String> open(String url) {
            URI uri = URI.create(url);
            for (int hop = 0; hop < 10; hop++) {
                visited.add(uri.toString());
                HttpResponse<String> response = send(uri);
                if (response.statusCode() / 100 != 3) {
                    return response;
                }
                uri = uri.resolve(response.headers().firstValue("Location").orElseThrow());
            }
            throw new AssertionError("too many redirects: " + visited);
        }

        HttpResponse<String> send(URI uri) {
            try {
                return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Opens the login page and follows its single sign-on link to the end. */
        HttpResponse<String> signInWithSingleSignOn() {
            HttpResponse<String> login = open(app("/login"));
            Matcher link = SSO_LINK.matcher(login.body());
            assertThat(link.find()).as("single sign-on link on the login page").isTrue();
            return open(app(link.group(1)));
        }
    }

    private String app(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void providerUserWithPhysicianRole_endsSignedInAsAnExternalPhysician() {
        PROVIDER.nextUser(Map.of(
                "sub", "f3a9-dana",
                "preferred_username", "dana.sso",
                "name", "Dr Dana Provider",
                "roles", List.of("physician", "some-other-app-role")));
        Browser browser = new Browser();

        HttpResponse<String> end = browser.signInWithSingleSignOn();

        assertThat(browser.visited)
                .anySatisfy(url -> assertThat(url)
                        .startsWith(PROVIDER.issuer() + "/authorize?")
                        .contains("state=")
                        .contains("nonce=")
                        .contains("code_challenge=")
                        .contains("code_challenge_method=S256"));
        assertThat(browser.visited).anySatisfy(url -> assertThat(url).contains("/login/oauth2/code/sso?code="));
        assertThat(end.statusCode()).isEqualTo(200);
        assertThat(end.uri().getPath()).isEqualTo("/queue");
        assertThat(end.body()).contains("Dr Dana Provider (physician)");
        Users.User account = users.find("sso:dana.sso").orElseThrow();
        assertThat(account.external()).isTrue();
        assertThat(account.role()).isEqualTo(Role.PHYSICIAN);
        // the physician's pages, and not the safety lead's
        assertThat(browser.open(app("/periods")).statusCode()).isEqualTo(403);
    }

    @Test
    void providerUserWithoutAKnownRole_isRefused() {
        PROVIDER.nextUser(Map.of("sub", "77-nurse", "preferred_username", "nora", "roles", List.of("nurse")));
        Browser browser = new Browser();

        HttpResponse<String> end = browser.signInWithSingleSignOn();

        assertThat(end.uri().getPath()).isEqualTo("/login");
        assertThat(end.uri().getQuery()).isEqualTo("error=sso");
        assertThat(end.body()).contains("Single sign-on failed");
        assertThat(users.find("sso:nora")).isEmpty();
        HttpResponse<String> queue = browser.send(URI.create(app("/queue")));
        assertThat(queue.statusCode()).isEqualTo(302);
        assertThat(queue.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void providerUserWithTwoReviewRoles_isRefused() {
        PROVIDER.nextUser(Map.of("sub", "88-two", "preferred_username", "tess", "roles", "reviewer admin"));

        HttpResponse<String> end = new Browser().signInWithSingleSignOn();

        assertThat(end.uri().getQuery()).isEqualTo("error=sso");
        assertThat(users.find("sso:tess")).isEmpty();
    }

    @Test
    void providerUserNamedAdmin_neverBecomesTheLocalAdmin() {
        if (users.find("admin").isEmpty()) {
            users.create("admin", "Local Admin", Role.ADMIN, Fixtures.PASSWORD, "test");
        }
        PROVIDER.nextUser(Map.of("sub", "evil-1", "preferred_username", "admin", "roles", List.of("reviewer")));
        Browser browser = new Browser();

        HttpResponse<String> end = browser.signInWithSingleSignOn();

        assertThat(end.uri().getPath()).isEqualTo("/queue");
        assertThat(end.body()).contains("(reviewer)");
        assertThat(browser.open(app("/admin/users")).statusCode()).isEqualTo(403);
        Users.User local = users.find("admin").orElseThrow();
        assertThat(local.external()).isFalse();
        assertThat(local.role()).isEqualTo(Role.ADMIN);
        assertThat(users.find("sso:admin").orElseThrow().external()).isTrue();
        // the admin's list tells the two apart
        fixtures.accounts();
        WebClient root = new WebClient(port);
        root.login("root", Fixtures.PASSWORD);
        assertThat(root.get("/admin/users").body())
                .containsPattern("<td>sso:admin</td>(?:(?!</tr>).)*single sign-on \\(external\\)")
                .containsPattern("<td>admin</td>(?:(?!</tr>).)*<td>password</td>");
        // and the external account cannot be used with a password
        WebClient form = new WebClient(port);
        assertThat(form.login("sso:admin", "(single sign-on)")
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .contains("error");
        // the local admin still signs in with the password
        assertThat(new WebClient(port)
                        .login("admin", Fixtures.PASSWORD)
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .doesNotContain("error");
    }

    @Test
    void roleChangedAtTheProvider_appliesOnTheNextSignIn() {
        PROVIDER.nextUser(Map.of("sub", "55-rex", "preferred_username", "rex", "roles", List.of("reviewer")));
        new Browser().signInWithSingleSignOn();
        assertThat(users.find("sso:rex").orElseThrow().role()).isEqualTo(Role.REVIEWER);

        PROVIDER.nextUser(Map.of("sub", "55-rex", "preferred_username", "rex", "roles", "safety-lead"));
        HttpResponse<String> end = new Browser().signInWithSingleSignOn();

        assertThat(end.uri().getPath()).isEqualTo("/periods");
        assertThat(users.find("sso:rex").orElseThrow().role()).isEqualTo(Role.SAFETY_LEAD);
    }

    @Test
    void withSingleSignOn_theSessionCookieIsSameSiteLax_andFormLoginStillWorks() {
        fixtures.accounts();
        WebClient client = new WebClient(port);

        HttpResponse<String> login = client.login("ann", Fixtures.PASSWORD);

        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(client.get("/queue").statusCode()).isEqualTo(200);
    }
}
