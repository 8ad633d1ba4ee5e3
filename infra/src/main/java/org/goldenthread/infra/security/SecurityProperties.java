package org.goldenthread.infra.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in: the users defined in configuration (none by default; the demo users only with {@code --demo}), the JWT
 * claims and audience when an OAuth2 issuer is configured, whether HTTP Basic is on, whether the OpenAPI document is
 * public, and how failed sign-ins are slowed down.
 *
 * @param users          users signing in with HTTP Basic: name, password (hashed, e.g. {@code {bcrypt}…}; a plain one
 *                       must be at least 12 characters and differ from the name), global role, organisation
 * @param rolesClaim     the JWT claim with the user's global roles (a list or a space-separated string)
 * @param organisationClaim the JWT claim with the user's organisation
 * @param audience       the audience a JWT must carry (its {@code aud})
 * @param httpBasic      HTTP Basic on or off; unset: on without an OAuth2 issuer, off with one
 * @param publicApiDocs  whether {@code /v3/api-docs} is readable without signing in (on in demo mode)
 * @param signIn         failed sign-ins allowed per user and per address in a period before they are slowed down
 */
@ConfigurationProperties("goldenthread.security")
public record SecurityProperties(
        List<User> users,
        String rolesClaim,
        String organisationClaim,
        String audience,
        Boolean httpBasic,
        Boolean publicApiDocs,
        SignIn signIn) {

    /** The demo users of {@code --demo}: password = name. Never present without it. */
    public static final List<User> DEMO_USERS = List.of(
            new User("facilitator", "facilitator", "FACILITATOR", null),
            new User("participant", "participant", "PARTICIPANT", null),
            new User("commissioner", "commissioner", "COMMISSIONER", "Demo Council"),
            new User("provider", "provider", "PROVIDER", "Demo Care Ltd"),
            new User("auditor", "auditor", "AUDITOR", null),
            new User("analyst", "analyst", "ANALYST", null),
            new User("admin", "admin", "ADMIN", null));

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        organisationClaim =
                organisationClaim == null || organisationClaim.isBlank() ? "organisation" : organisationClaim;
        audience = audience == null || audience.isBlank() ? "golden-thread" : audience;
        signIn = signIn == null ? new SignIn(5, Duration.ofMinutes(1)) : signIn;
    }

    public record User(String name, String password, String role, String organisation) {}

    /**
     * At most {@code failures} failed sign-ins per user and per address every {@code period}; then 429 until it
     * refills.
     */
    public record SignIn(int failures, Duration period) {
        public SignIn {
            failures = failures <= 0 ? 5 : failures;
            period = period == null ? Duration.ofMinutes(1) : period;
        }
    }
}
