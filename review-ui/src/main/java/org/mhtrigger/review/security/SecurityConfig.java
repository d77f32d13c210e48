package org.mhtrigger.review.security;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.mhtrigger.review.store.Role;
import org.mhtrigger.review.store.Users;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/** Form login, optional OIDC single sign-on ({@link SingleSignOnConfig}), roles per URL, CSRF, headers, throttling. */
@Configuration
@EnableWebSecurity
public class SecurityConfig {
    /** No inline script or style, nothing from other origins, no framing. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today, tagged {bcrypt}; the delegating encoder still reads hashes of any id it knows
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    LoginThrottle loginThrottle(
            @Value("${mhtrigger.login.max-failures:5}") int maxFailures,
            @Value("${mhtrigger.login.lockout-minutes:15}") long lockoutMinutes) {
        return new LoginThrottle(
                maxFailures, Duration.ofMinutes(15), Duration.ofMinutes(lockoutMinutes), Clock.systemUTC());
    }

    /** Failures from one address over all user names: many names tried from one place is password spraying. */
    @Bean
    LoginThrottle addressThrottle(
            @Value("${mhtrigger.login.max-failures-per-address:20}") int maxFailures,
            @Value("${mhtrigger.login.lockout-minutes:15}") long lockoutMinutes) {
        return new LoginThrottle(
                maxFailures, Duration.ofMinutes(15), Duration.ofMinutes(lockoutMinutes), Clock.systemUTC());
    }

    @Bean
    UserDetailsService userDetailsService(Users users) {
        // accounts of the single sign-on provider never sign in with a password; a one-time password past its time
        // is refused (after the password matched, as a disabled account is) and the sign-in page says so
        return username -> users.credentials(username)
                .filter(c -> !c.user().external())
                .map(c -> User.withUsername(c.user().username())
                        .password(c.passwordHash())
                        .disabled(!c.user().enabled())
                        .credentialsExpired(c.user().oneTimeExpired(users.now()))
                        .authorities(List.of(
                                new SimpleGrantedAuthority(c.user().role().authority())))
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            Users users,
            UserDetailsService userDetails,
            PasswordEncoder encoder,
            @Qualifier("loginThrottle") LoginThrottle throttle,
            @Qualifier("addressThrottle") LoginThrottle addressThrottle,
            ObjectProvider<ClientRegistrationRepository> singleSignOn,
            ObjectProvider<SingleSignOnAccounts> singleSignOnAccounts,
            ObjectProvider<RestClientAuthorizationCodeTokenResponseClient> singleSignOnTokens)
            throws Exception {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(userDetails);
        dao.setPasswordEncoder(encoder);
        // a disabled account is told so only after its password matched: checked before, it would answer at once
        // (no hashing) and tell anyone which accounts exist and are disabled
        dao.setPreAuthenticationChecks(user -> {});
        dao.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        // no parent manager: Spring would otherwise build one from the UserDetailsService and, after a wrong password,
        // check it a second time there, doubling the work of a failure and making a locked account (refused by the
        // throttle without falling through) answer faster than a wrong password
        http.getSharedObject(AuthenticationManagerBuilder.class).parentAuthenticationManager(null);
        http.authenticationProvider(new ThrottledAuthenticationProvider(dao, throttle, addressThrottle))
                .authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
                        .permitAll()
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico")
                        .permitAll()
                        // handled by the OAuth2 login filters when single sign-on is configured; 404 otherwise
                        .requestMatchers("/oauth2/**", "/login/oauth2/**")
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers("/periods/**", "/import/**", "/import")
                        .hasRole(Role.SAFETY_LEAD.name())
                        .requestMatchers("/reviews/*/sign")
                        .hasRole(Role.PHYSICIAN.name())
                        .requestMatchers("/queue", "/reviews/**")
                        .hasAnyRole(Role.REVIEWER.name(), Role.PHYSICIAN.name(), Role.SAFETY_LEAD.name())
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(AccountSessionFilter.stampingSuccessHandler(users))
                        .failureHandler(loginFailures())
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(
                                permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")));
        ClientRegistrationRepository registrations = singleSignOn.getIfAvailable();
        if (registrations != null) {
            http.oauth2Login(oidc -> oidc.clientRegistrationRepository(registrations)
                    .loginPage("/login")
                    .tokenEndpoint(token -> token.accessTokenResponseClient(singleSignOnTokens.getObject()))
                    .userInfoEndpoint(info -> info.oidcUserService(singleSignOnAccounts.getObject()))
                    .successHandler(AccountSessionFilter.stampingSuccessHandler(users))
                    .failureUrl("/login?error=sso"));
        }
        // both before the CSRF check, which reads the body: first the account's state, then who may send files
        http.addFilterBefore(new AccountSessionFilter(users), CsrfFilter.class);
        http.addFilterBefore(new UploadGuard(), CsrfFilter.class);
        return http.build();
    }

    /** A disabled account (right password) is told so; every other failure gets the one generic message. */
    private static AuthenticationFailureHandler loginFailures() {
        ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl("/login?error");
        failures.setExceptionMappings(Map.of(
                DisabledException.class.getName(),
                "/login?error=disabled",
                CredentialsExpiredException.class.getName(),
                "/login?error=expired"));
        return failures;
    }
}
