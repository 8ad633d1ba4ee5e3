package org.goldenthread.query.readstore;

import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;

/**
 * Makes each event handler's writes stand or fall together within a {@link WriteBatch}: a handler that throws leaves
 * none of its writes staged. Found by Axon through {@code META-INF/services}.
 */
public final class WriteBatchSavepoints implements HandlerEnhancerDefinition {

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        return original.canHandleMessageType(EventMessage.class) ? new Savepointed<>(original) : original;
    }

    private static final class Savepointed<T> extends WrappedMessageHandlingMember<T> {

        Savepointed(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            Optional<WriteBatch> batch = WriteBatch.current();
            if (batch.isEmpty()) {
                return super.handle(message, target);
            }
            int savepoint = batch.get().savepoint();
            Object result;
            try {
                result = super.handle(message, target);
            } catch (Exception | Error e) {
                batch.get().rollbackTo(savepoint);
                throw e;
            }
            batch.get().release();
            return result;
        }
    }
}
