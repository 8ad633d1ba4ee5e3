package org.goldenthread.query.readstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Opens a {@link WriteBatch} for a processor's batch of events and writes it after the batch's last event has been
 * handled — still inside the batch, so a failing write fails the batch (it is retried) before the processor stores
 * its token. Registered on every event processor.
 */
public final class WriteBatchInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        WriteBatch batch = root.getOrComputeResource(
                WriteBatch.RESOURCE, k -> new WriteBatch(root.getResource(RebuildLedger.RESOURCE)));
        Object result = interceptorChain.proceed();
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> events) || events.isLastMessage()) {
            batch.flush();
            root.resources().remove(WriteBatch.RESOURCE);
        }
        return result;
    }
}
