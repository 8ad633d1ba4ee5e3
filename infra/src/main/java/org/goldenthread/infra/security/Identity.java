package org.goldenthread.infra.security;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user as access checks see them: name, global roles (known ones only, the one that allows most
 * first) and organisation (a configured attribute or a JWT claim, carried as an {@value #ORGANISATION} authority).
 */
public record Identity(String name, List<String> globalRoles, String organisation) {

    /** The authority prefix carrying a user's organisation. */
    public static final String ORGANISATION = "ORG:";

    public static Optional<Identity> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null
                || !auth.isAuthenticated()
                || auth.getName() == null
                || "anonymousUser".equals(auth.getName())) {
            return Optional.empty();
        }
        return Optional.of(of(auth));
    }

    public static Identity of(Authentication auth) {
        List<String> roles = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .filter(Roles.PRECEDENCE::contains)
                .distinct()
                .sorted(Comparator.comparingInt(Roles::rank))
                .toList();
        String organisation = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(ORGANISATION))
                .map(a -> a.substring(ORGANISATION.length()))
                .findFirst()
                .orElse(null);
        return new Identity(auth.getName(), roles, organisation);
    }

    public boolean hasKnownRole() {
        return !globalRoles.isEmpty();
    }

    public boolean is(String globalRole) {
        return globalRoles.contains(globalRole);
    }

    /** Admins and auditors read every programme: for them a programme's existence is no secret. */
    public boolean seesEveryProgramme() {
        return is(Roles.ADMIN) || is(Roles.AUDITOR);
    }
}
