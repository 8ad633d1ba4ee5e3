package org.goldenthread.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * With an OAuth2 issuer, roles and organisation come from the configured claims, the actor from the token, never from
 * a body; a token for another audience is refused.
 */
class JwtRolesTest {

    private static Jwt jwt(String claim, Object roles, String username, String audience) {
        Jwt.Builder b = Jwt.withTokenValue("t")
                .header("alg", "none")
                .subject("sub-123")
                .claim(claim, roles)
                .audience(List.of(audience))
                .claim("org", "Northshire Council")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60));
        if (username != null) {
            b.claim("preferred_username", username);
        }
        return b.build();
    }

    @Test
    void roles_come_from_the_configured_claim_as_a_list_or_a_string_and_the_organisation_from_its_claim() {
        AbstractAuthenticationToken fromList = SecurityConfiguration.fromJwt("roles", "org", "golden-thread")
                .convert(jwt("roles", List.of("facilitator"), "fiona", "golden-thread"));
        assertThat(fromList.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_FACILITATOR", "ORG:Northshire Council");
        assertThat(fromList.getName()).isEqualTo("fiona");
        assertThat(Identity.of(fromList).organisation()).isEqualTo("Northshire Council");

        AbstractAuthenticationToken fromString = SecurityConfiguration.fromJwt("groups", "org", "golden-thread")
                .convert(jwt("groups", "auditor analyst", null, "golden-thread"));
        assertThat(Identity.of(fromString).globalRoles()).containsExactly("AUDITOR", "ANALYST");
        assertThat(fromString.getName()).isEqualTo("sub-123");
    }

    @Test
    void a_token_without_a_known_role_has_no_role() {
        AbstractAuthenticationToken none = SecurityConfiguration.fromJwt("roles", "org", "golden-thread")
                .convert(jwt("other", List.of("FACILITATOR"), null, "golden-thread"));
        assertThat(Identity.of(none).hasKnownRole()).isFalse();
        AbstractAuthenticationToken unknown = SecurityConfiguration.fromJwt("roles", "org", "golden-thread")
                .convert(jwt("roles", List.of("superuser"), null, "golden-thread"));
        assertThat(Identity.of(unknown).hasKnownRole()).isFalse();
    }

    @Test
    void a_token_for_another_audience_is_refused() {
        assertThatThrownBy(() -> SecurityConfiguration.fromJwt("roles", "org", "golden-thread")
                        .convert(jwt("roles", List.of("ADMIN"), "eve", "another-service")))
                .isInstanceOf(InvalidBearerTokenException.class);
    }
}
