package org.mhtrigger.review.security;

import org.mhtrigger.review.store.Users;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.server.Cookie;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * Optional OIDC single sign-on: active only when {@code mhtrigger.oidc.issuer} (environment
 * {@code MHTRIGGER_OIDC_ISSUER}) is set. The provider's endpoints and keys come from its
 * {@code /.well-known/openid-configuration}, read on start (the application does not start when the provider cannot
 * be reached). Without the issuer none of these beans exist, {@link SecurityConfig} adds no OAuth2 login and the
 * {@code /oauth2/} endpoints do not exist.
 */
@Configuration
@ConditionalOnExpression("!'${mhtrigger.oidc.issuer:}'.isBlank()")
class SingleSignOnConfig {
    /** The registration id: the login link is {@code /oauth2/authorization/sso}, the redirect URI ends in it. */
    static final String REGISTRATION = "sso";

    @Bean
    ClientRegistrationRepository clientRegistrationRepository(
            @Value("${mhtrigger.oidc.issuer}") String issuer,
            @Value("${mhtrigger.oidc.client-id:}") String clientId,
            @Value("${mhtrigger.oidc.client-secret:}") String clientSecret,
            @Value("${mhtrigger.oidc.scopes:openid,profile}") String[] scopes) {
        if (clientId.isBlank()) {
            throw new IllegalStateException(
                    "single sign-on: mhtrigger.oidc.issuer is set, so mhtrigger.oidc.client-id (MHTRIGGER_OIDC_CLIENT_ID)"
                            + " must be set too");
        }
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(issuer.strip())
                .registrationId(REGISTRATION)
                .clientName("single sign-on")
                .clientId(clientId)
                .clientSecret(clientSecret)
                .scope(scopes)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    @Bean
    SingleSignOnAccounts singleSignOnAccounts(
            Users users, @Value("${mhtrigger.oidc.roles-claim:roles}") String rolesClaim) {
        return new SingleSignOnAccounts(users, rolesClaim);
    }

    /**
     * Exchanges the code for tokens over the JDK's HTTP client. Spring's default would pick Apache HttpClient 5 from
     * the classpath, where HAPI's older 5.1 lacks what Spring's adapter calls.
     */
    @Bean
    RestClientAuthorizationCodeTokenResponseClient singleSignOnTokenClient() {
        RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
        client.setRestClient(RestClient.builder()
                .requestFactory(new JdkClientHttpRequestFactory())
                .configureMessageConverters(converters -> converters
                        .addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        return client;
    }

    /**
     * The provider sends the browser back with a top-level cross-site GET, which a SameSite=Strict session cookie
     * would not accompany, so the sign-in state kept in the session would be lost: Lax while single sign-on is on.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> laxSessionCookieForSingleSignOn() {
        return factory -> factory.getSettings().getSession().getCookie().setSameSite(Cookie.SameSite.LAX);
    }
}
