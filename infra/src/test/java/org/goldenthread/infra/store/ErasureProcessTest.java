package org.goldenthread.infra.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.goldenthread.kernel.PersonalDataVault;
import org.goldenthread.kernel.SealedText;
import org.goldenthread.kernel.programme.PersonForgotten;
import org.goldenthread.kernel.programme.RecordKeyDestroyed;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;

/**
 * The erasure process never swallows a key store's failure: it fails as transient (so it is retried) until the key
 * goes.
 */
class ErasureProcessTest {

    /** A key store that fails its first destruction. */
    static final class FailingOnceVault implements PersonalDataVault {
        final List<String> tombstones = new ArrayList<>();
        final List<String> destroyed = new ArrayList<>();
        int failuresLeft = 1;

        @Override
        public SealedText seal(String programmeId, String person, String plainText) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<String> open(SealedText sealed) {
            return Optional.empty();
        }

        @Override
        public void tombstone(String programmeId, String person) {
            tombstones.add(programmeId + "/" + person);
        }

        @Override
        public void destroyKey(String programmeId, String person) {
            if (failuresLeft-- > 0) {
                throw new IllegalStateException("key store unreachable");
            }
            destroyed.add(programmeId + "/" + person);
        }
    }

    @Test
    void a_key_store_that_fails_the_first_destruction_is_retried_and_the_destruction_recorded_once_it_succeeds() {
        FailingOnceVault vault = new FailingOnceVault();
        CommandGateway commands = Mockito.mock(CommandGateway.class);
        ErasureProcess process = new ErasureProcess(vault, commands);
        PersonForgotten forgotten = new PersonForgotten("p1", "P-1", "asked");

        assertThatThrownBy(() -> process.on(forgotten))
                .isInstanceOf(ErasureProcess.KeyStoreFailure.class)
                .hasRootCauseMessage("key store unreachable");
        // transient, so the processor retries the event with back-off instead of dead-lettering or skipping it
        assertThat(DeadLetters.transientFailure(new RuntimeException(catchFailure(process, forgotten, vault))))
                .isTrue();
        Mockito.verifyNoInteractions(commands);
        assertThat(vault.tombstones).containsExactly("p1/P-1", "p1/P-1");

        process.on(forgotten);
        assertThat(vault.destroyed).containsExactly("p1/P-1");
        @SuppressWarnings("unchecked")
        ArgumentCaptor<CommandMessage<?>> sent = ArgumentCaptor.forClass(CommandMessage.class);
        Mockito.verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().getPayload()).isEqualTo(new RecordKeyDestroyed("p1", "P-1"));
        assertThat(sent.getValue().getMetaData()).containsEntry("actor", ErasureProcess.ACTOR);
    }

    private static Throwable catchFailure(ErasureProcess process, PersonForgotten e, FailingOnceVault vault) {
        vault.failuresLeft = 1;
        try {
            process.on(e);
            throw new AssertionError("expected a failure");
        } catch (ErasureProcess.KeyStoreFailure failure) {
            return failure;
        }
    }
}
