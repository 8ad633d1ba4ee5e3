package org.goldenthread.infra.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Configured users sign in without BCrypt on every request, and configured hashes are kept as given. */
class ConfiguredUsersTest {

    private final UserDetailsService users = new SecurityConfiguration().users(new SecurityProperties(List.of(
            new SecurityProperties.User("fiona", "fiona", "FACILITATOR"),
            new SecurityProperties.User("ops", "{bcrypt}$2a$10$abcdefghijklmnopqrstuu", "ADMIN")), null));

    @Test
    void plain_passwords_are_compared_as_given_and_never_upgraded_to_bcrypt() {
        assertThat(users.loadUserByUsername("fiona").getPassword()).isEqualTo("{noop}fiona");
        assertThat(users.loadUserByUsername("fiona").getAuthorities()).extracting(Object::toString).containsExactly("ROLE_FACILITATOR");
        // no UserDetailsPasswordService: Spring's DaoAuthenticationProvider cannot re-encode passwords after sign-in
        assertThat(users).isNotInstanceOf(UserDetailsPasswordService.class);
    }

    @Test
    void a_password_with_an_encoder_prefix_is_kept_for_that_encoder() {
        assertThat(users.loadUserByUsername("ops").getPassword()).startsWith("{bcrypt}");
    }
}
