package org.goldenthread.infra.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * The JDBC event store with tamper evidence: before an aggregate's events are appended, each gets its hash in the
 * chain ({@link EventChain}) in its metadata, computed over exactly what will be stored (the payload as the event
 * serializer writes it, the metadata as it will be written). The last hash of an aggregate is remembered once its
 * events are committed; an aggregate not seen since start has its chain computed from its stored events (events
 * stored before the chain began are covered too: the first chained event links to their computed hash). Everything
 * else is the wrapped engine's.
 */
public final class ChainedEventStorageEngine implements EventStorageEngine {

    private static final int REMEMBERED = 4096;

    private final EventStorageEngine delegate;
    private final Serializer eventSerializer;
    private final StoredEvents stored;
    /** The last event of an aggregate this node appended or read: its sequence number and hash. */
    private record Last(long sequenceNumber, String hash) {}

    private final Map<String, Last> lastHash = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Last> eldest) {
            return size() > REMEMBERED;
        }
    };

    public ChainedEventStorageEngine(EventStorageEngine delegate, Serializer eventSerializer, StoredEvents stored) {
        this.delegate = delegate;
        this.eventSerializer = eventSerializer;
        this.stored = stored;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        Map<String, Last> pending = new LinkedHashMap<>();
        List<EventMessage<?>> chained = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            if (!(event instanceof DomainEventMessage<?> d) || d.getType() == null) {
                chained.add(event);
                continue;
            }
            String aggregate = d.getAggregateIdentifier();
            String previous = pending.containsKey(aggregate)
                    ? pending.get(aggregate).hash()
                    : last(aggregate, d.getSequenceNumber());
            MetaData meta = d.getMetaData().withoutKeys(Set.of(EventChain.HASH, EventChain.PREVIOUS));
            SerializedObject<byte[]> payload = eventSerializer.serialize(d.getPayload(), byte[].class);
            byte[] metaData = eventSerializer.serialize(meta, byte[].class).getData();
            String hash = EventChain.hash(
                    new EventChain.Stored(
                            d.getType(),
                            aggregate,
                            d.getSequenceNumber(),
                            payload.getType().getName(),
                            payload.getType().getRevision(),
                            payload.getData(),
                            metaData),
                    previous);
            chained.add(d.withMetaData(meta).andMetaData(Map.of(EventChain.HASH, hash, EventChain.PREVIOUS, previous)));
            pending.put(aggregate, new Last(d.getSequenceNumber(), hash));
        }
        delegate.appendEvents(chained);
        if (pending.isEmpty()) {
            return;
        }
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(u -> remember(pending));
            CurrentUnitOfWork.get().onRollback(u -> forget(pending.keySet()));
        } else {
            remember(pending);
        }
    }

    /**
     * The hash of the aggregate's event before {@code sequenceNumber}: remembered when this node appended (or read) it
     * last, else computed from the stored events (so an event another node appended since is never skipped).
     */
    private String last(String aggregate, long sequenceNumber) {
        synchronized (lastHash) {
            Last known = lastHash.get(aggregate);
            if (known != null && known.sequenceNumber() == sequenceNumber - 1) {
                return known.hash();
            }
        }
        String previous = "";
        for (EventChain.Stored e : stored.of(aggregate)) {
            previous = EventChain.hash(e, previous);
        }
        return previous;
    }

    private void remember(Map<String, Last> hashes) {
        synchronized (lastHash) {
            lastHash.putAll(hashes);
        }
    }

    private void forget(Set<String> aggregates) {
        synchronized (lastHash) {
            aggregates.forEach(lastHash::remove);
        }
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
