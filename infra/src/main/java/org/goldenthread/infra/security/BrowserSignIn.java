package org.goldenthread.infra.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Sign-in for browsers: a form at {@code /login} that starts a session (the cookie is first-party only, hidden from
 * scripts, and renewed at sign-in), and the pages under {@code /app}. The pages do their work through the JSON API
 * with that session; a write that rides on a session carries the session's CSRF token in {@code X-CSRF-TOKEN}
 * ({@link #SESSION_WRITE}), so another site cannot make a signed-in browser act. API clients with HTTP Basic or a
 * bearer token are unchanged: they never get or need a session.
 */
@Configuration(proxyBeanMethods = false)
public class BrowserSignIn {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** The one CSRF token of a browser's session, for the pages and the API alike. */
    static final CsrfTokenRepository TOKENS = new HttpSessionCsrfTokenRepository();

    /** A write made with a session and no credentials of its own: it must carry the session's CSRF token. */
    static final RequestMatcher SESSION_WRITE = (HttpServletRequest request) -> !SAFE.contains(request.getMethod())
            && request.getHeader("Authorization") == null
            && request.getSession(false) != null;

    @Bean
    @Order(1)
    SecurityFilterChain pages(HttpSecurity http, SignInThrottle throttle, ProblemAuthenticationHandlers problems)
            throws Exception {
        http.securityMatcher("/login", "/logout", "/app", "/app/**", "/assets/**", "/webjars/**")
                .authorizeHttpRequests(auth -> auth.requestMatchers("/login", "/assets/**", "/webjars/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/app", false)
                        .failureUrl("/login?error"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedout"))
                .csrf(csrf -> csrf.csrfTokenRepository(TOKENS))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                        .sessionFixation(f -> f.changeSessionId()))
                .requestCache(cache -> cache.disable())
                .headers(h -> h.contentSecurityPolicy(
                                csp -> csp.policyDirectives(SecurityConfiguration.CONTENT_SECURITY_POLICY))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e.accessDeniedHandler(problems));
        return http.build();
    }
}
