package org.goldenthread.infra.security;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who is signed in, and the doors around the API. Users come from configuration (HTTP Basic; none by default, the
 * demo users only with {@code --demo}) or from an OAuth2 issuer (bearer JWTs; then HTTP Basic is off unless
 * enabled). What a signed-in user may do in a programme is decided per endpoint by {@link ProgrammeAccess} from their
 * membership; this chain only makes sure they are signed in, keeps operations to admins, and sets the browser-safety
 * headers. The API never starts a session: HTTP Basic and bearer clients carry their credentials on every request.
 * A browser signed in at {@code /login} ({@link BrowserSignIn}) uses its session cookie, and a write on a session
 * must carry the session's CSRF token; cached Basic credentials ridden by another site are refused by
 * {@link CrossSiteWrites}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** The policy of every answer: nothing from elsewhere, never framed. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                    + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
                    + "frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The configured users (and, with {@code --demo}, the demo users). A configured user whose plain password equals
     * their name or is shorter than 12 characters stops the start: the service never runs with a guessable door.
     * A password with an encoder prefix ({@code {bcrypt}…}) is checked by that encoder; a plain one is compared as it
     * stands (it is in the configuration in plain text already; hashing it would protect nothing and costs ~80 ms of
     * BCrypt per request).
     */
    @Bean
    UserDetailsService users(SecurityProperties properties, @Value("${goldenthread.demo:false}") boolean demo) {
        List<SecurityProperties.User> all = new ArrayList<>();
        List<String> weak = new ArrayList<>();
        for (SecurityProperties.User u : properties.users()) {
            if (u.name() == null
                    || u.name().isBlank()
                    || u.password() == null
                    || u.role() == null
                    || !Roles.PRECEDENCE.contains(u.role().toUpperCase(Locale.ROOT))) {
                throw new IllegalStateException(
                        "goldenthread.security.users: every user needs a name, a password and a role, one of "
                                + Roles.PRECEDENCE + " (got " + u.name() + ", role " + u.role() + ")");
            }
            if (weak(u)) {
                weak.add(u.name());
            }
            all.add(u);
        }
        if (!weak.isEmpty()) {
            throw new IllegalStateException(
                    "Refusing to start: the configured user(s) " + weak + " have a plain password equal to "
                            + "the user name or shorter than 12 characters. Give each a hashed password "
                            + "(goldenthread.security.users[n].password="
                            + "{bcrypt}$2a$…, e.g. from `htpasswd -bnBC 12 '' secret | tr -d ':\\n'`), or a "
                            + "plain one of 12 or more characters "
                            + "that is not the name, or sign users in through an OAuth2 issuer "
                            + "(spring.security.oauth2.resourceserver.jwt.issuer-uri) — see the README, Security");
        }
        if (demo) {
            log.warn(
                    "DEMO MODE: the demo users (password = user name: {}) can sign in. Never use --demo "
                            + "with real people's words.",
                    SecurityProperties.DEMO_USERS.stream()
                            .map(SecurityProperties.User::name)
                            .toList());
            java.util.Set<String> configured = new java.util.HashSet<>(
                    all.stream().map(SecurityProperties.User::name).toList());
            SecurityProperties.DEMO_USERS.stream()
                    .filter(u -> !configured.contains(u.name()))
                    .forEach(all::add);
        }
        List<UserDetails> details = all.stream()
                .map(u -> {
                    List<GrantedAuthority> authorities = new ArrayList<>();
                    authorities.add(
                            new SimpleGrantedAuthority("ROLE_" + u.role().toUpperCase(Locale.ROOT)));
                    if (u.organisation() != null && !u.organisation().isBlank()) {
                        authorities.add(new SimpleGrantedAuthority(
                                Identity.ORGANISATION + u.organisation().strip()));
                    }
                    return User.withUsername(u.name())
                            .password(u.password().startsWith("{") ? u.password() : "{noop}" + u.password())
                            .authorities(authorities)
                            .build();
                })
                .toList();
        // only the lookup: an InMemoryUserDetailsManager is also a UserDetailsPasswordService, and Spring would
        // then "upgrade" every {noop} password to BCrypt after its first sign-in (measured: +80 ms a request)
        UserDetailsService lookup = new InMemoryUserDetailsManager(details)::loadUserByUsername;
        return lookup;
    }

    static boolean weak(SecurityProperties.User u) {
        String password = u.password();
        boolean plain = !password.startsWith("{") || password.startsWith("{noop}");
        String clear = password.startsWith("{noop}") ? password.substring("{noop}".length()) : password;
        return plain && (clear.length() < 12 || clear.equalsIgnoreCase(u.name().strip()));
    }

    @Bean
    SignInThrottle signInThrottle(SecurityProperties properties, MeterRegistry meters) {
        return new SignInThrottle(properties.signIn(), meters);
    }

    @Bean
    SecurityFilterChain api(
            HttpSecurity http,
            ObjectProvider<JwtDecoder> jwtDecoder,
            SecurityProperties properties,
            ProblemAuthenticationHandlers problems,
            SignInThrottle throttle,
            @Value("${goldenthread.demo:false}") boolean demo)
            throws Exception {
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        boolean basic = properties.httpBasic() != null ? properties.httpBasic() : decoder == null;
        boolean publicDocs = properties.publicApiDocs() != null ? properties.publicApiDocs() : demo;
        // the API never starts a session; a browser signed in at /login uses its session, and a write on a session
        // carries the session's CSRF token (BrowserSignIn); Basic and bearer clients have no cookie to forge with
        http.csrf(csrf -> csrf.csrfTokenRepository(BrowserSignIn.TOKENS)
                        .requireCsrfProtectionMatcher(BrowserSignIn.SESSION_WRITE))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(
                                    "/actuator/health",
                                    "/actuator/health/liveness",
                                    "/actuator/health/readiness",
                                    "/error")
                            .permitAll();
                    if (publicDocs) {
                        auth.requestMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll();
                    } else {
                        auth.requestMatchers("/v3/api-docs", "/v3/api-docs/**").authenticated();
                    }
                    auth.requestMatchers(HttpMethod.GET, "/api/admin/**")
                            .hasAnyRole(Roles.ADMIN, Roles.AUDITOR)
                            .requestMatchers("/api/admin/**")
                            .hasRole(Roles.ADMIN)
                            // every other API call: signed in, then checked against its endpoint's rule
                            // (ProgrammeAccess)
                            .requestMatchers("/api/**")
                            .authenticated()
                            .requestMatchers("/actuator/**")
                            .hasRole(Roles.ADMIN)
                            .anyRequest()
                            .denyAll();
                })
                .addFilterBefore(new CrossSiteWrites(), BasicAuthenticationFilter.class)
                .addFilterBefore(throttle, BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        if (basic) {
            http.httpBasic(b -> b.authenticationEntryPoint(problems));
        } else {
            http.httpBasic(b -> b.disable());
        }
        if (decoder != null) {
            http.oauth2ResourceServer(o -> o.authenticationEntryPoint(problems)
                    .jwt(jwt -> jwt.decoder(decoder)
                            .jwtAuthenticationConverter(fromJwt(
                                    properties.rolesClaim(), properties.organisationClaim(), properties.audience()))));
        }
        return http.build();
    }

    /**
     * A JWT's user: the audience must include {@code audience} (else 401 invalid_token); roles from the roles claim (a
     * list or a space-separated string) as ROLE_ authorities; the organisation claim; the actor is
     * {@code preferred_username}, else the subject.
     */
    static Converter<Jwt, AbstractAuthenticationToken> fromJwt(
            String rolesClaim, String organisationClaim, String audience) {
        return jwt -> {
            List<String> aud = jwt.getAudience() == null ? List.of() : jwt.getAudience();
            if (!aud.contains(audience)) {
                throw new InvalidBearerTokenException(
                        "the token is not for this service (audience " + aud + ", expected " + audience + ")");
            }
            Object raw = jwt.getClaims().get(rolesClaim);
            Collection<String> roles = raw instanceof Collection<?> c
                    ? c.stream().map(String::valueOf).toList()
                    : raw instanceof String s ? List.of(s.split("\\s+")) : List.of();
            List<GrantedAuthority> authorities = new ArrayList<>(roles.stream()
                    .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.toUpperCase(Locale.ROOT)))
                    .toList());
            String organisation = jwt.getClaimAsString(organisationClaim);
            if (organisation != null && !organisation.isBlank()) {
                authorities.add(new SimpleGrantedAuthority(Identity.ORGANISATION + organisation.strip()));
            }
            String name = jwt.getClaimAsString("preferred_username");
            return new JwtAuthenticationToken(jwt, authorities, name != null ? name : jwt.getSubject());
        };
    }
}
