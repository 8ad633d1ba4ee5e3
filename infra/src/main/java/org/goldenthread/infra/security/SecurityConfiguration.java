package org.goldenthread.infra.security;

import org.springframework.beans.factory.ObjectProvider;
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
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import java.util.Collection;
import java.util.List;

/**
 * Who may do what. HTTP Basic for the users defined in configuration (so {@code curl -u} drives the
 * API); OAuth2 resource server with JWTs as well when an issuer is configured. Writes need a
 * facilitator; any workshop role may cast or withdraw a vote — on themes, root causes or ideas — and place
 * an idea on the effort/impact grid (the aggregate checks it is their own);
 * forgetting a person needs a facilitator or an admin; auditors and analysts only read.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    private static final String[] VOTERS = {Roles.FACILITATOR, Roles.PARTICIPANT, Roles.COMMISSIONER, Roles.PROVIDER, Roles.ADMIN};

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * A password written in configuration with an encoder prefix ({@code {bcrypt}…}) is checked by that
     * encoder; a plain one (the demo users) is compared as it stands: it is in plain text in the
     * configuration already, so hashing it protected nothing and cost ~80 ms of BCrypt on every HTTP Basic
     * request (measured by WorkshopBenchmark and ThreadBenchmark).
     */
    @Bean
    UserDetailsService users(SecurityProperties properties) {
        List<UserDetails> users = properties.users().stream()
                .map(u -> User.withUsername(u.name())
                        .password(u.password().startsWith("{") ? u.password() : "{noop}" + u.password())
                        .roles(u.role())
                        .build())
                .toList();
        // only the lookup: an InMemoryUserDetailsManager is also a UserDetailsPasswordService, and Spring would
        // then "upgrade" every {noop} password to BCrypt after its first sign-in (measured: +80 ms a request)
        UserDetailsService lookup = new InMemoryUserDetailsManager(users)::loadUserByUsername;
        return lookup;
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder, SecurityProperties properties,
                            ProblemAuthenticationHandlers problems) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus",
                                "/v3/api-docs", "/v3/api-docs/**", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/admin/**").hasAnyRole(Roles.ADMIN, Roles.AUDITOR)
                        .requestMatchers("/api/admin/**").hasRole(Roles.ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                        .requestMatchers("/api/programmes/*/votings/*/votes").hasAnyRole(VOTERS)
                        .requestMatchers("/api/programmes/*/ballots/*/votes").hasAnyRole(VOTERS)
                        .requestMatchers("/api/programmes/*/ideas/*/placements").hasAnyRole(VOTERS)
                        .requestMatchers(HttpMethod.POST, "/api/programmes/*/people/*/forget").hasAnyRole(Roles.FACILITATOR, Roles.ADMIN)
                        .requestMatchers("/api/**").hasRole(Roles.FACILITATOR)
                        .requestMatchers("/actuator/**").hasAnyRole(Roles.ADMIN, Roles.AUDITOR)
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(o -> o
                    .authenticationEntryPoint(problems)
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(rolesFrom(properties.rolesClaim()))));
        }
        return http.build();
    }

    /** Maps the JWT's roles claim (a list or a space-separated string) to ROLE_ authorities; the subject is the actor. */
    static Converter<Jwt, AbstractAuthenticationToken> rolesFrom(String claim) {
        return jwt -> {
            Object raw = jwt.getClaims().get(claim);
            Collection<String> roles = raw instanceof Collection<?> c ? c.stream().map(String::valueOf).toList()
                    : raw instanceof String s ? List.of(s.split("\\s+")) : List.of();
            List<GrantedAuthority> authorities = roles.stream()
                    .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.toUpperCase(java.util.Locale.ROOT)))
                    .toList();
            String name = jwt.getClaimAsString("preferred_username");
            return new JwtAuthenticationToken(jwt, authorities, name != null ? name : jwt.getSubject());
        };
    }

}
