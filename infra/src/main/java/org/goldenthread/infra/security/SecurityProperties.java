package org.goldenthread.infra.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Users defined in configuration (the embedded default and the demo), and the JWT claim that carries
 * roles when an OAuth2 issuer is configured.
 */
@ConfigurationProperties("goldenthread.security")
public record SecurityProperties(List<User> users, String rolesClaim) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
    }

    public record User(String name, String password, String role) {
    }
}
