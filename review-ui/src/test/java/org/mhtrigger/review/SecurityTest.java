package org.mhtrigger.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mhtrigger.review.store.ReviewService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

@SpringBootTest(
        classes = ReviewApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:security;DB_CLOSE_DELAY=-1", "mhtrigger.login.max-failures=3"})
@Import(TestSettings.class)
class SecurityTest {
    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    private WebClient signedIn(String username) {
        WebClient client = new WebClient(port);
        HttpResponse<String> login = client.login(username, Fixtures.PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return client;
    }

    @Test
    void unauthenticatedRequest_isRedirectedToLogin() {
        fixtures.accounts();
        HttpResponse<String> response = new WebClient(port).get("/queue");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void unauthenticatedRecord_isRedirectedToLogin() {
        ReviewService.ReviewView review = fixtures.freshReview();
        HttpResponse<String> response = new WebClient(port).get("/reviews/" + review.id());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void adminOpeningARecord_isForbidden() {
        ReviewService.ReviewView review = fixtures.freshReview();

        assertThat(signedIn("root").get("/reviews/" + review.id()).statusCode()).isEqualTo(403);
    }

    @Test
    void reviewerOpeningAnotherReviewersRecord_isForbidden() {
        ReviewService.ReviewView review = fixtures.freshReview(); // assigned to ann

        assertThat(review.reviewer()).isEqualTo("ann");
        assertThat(signedIn("bob").get("/reviews/" + review.id()).statusCode()).isEqualTo(403);
        assertThat(signedIn("ann").get("/reviews/" + review.id()).statusCode()).isEqualTo(200);
    }

    @Test
    void reviewerOnSafetyLeadPages_isForbidden() {
        fixtures.accounts();
        WebClient ann = signedIn("ann");

        assertThat(ann.get("/periods").statusCode()).isEqualTo(403);
        assertThat(ann.get("/admin/users").statusCode()).isEqualTo(403);
    }

    @Test
    void reviewerSigning_isForbidden() {
        ReviewService.ReviewView review = fixtures.freshReview();
        WebClient ann = signedIn("ann");
        ann.get("/reviews/" + review.id());

        HttpResponse<String> response =
                ann.post("/reviews/" + review.id() + "/sign", Map.of("version", String.valueOf(review.version())));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void postWithoutCsrfToken_isForbiddenAndChangesNothing() {
        ReviewService.ReviewView review = fixtures.freshReview();
        WebClient ann = signedIn("ann");

        HttpResponse<String> response = ann.postWithoutCsrf(
                "/reviews/" + review.id() + "/events",
                Map.of(
                        "version", String.valueOf(review.version()),
                        "outcomeClass", "ADVERSE_EVENT",
                        "description", "forged",
                        "harmCategory", "F"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(ann.get("/reviews/" + review.id()).body()).doesNotContain("forged");
    }

    @Test
    void scriptAndImgPayloadsInANote_renderEscaped() {
        ReviewService.ReviewView review = fixtures.freshReview();

        String html = signedIn("ann").get("/reviews/" + review.id()).body();

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
        assertThat(html).doesNotContain("<script>alert(1)").doesNotContain("<img src=x");
        // the self-harm evidence is highlighted, as text
        assertThat(html).containsPattern("<mark id=\"ev-\\d+\" class=\"evidence\"[^>]*>Patient cut her left forearm");
    }

    @Test
    void pages_carryAContentSecurityPolicyWithoutInlineScript() {
        fixtures.accounts();
        HttpResponse<String> login = new WebClient(port).get("/login");

        String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp)
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(login.body()).doesNotContain("onclick").doesNotContainPattern("<script>[^<]");
    }

    @Test
    void repeatedWrongPasswords_lockTheAccountForThatAddressEvenForTheRightPassword() {
        fixtures.accounts();
        WebClient attacker = new WebClient(port);
        for (int i = 0; i < 3; i++) {
            assertThat(attacker.login("carl", "wrong-password-" + i)
                            .headers()
                            .firstValue("Location")
                            .orElseThrow())
                    .contains("error");
        }

        HttpResponse<String> right = attacker.login("carl", Fixtures.PASSWORD);

        assertThat(right.headers().firstValue("Location").orElseThrow()).contains("error");
        assertThat(attacker.get("/queue").statusCode()).isEqualTo(302);
    }

    @Test
    void sessionCookie_isHttpOnlyAndSameSiteStrict() {
        fixtures.accounts();
        WebClient client = new WebClient(port);
        client.get("/login");
        HttpResponse<String> login = client.post("/login", Map.of("username", "ann", "password", Fixtures.PASSWORD));

        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
    }

    @Test
    void withoutSingleSignOnConfigured_noOauth2EndpointsExist() {
        fixtures.accounts();
        WebClient client = new WebClient(port);

        assertThat(client.get("/oauth2/authorization/sso").statusCode()).isEqualTo(404);
        assertThat(client.get("/login/oauth2/code/sso?code=x&state=y").statusCode())
                .isEqualTo(404);
    }

    @Test
    void withoutSingleSignOnConfigured_theLoginPageOffersNoSingleSignOn() {
        String page = new WebClient(port).get("/login").body();

        assertThat(page)
                .contains("name=\"password\"")
                .doesNotContain("single sign-on")
                .doesNotContain("/oauth2/");
    }
}
