package org.goldenthread.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Configured users sign in without BCrypt on every request, configured hashes are kept as given, a guessable
 * password stops the start, and the demo users exist only in demo mode.
 */
class ConfiguredUsersTest {

    private static SecurityProperties properties(SecurityProperties.User... users) {
        return new SecurityProperties(List.of(users), null, null, null, null, null, null);
    }

    private final UserDetailsService users = new SecurityConfiguration()
            .users(
                    properties(
                            new SecurityProperties.User("fiona", "a long enough secret", "FACILITATOR", null),
                            new SecurityProperties.User(
                                    "cat",
                                    "{bcrypt}$2a$10$abcdefghijklmnopqrstuu",
                                    "COMMISSIONER",
                                    "Northshire Council")),
                    false);

    @Test
    void plain_passwords_are_compared_as_given_and_never_upgraded_to_bcrypt() {
        assertThat(users.loadUserByUsername("fiona").getPassword()).isEqualTo("{noop}a long enough secret");
        assertThat(users.loadUserByUsername("fiona").getAuthorities())
                .extracting(Object::toString)
                .containsExactly("ROLE_FACILITATOR");
        // no UserDetailsPasswordService: Spring's DaoAuthenticationProvider cannot re-encode passwords after sign-in
        assertThat(users).isNotInstanceOf(UserDetailsPasswordService.class);
    }

    @Test
    void a_password_with_an_encoder_prefix_is_kept_for_that_encoder_and_the_organisation_is_carried() {
        assertThat(users.loadUserByUsername("cat").getPassword()).startsWith("{bcrypt}");
        assertThat(users.loadUserByUsername("cat").getAuthorities())
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_COMMISSIONER", "ORG:Northshire Council");
    }

    @Test
    void a_plain_password_equal_to_the_name_or_shorter_than_12_characters_stops_the_start() {
        assertThatThrownBy(() -> new SecurityConfiguration()
                        .users(properties(new SecurityProperties.User("admin", "admin", "ADMIN", null)), false))
                .hasMessageContaining("Refusing to start")
                .hasMessageContaining("[admin]")
                .hasMessageContaining("bcrypt");
        assertThatThrownBy(() -> new SecurityConfiguration()
                        .users(
                                properties(new SecurityProperties.User("fiona", "{noop}short", "FACILITATOR", null)),
                                false))
                .hasMessageContaining("[fiona]");
        assertThatThrownBy(() -> new SecurityConfiguration()
                        .users(
                                properties(new SecurityProperties.User(
                                        "longusername1", "LongUserName1", "FACILITATOR", null)),
                                false))
                .hasMessageContaining("[longusername1]");
        assertThatThrownBy(() -> new SecurityConfiguration()
                        .users(
                                properties(new SecurityProperties.User(
                                        "fiona", "a long enough secret", "SUPERUSER", null)),
                                false))
                .hasMessageContaining("role");
    }

    @Test
    void the_demo_users_exist_only_in_demo_mode_and_a_configured_user_of_the_same_name_wins() {
        UserDetailsService plain = new SecurityConfiguration().users(properties(), false);
        assertThatThrownBy(() -> plain.loadUserByUsername("admin"))
                .isInstanceOf(org.springframework.security.core.userdetails.UsernameNotFoundException.class);
        UserDetailsService demo = new SecurityConfiguration()
                .users(properties(new SecurityProperties.User("admin", "a long enough secret", "ADMIN", null)), true);
        assertThat(demo.loadUserByUsername("facilitator").getPassword()).isEqualTo("{noop}facilitator");
        assertThat(demo.loadUserByUsername("admin").getPassword()).isEqualTo("{noop}a long enough secret");
    }
}
