package org.goldenthread.infra.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.goldenthread.query.readstore.RebuildLedger;
import org.goldenthread.query.readstore.WriteBatchInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One read of the event history feeding several read models at once: how a rebuild runs. Each read model's processor
 * has been stopped and reset (its {@code @ResetHandler} dropped its documents; its token is a replay token from the
 * first event); the pass then reads the events once and hands each to every read model's own handlers — the
 * processor's {@link EventHandlerInvoker}, so dead-lettering and the savepoints behave as in the processor — in
 * chunks of {@code chunkSize} events that share one {@code WriteBatch} (a document touched by many events of a
 * chunk is read and written once) and one {@link RebuildLedger} (a document the pass has not written is not looked
 * for in the store). After each chunk every processor's token is stored at the chunk's last event
 * (the documents are written first); at the head captured when the pass began the processors are started again and
 * carry on live from there.
 *
 * <p>If the pass fails (the read store unreachable, or a stop), it stops where its last chunk ended and the
 * processors are started from the stored tokens: they go on with the replay themselves, one batch at a time, so no
 * event is skipped and none is handled twice into a document that already has it.
 */
final class ReplayPass implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ReplayPass.class);

    /**
     * A read model in the pass: its processor, handlers, segments and the token reached. Whether its handlers take an
     * event type is asked once per type (Axon's invoker asks every handler each time); the token is advanced over the
     * events it does not handle only when it is needed (a replay token's advance depends only on the newest token).
     */
    private static final class Target {
        final StreamingEventProcessor processor;
        final EventHandlerInvoker invoker;
        final int[] segments;
        private final Map<Class<?>, Boolean> handles = new HashMap<>();
        private TrackingToken token;
        private TrackingToken skipped;
        long nanos;

        Target(StreamingEventProcessor processor, int[] segments, TrackingToken token) {
            this.processor = processor;
            this.invoker = ((AbstractEventProcessor) processor).eventHandlerInvoker();
            this.segments = segments;
            this.token = token;
        }

        void handle(TrackedEventMessage<?> event) throws Exception {
            Class<?> type = event.getPayloadType();
            Boolean takes = handles.get(type);
            if (takes == null) {
                takes = invoker.canHandleType(type);
                handles.put(type, takes);
            }
            if (!takes) {
                skipped = event.trackingToken();
                return;
            }
            skipped = null;
            token = WrappedToken.advance(token, event.trackingToken());
            TrackedEventMessage<?> mine = event.withTrackingToken(token);
            if (invoker.canHandle(mine, Segment.ROOT_SEGMENT)) {
                long start = System.nanoTime();
                invoker.handle(mine, Segment.ROOT_SEGMENT);
                nanos += System.nanoTime() - start;
            }
        }

        /** The token after the last event offered. */
        TrackingToken token() {
            if (skipped != null) {
                token = WrappedToken.advance(token, skipped);
                skipped = null;
            }
            return token;
        }
    }

    private final List<Target> targets = new ArrayList<>();
    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final int chunkSize;
    private final long head;
    private final WriteBatchInterceptor writeBatch = new WriteBatchInterceptor();
    private final RebuildLedger ledger;
    private volatile long position = -1;
    private volatile long chunks;
    private volatile long written;
    private volatile String failure;
    private volatile boolean done;
    private volatile boolean stopping;

    /**
     * Claims every segment of each (stopped, reset) processor for the pass; the claims are renewed with every chunk
     * and released at the end.
     */
    ReplayPass(
            List<StreamingEventProcessor> processors,
            StreamableMessageSource<TrackedEventMessage<?>> events,
            TokenStore tokens,
            TransactionManager transactions,
            int chunkSize,
            long head) {
        this.ledger = new RebuildLedger();
        this.events = events;
        this.tokens = tokens;
        this.transactions = transactions;
        this.chunkSize = Math.max(1, chunkSize);
        this.head = head;
        for (StreamingEventProcessor p : processors) {
            int[] segments = tokens.fetchSegments(p.getName());
            TrackingToken start = segments.length == 0 ? null : tokens.fetchToken(p.getName(), segments[0]);
            for (int i = 1; i < segments.length; i++) {
                tokens.fetchToken(p.getName(), segments[i]);
            }
            targets.add(new Target(p, segments, start));
        }
    }

    /** The position reached (the last event of the last chunk written), -1 before the first. */
    long position() {
        return position;
    }

    boolean done() {
        return done;
    }

    /** Why the pass stopped before the head, or null. */
    String failure() {
        return failure;
    }

    /** Stops after the chunk in hand; the processors then go on from there. */
    void stop() {
        stopping = true;
    }

    @Override
    public void run() {
        TrackingToken from = null;
        for (Target t : targets) {
            from = WrappedToken.unwrapLowerBound(t.token());
            break;
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(from)) {
            boolean atHead = head < 0;
            List<TrackedEventMessage<?>> chunk = new ArrayList<>(chunkSize);
            while (!atHead && !stopping) {
                if (!stream.hasNextAvailable(10, TimeUnit.SECONDS)) {
                    break; // nothing more to read (the head's event may have been rolled back): the processors go on
                }
                while (chunk.size() < chunkSize && !atHead && stream.hasNextAvailable()) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    chunk.add(event);
                    atHead = event.trackingToken().position().orElse(-1) >= head;
                }
                handle(chunk);
                chunk.clear();
            }
        } catch (Exception | Error e) {
            failure = e.toString();
            log.error(
                    "The rebuild's one pass stopped at position {}; each processor carries on from there", position, e);
        } finally {
            ledger.forget();
            for (Target t : targets) {
                for (int segment : t.segments) {
                    try {
                        tokens.releaseClaim(t.processor.getName(), segment);
                    } catch (RuntimeException e) {
                        log.warn("Could not release {} segment {}: {}", t.processor.getName(), segment, e.toString());
                    }
                }
            }
            if (!stopping) {
                targets.forEach(t -> t.processor.start());
            }
            StringBuilder spent = new StringBuilder();
            targets.forEach(t -> spent.append(' ')
                    .append(t.processor.getName())
                    .append('=')
                    .append(t.nanos / 1_000_000)
                    .append(" ms"));
            log.info(
                    "Rebuild pass: {} events in {} chunks to position {}; handling time by read model:{}",
                    written,
                    chunks,
                    position,
                    spent);
            done = true;
        }
    }

    /** One chunk in one unit of work and one write batch; then every processor's token. */
    private void handle(List<TrackedEventMessage<?>> chunk) throws Exception {
        if (chunk.isEmpty()) {
            return;
        }
        BatchingUnitOfWork<TrackedEventMessage<?>> unit = new BatchingUnitOfWork<>(new ArrayList<>(chunk));
        unit.attachTransaction(transactions);
        unit.resources().put(RebuildLedger.RESOURCE, ledger);
        ResultMessage<?> result = unit.executeWithResult(
                () -> new DefaultInterceptorChain<EventMessage<?>>(unit, List.of(writeBatch), m -> {
                            TrackedEventMessage<?> event = unit.getMessage();
                            for (Target t : targets) {
                                t.handle(event);
                            }
                            return null;
                        })
                        .proceed(),
                RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable cause = result.exceptionResult();
            throw cause instanceof Exception e ? e : new IllegalStateException(cause);
        }
        for (Target t : targets) {
            for (int segment : t.segments) {
                tokens.storeToken(t.token(), t.processor.getName(), segment);
            }
        }
        written += chunk.size();
        chunks++;
        position = chunk.get(chunk.size() - 1).trackingToken().position().orElse(position);
    }
}
