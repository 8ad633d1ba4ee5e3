package org.goldenthread.infra.store;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.goldenthread.kernel.ActorMetaData;
import org.goldenthread.kernel.PersonalDataVault;
import org.goldenthread.kernel.programme.ParticipantForgotten;
import org.goldenthread.kernel.programme.ParticipantRegistered;
import org.goldenthread.kernel.programme.PersonForgotten;
import org.goldenthread.kernel.programme.RecordKeyDestroyed;
import org.springframework.stereotype.Component;

/**
 * The second half of an erasure: for every {@link PersonForgotten}, destroy the person's key, then record it
 * ({@code PersonKeyDestroyed}, by the actor {@value #ACTOR}). A processor of its own (group {@value #GROUP}): a key
 * store that fails is retried with back-off by the processor, never skipped (a lasting failure is dead-lettered and
 * shows in health and metrics); a crash between the act and the destruction resumes here on the next start. Safe to
 * repeat: destroying a destroyed key does nothing, and a second record is refused as nothing new.
 */
@Component
@ProcessingGroup(ErasureProcess.GROUP)
public class ErasureProcess {

    public static final String GROUP = "erasure";
    public static final String ACTOR = "erasure-process";

    private final PersonalDataVault vault;
    private final CommandGateway commands;

    public ErasureProcess(PersonalDataVault vault, CommandGateway commands) {
        this.vault = vault;
        this.commands = commands;
    }

    /** The key store could not destroy a key: a transient failure, so the processor tries again (and again). */
    public static final class KeyStoreFailure extends org.springframework.dao.TransientDataAccessResourceException {
        KeyStoreFailure(String person, Throwable cause) {
            super("the key store could not destroy the key of " + person + "; the erasure will be retried", cause);
        }
    }

    @EventHandler
    public void on(PersonForgotten e) {
        erase(e.programmeId(), e.person());
    }

    /** A participant's name: the same erasure, of the key that seals it. */
    @EventHandler
    public void on(ParticipantForgotten e) {
        erase(e.programmeId(), ParticipantRegistered.subject(e.participantId()));
    }

    private void erase(String programmeId, String subject) {
        // erasures recorded before tombstones existed get theirs now
        vault.tombstone(programmeId, subject);
        try {
            vault.destroyKey(programmeId, subject);
        } catch (RuntimeException failure) {
            // whatever the key store's failure, the key must go: retried with back-off until it does, never
            // dead-lettered
            throw new KeyStoreFailure(subject, failure);
        }
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RecordKeyDestroyed(programmeId, subject))
                .andMetaData(MetaData.with(ActorMetaData.ACTOR, ACTOR).and(ActorMetaData.ROLE, "SYSTEM")));
    }
}
