package org.goldenthread.infra.security;

import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.goldenthread.kernel.ActorMetaData;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Puts the acting user and role on every command from the authenticated principal — never from the
 * request body. Axon copies them (with its correlation and trace ids) onto the events the command causes.
 * In a programme the user acts in their role there (as {@link ProgrammeAccess} checked it); elsewhere a user with
 * several roles acts in the one that allows most ({@link Roles#PRECEDENCE}, whatever order the authorities come in).
 * Their global roles are recorded as well ({@link ActorMetaData#ROLES}), and their organisation, if they have one.
 */
public class ActorInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth == null || !auth.isAuthenticated()) {
                return command;
            }
            List<String> roles = roles(auth);
            // the role checked for this request (the user's role in the programme), else the global one that allows
            // most
            String role = ProgrammeAccess.actingRole().orElse(roles.isEmpty() ? "NONE" : roles.get(0));
            MetaData meta = MetaData.with(ActorMetaData.ACTOR, auth.getName())
                    .and(ActorMetaData.ROLE, role)
                    .and(ActorMetaData.ROLES, String.join(",", roles));
            String organisation = Identity.of(auth).organisation();
            return command.andMetaData(
                    organisation == null ? meta : meta.and(ActorMetaData.ORGANISATION, organisation));
        };
    }

    /** The user's roles, the one that allows most first. */
    static List<String> roles(Authentication auth) {
        return auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .distinct()
                .sorted(Comparator.comparingInt(Roles::rank).thenComparing(Comparator.naturalOrder()))
                .toList();
    }
}
