package org.goldenthread.infra.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes. Every write tells the position (the global index in the event store) of the last event of
 * the programme it changed; a read given a minimum position waits, bounded, until the read model answering it has
 * processed that position.
 *
 * <p>The position of a write is read after its command has committed: the programme's last event. Any later act
 * on the same programme waited for this one's lock, so a read model that has processed the position has processed
 * this write. With the JDBC store that is one indexed query ({@code aggregateIdentifier}, highest
 * {@code sequenceNumber}); through Axon Server (no gaps, events in commit order) it is the head of the store.
 *
 * <p>Which read model answers a query is known from the projections: the processing group of the class that holds
 * the {@code @QueryHandler} for that query type. A read model has processed position {@code n} when every segment
 * of its processor is claimed here and its token covers {@code n}: it has passed {@code n} and {@code n} is not one
 * of its gaps (an event still being committed when the processor passed it).
 */
@Component
public class ReadYourWrites {

    /** A read model did not reach the position within the wait; the client should retry. */
    public static final class Behind extends RuntimeException {
        private final String readModel;
        private final long position;

        Behind(String readModel, long position, Duration waited) {
            super("the read model '" + readModel + "' has not reached event position " + position + " after "
                    + waited.toMillis() + " ms");
            this.readModel = readModel;
            this.position = position;
        }

        public String readModel() {
            return readModel;
        }

        public long position() {
            return position;
        }
    }

    private static final String LAST_OF_AGGREGATE = "SELECT globalIndex FROM DomainEventEntry "
            + "WHERE aggregateIdentifier = ? ORDER BY sequenceNumber DESC FETCH FIRST 1 ROWS ONLY";
    private static final String EVENT_AT =
            "SELECT globalIndex FROM DomainEventEntry " + "WHERE aggregateIdentifier = ? AND sequenceNumber = ?";

    /** The last event a command appended, noted on the thread that handled it (the sender's, on the local bus). */
    private record Appended(String aggregateId, long sequenceNumber) {}

    private static final ThreadLocal<Appended> LAST_APPENDED = new ThreadLocal<>();

    /**
     * A command handler interceptor noting the last event the command appended, once committed; {@link #positionAfter}
     * then finds its position with one point lookup (aggregate and sequence number) instead of searching the
     * programme's events.
     */
    public static org.axonframework.messaging.MessageHandlerInterceptor<
                    org.axonframework.commandhandling.CommandMessage<?>>
            noteAppended() {
        return (unitOfWork, chain) -> {
            LAST_APPENDED.remove();
            Object result = chain.proceed();
            Appended last = null;
            for (Object e : Refusals.stagedEvents(unitOfWork.root())) {
                if (e instanceof org.axonframework.eventhandling.DomainEventMessage<?> d) {
                    last = new Appended(d.getAggregateIdentifier(), d.getSequenceNumber());
                }
            }
            if (last != null) {
                Appended appended = last;
                unitOfWork.afterCommit(u -> LAST_APPENDED.set(appended));
            }
            return result;
        };
    }

    private final ObjectProvider<DataSource> dataSource;
    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final ApplicationContext context;
    private final boolean jdbc;
    private final Duration maxWait;
    private final AnnotationCommandTargetResolver targets =
            AnnotationCommandTargetResolver.builder().build();
    private final Map<Class<?>, String> groupOfQuery = new ConcurrentHashMap<>();

    public ReadYourWrites(
            ObjectProvider<DataSource> dataSource,
            EventStore eventStore,
            EventProcessingConfiguration processing,
            ApplicationContext context,
            @Value("${axon.axonserver.enabled:false}") boolean axonServer,
            @Value("${goldenthread.read-your-writes.max-wait:PT5S}") Duration maxWait) {
        this.dataSource = dataSource;
        this.eventStore = eventStore;
        this.processing = processing;
        this.context = context;
        this.jdbc = !axonServer;
        this.maxWait = maxWait;
    }

