package org.goldenthread.query.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.goldenthread.kernel.ActorMetaData;
import org.goldenthread.query.readstore.WriteBatch;
import org.goldenthread.query.readstore.WriteBatchInterceptor;

/**
 * A small event log for query-side tests: each recorded event becomes an {@link EventMessage} with a stable
 * identifier, a timestamp one minute after the previous one and the acting user in its metadata; the log is
 * delivered to a projection through Axon's own annotation adapter (so {@code @EventHandler} routing and
 * {@code EventMessage} parameters are exercised as in the running app), once or several times per event.
 */
public final class EventFeed {

    private final List<EventMessage<?>> log = new ArrayList<>();
    private final Map<Object, AnnotationEventHandlerAdapter> adapters = new HashMap<>();
    private Instant clock;
    private String actor = "fran";

    public EventFeed(Instant start) {
        this.clock = start;
    }

    public EventFeed() {
        this(Instant.parse("2025-03-03T09:00:00Z"));
    }

    /** Who performs the next events. */
    public EventFeed as(String actor) {
        this.actor = actor;
        return this;
    }

    /** Appends an event to the log; returns its timestamp. */
    public Instant record(Object payload) {
        clock = clock.plus(Duration.ofMinutes(1));
        Map<String, Object> meta = new HashMap<>();
        meta.put(ActorMetaData.ACTOR, actor);
        log.add(new GenericEventMessage<>("event-" + (log.size() + 1), payload, meta, clock));
        return clock;
    }

    public void recordAll(List<?> payloads) {
        payloads.forEach(this::record);
    }

    /** The timestamp of the latest event. */
    public Instant now() {
        return clock;
    }

    /** Moves the clock on without an event. */
    public void pass(Duration d) {
        clock = clock.plus(d);
    }

    public List<EventMessage<?>> log() {
        return List.copyOf(log);
    }

    /** Delivers the whole log, each event {@code times} times in a row (a redelivery). */
    public void into(Object projection, int times) {
        for (EventMessage<?> m : log) {
            for (int i = 0; i < times; i++) {
                deliver(projection, m);
            }
        }
    }

    public void into(Object projection) {
        into(projection, 1);
    }

    /**
     * Delivers the whole log as a tracking processor does: in batches of {@code size} events, each batch one unit of
     * work whose read-store writes go through one {@link WriteBatch} (reads see the batch's own writes; the store
     * sees them when the batch ends).
     */
    public void inBatches(Object projection, int size) {
        for (int from = 0; from < log.size(); from += size) {
            List<EventMessage<?>> batch = log.subList(from, Math.min(log.size(), from + size));
            BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
            var result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(
                            unitOfWork, List.of(new WriteBatchInterceptor()), m -> {
                                deliver(projection, m);
                                return null;
                            })
                    .proceed());
            if (result.isExceptional()) {
                throw new IllegalStateException("a batch failed", result.exceptionResult());
            }
        }
    }

    public void deliver(Object projection, EventMessage<?> message) {
        AnnotationEventHandlerAdapter adapter =
                adapters.computeIfAbsent(projection, AnnotationEventHandlerAdapter::new);
        try {
            if (adapter.canHandle(message)) {
                adapter.handle(message);
            }
        } catch (Exception e) {
            throw new IllegalStateException(
                    "handling " + message.getPayloadType().getSimpleName() + " failed", e);
        }
    }

    /** Calls the projection's {@code @ResetHandler} as a replay would. */
    public void reset(Object projection) {
        adapters.computeIfAbsent(projection, AnnotationEventHandlerAdapter::new).prepareReset();
    }
}
