package org.goldenthread.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.goldenthread.kernel.ActorMetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The actor and role on every command come from the principal; a user with several roles acts in the one that allows
 * most.
 */
class ActorInterceptorTest {

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static CommandMessage<?> dispatched(String... authorities) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "kim", null, AuthorityUtils.createAuthorityList(authorities)));
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage("a command");
        return new ActorInterceptor().handle(List.of(command)).apply(0, command);
    }

    @Test
    void a_user_with_several_roles_acts_in_the_one_that_allows_most_whatever_their_order() {
        for (String[] order : List.of(
                new String[] {"ROLE_PARTICIPANT", "ROLE_FACILITATOR"},
                new String[] {"ROLE_FACILITATOR", "ROLE_PARTICIPANT"})) {
            CommandMessage<?> c = dispatched(order);
            assertThat(c.getMetaData())
                    .containsEntry(ActorMetaData.ACTOR, "kim")
                    .containsEntry(ActorMetaData.ROLE, "FACILITATOR")
                    .containsEntry(ActorMetaData.ROLES, "FACILITATOR,PARTICIPANT");
        }
        assertThat(dispatched("ROLE_AUDITOR").getMetaData()).containsEntry(ActorMetaData.ROLE, "AUDITOR");
        assertThat(dispatched("SCOPE_read").getMetaData()).containsEntry(ActorMetaData.ROLE, "NONE");
    }
}