    /** Maps each query type to the processing group of the projection that answers it. */
    @EventListener(ContextRefreshedEvent.class)
    void mapQueries() {
        groupOfQuery.putAll(ReadModels.of(context).groupOfQuery());
    }

    public Duration maxWait() {
        return maxWait;
    }

    /** Every read model (processing group) that answers queries. */
    public java.util.Set<String> readModels() {
        return new java.util.TreeSet<>(groupOfQuery.values());
    }

    /** The read model (processing group) answering this query type, if a projection answers it. */
    public Optional<String> readModelOf(Class<?> queryType) {
        return Optional.ofNullable(groupOfQuery.get(queryType));
    }

    /** The position of the last change of who may see or do what (a membership act), known on this node. */
    private final java.util.concurrent.atomic.AtomicLong lastAccessChange =
            new java.util.concurrent.atomic.AtomicLong(-1);

    /** A change of membership was committed at this position: access checks read the membership view only past it. */
    public void accessChangedAt(long position) {
        lastAccessChange.accumulateAndGet(position, Math::max);
    }

    public long lastAccessChange() {
        return lastAccessChange.get();
    }

    /** Forgets what the last command on this thread appended (called before sending one). */
    public void beforeSend() {
        LAST_APPENDED.remove();
    }

    /** The position of the last event of the aggregate the (committed) command addressed; empty if it has none. */
    public OptionalLong positionAfter(Object command) {
        if (!jdbc) {
            TrackingToken head = eventStore.createHeadToken();
            return head == null ? OptionalLong.empty() : head.position();
        }
        Appended appended = LAST_APPENDED.get();
        LAST_APPENDED.remove();
        String aggregateId = targets.resolveTarget(GenericCommandMessage.asCommandMessage(command))
                .getIdentifier();
        boolean exact = appended != null && appended.aggregateId().equals(aggregateId);
        try (Connection c = dataSource.getObject().getConnection();
                PreparedStatement s = c.prepareStatement(exact ? EVENT_AT : LAST_OF_AGGREGATE)) {
            s.setString(1, aggregateId);
            if (exact) {
                s.setLong(2, appended.sequenceNumber());
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the position of the last event of " + aggregateId, e);
        }
    }

    /** Waits until the read model has processed {@code position}, or throws {@link Behind} after {@link #maxWait()}. */
    public void awaitProcessed(String readModel, long position) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long pause = 1;
        while (!processed(readModel, position)) {
            if (System.nanoTime() > deadline) {
                throw new Behind(readModel, position, maxWait);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Behind(readModel, position, maxWait);
            }
            pause = Math.min(pause * 2, 16);
        }
    }

    /** Whether every segment of the read model's processor has processed {@code position}. */
    public boolean processed(String readModel, long position) {
        Optional<StreamingEventProcessor> processor =
                processing.eventProcessor(readModel, StreamingEventProcessor.class);
        if (processor.isEmpty()) {
            return false;
        }
        Map<Integer, EventTrackerStatus> status = processor.get().processingStatus();
        double claimed = 0;
        List<EventTrackerStatus> statuses = new ArrayList<>(status.values());
        for (EventTrackerStatus s : statuses) {
            if (s.isErrorState() || !covers(s.getTrackingToken(), position)) {
                return false;
            }
            claimed += 1.0 / (s.getSegment().getMask() + 1);
        }
        return claimed > 0.999_999;
    }

    static boolean covers(TrackingToken token, long position) {
        if (token == null) {
            return false;
        }
        Optional<GapAwareTrackingToken> gapAware = WrappedToken.unwrap(token, GapAwareTrackingToken.class);
        if (gapAware.isPresent()) {
            return gapAware.get().getIndex() >= position
                    && !gapAware.get().getGaps().contains(position);
        }
        OptionalLong at = WrappedToken.unwrapLowerBound(token).position();
        return at.isPresent() && at.getAsLong() >= position;
    }
}
