package org.goldenthread.infra.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** With an OAuth2 issuer, roles come from the configured claim and the actor from the token, never from a body. */
class JwtRolesTest {

    private static Jwt jwt(String claim, Object roles, String username) {
        Jwt.Builder b = Jwt.withTokenValue("t").header("alg", "none").subject("sub-123").claim(claim, roles)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        if (username != null) {
            b.claim("preferred_username", username);
        }
        return b.build();
    }

    @Test
    void roles_come_from_the_configured_claim_as_a_list_or_a_string() {
        AbstractAuthenticationToken fromList = SecurityConfiguration.rolesFrom("roles").convert(jwt("roles", List.of("facilitator"), "fiona"));
        assertThat(fromList.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_FACILITATOR");
        assertThat(fromList.getName()).isEqualTo("fiona");

        AbstractAuthenticationToken fromString = SecurityConfiguration.rolesFrom("groups").convert(jwt("groups", "auditor analyst", null));
        assertThat(fromString.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_AUDITOR", "ROLE_ANALYST");
        assertThat(fromString.getName()).isEqualTo("sub-123");
    }

    @Test
    void a_token_without_the_claim_has_no_roles() {
        AbstractAuthenticationToken none = SecurityConfiguration.rolesFrom("roles").convert(jwt("other", List.of("FACILITATOR"), null));
        assertThat(none.getAuthorities()).isEmpty();
    }
}
