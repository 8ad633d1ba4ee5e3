package org.goldenthread.infra.store;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Axon's MongoDB token store, except that a token stored while a processor's batch is being handled is written
 * when the batch commits, after its read-model writes ({@code WriteBatch}). The processors run in the event store's
 * JDBC transaction, so Axon stores the token as the batch starts, counting on the transaction to undo it — but the
 * tokens live in MongoDB, outside that transaction: a batch failing after the token was written would have skipped
 * its events. Written at commit, a token never passes an event whose writes did not reach the read store.
 */
final class TokenAfterBatch extends MongoTokenStore {

    TokenAfterBatch(MongoTokenStore.Builder builder) {
        super(builder);
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().phase() == UnitOfWork.Phase.STARTED) {
            CurrentUnitOfWork.get()
                    .root()
                    .onPrepareCommit(u -> TokenAfterBatch.super.storeToken(token, processorName, segment));
        } else {
            super.storeToken(token, processorName, segment);
        }
    }
}
