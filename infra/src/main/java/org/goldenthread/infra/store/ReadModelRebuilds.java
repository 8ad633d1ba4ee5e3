package org.goldenthread.infra.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.goldenthread.kernel.ActorMetaData;
import org.goldenthread.kernel.UnknownReference;
import org.goldenthread.kernel.operations.ReadModelRebuildStarted;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Rebuilding read models from the first event, on an operator's request, and how far they have come. Each model's
 * processor is stopped and its tokens reset (its {@code @ResetHandler} drops its documents); then one
 * {@link ReplayPass} reads the events once for all the models asked for, in chunks that each write a document once,
 * and starts the processors again at the head it reached. Every other read model and the service carry on. A rebuild
 * asked for while a pass runs (for other models) is left to the model's own processor, which replays batch by batch.
 * Progress is read from the pass, then from the processor's tokens: position reached of the head as it was when the
 * rebuild began, events per second since (until the rebuild was first seen done), and the time left at that rate.
 * Each request is recorded as an event ({@link ReadModelRebuildStarted}) with who asked and why.
 */
@Component
public class ReadModelRebuilds {

    /** How far a read model is: {@code status} LIVE (at the head), CATCHING_UP, REBUILDING or STOPPED. */
    public record Status(
            String readModel,
            String status,
            Long position,
            Long head,
            Long processed,
            Long total,
            Double eventsPerSecond,
            Long etaSeconds,
            Instant rebuildStartedAt,
            String rebuildStartedBy,
            String reason,
            String failure) {}

    /** A rebuild asked for; {@code doneAt} once it was first seen at the head it had to reach. */
    private record Rebuild(Instant at, long from, long to, String by, String reason, Instant doneAt) {}

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final EventGateway gateway;
    private final ReadYourWrites positions;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final int chunkSize;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private final Map<String, ReplayPass> passes = new ConcurrentHashMap<>();
    private volatile ReplayPass running;
    private volatile Thread runner;

    public ReadModelRebuilds(
            EventProcessingConfiguration processing,
            EventStore events,
            EventGateway gateway,
            ReadYourWrites positions,
            TokenStore tokens,
            TransactionManager transactions,
            @Value("${goldenthread.replay.chunk-size:20000}") int chunkSize) {
        this.processing = processing;
        this.events = events;
        this.gateway = gateway;
        this.positions = positions;
        this.tokens = tokens;
        this.transactions = transactions;
        this.chunkSize = chunkSize;
    }

    /** Every read model that answers queries. */
    public List<String> readModels() {
        return new ArrayList<>(positions.readModels());
    }

    private StreamingEventProcessor processor(String readModel) {
        if (!positions.readModels().contains(readModel)) {
            throw new UnknownReference("read-model", readModel);
        }
        return processing
                .eventProcessor(readModel, StreamingEventProcessor.class)
                .orElseThrow(() -> new UnknownReference("read-model", readModel));
    }

    /** Resets the read model and starts rebuilding it; answers its status as the rebuild begins. */
    public Status rebuild(String readModel, String by, String reason) {
        return rebuild(List.of(readModel), by, reason).get(0);
    }

    /** Every read model rebuilt in one pass over the events; answers their statuses as the rebuild begins. */
    public List<Status> rebuildAll(String by, String reason) {
        return rebuild(readModels(), by, reason);
    }

    /** Resets the read models and rebuilds them in one pass; answers their statuses as the rebuild begins. */
    public synchronized List<Status> rebuild(List<String> readModels, String by, String reason) {
        List<StreamingEventProcessor> chosen = new ArrayList<>();
        for (String readModel : readModels) {
            StreamingEventProcessor processor = processor(readModel);
            ReplayPass pass = passes.get(readModel);
            if (pass != null && !pass.done()) {
                throw new org.goldenthread.kernel.RuleViolation(
                        "rebuild-in-progress",
                        "the read model " + readModel + " is being rebuilt: follow its status until it is LIVE");
            }
            if (processor.isRunning() && processor.processingStatus().isEmpty()) {
                // a tracking processor stopped before its worker has claimed its segment may never claim it again
                // (measured in the replay benchmark); and a segment claimed by another node cannot be reset from here
                throw new org.goldenthread.kernel.RuleViolation(
                        "read-model-not-claimed",
                        "the read model " + readModel + " has not claimed its events on this node yet (it is "
                                + "starting, or another node processes it): try again in a few seconds, or on that "
                                + "node");
            }
            chosen.add(processor);
        }
        long from = position(events.createTailToken());
        long to = position(events.createHeadToken());
        for (String readModel : readModels) {
            gateway.publish(GenericEventMessage.asEventMessage(new ReadModelRebuildStarted(readModel, from, to, reason))
                    .andMetaData(MetaData.with(ActorMetaData.ACTOR, by).and(ActorMetaData.ROLE, "ADMIN")));
        }
        for (int i = 0; i < chosen.size(); i++) {
            chosen.get(i).shutDown();
            chosen.get(i).resetTokens();
            rebuilds.put(readModels.get(i), new Rebuild(Instant.now(), from, to, by, reason, null));
        }
        if (running != null && !running.done()) {
            chosen.forEach(StreamingEventProcessor::start); // each replays by itself, batch by batch
        } else {
            ReplayPass pass = new ReplayPass(chosen, events, tokens, transactions, chunkSize, to);
            readModels.forEach(m -> passes.put(m, pass));
            running = pass;
            runner = new Thread(pass, "read-model-rebuild");
            runner.setDaemon(true);
            runner.start();
        }
        return readModels.stream().map(this::status).toList();
    }

    /** The service is closing: a running pass stops after its chunk (its processors resume from there next time). */
    @org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
    void stopPass() throws InterruptedException {
        ReplayPass pass = running;
        Thread thread = runner;
        if (pass != null && thread != null) {
            pass.stop();
            thread.join(30_000);
        }
    }

    public Status status(String readModel) {
        StreamingEventProcessor processor = processor(readModel);
        long head = position(events.createHeadToken());
        Long reached = null;
        boolean replaying = false;
        boolean caughtUp = true;
        for (EventTrackerStatus s : processor.processingStatus().values()) {
            replaying |= s.isReplaying();
            caughtUp &= s.isCaughtUp();
            OptionalLong p = s.getCurrentPosition();
            if (p.isPresent()) {
                reached = reached == null ? p.getAsLong() : Math.min(reached, p.getAsLong());
            }
        }
        ReplayPass pass = passes.get(readModel);
        boolean inPass = pass != null && !pass.done();
        if (inPass) {
            reached = pass.position() < 0 ? null : pass.position();
        }
        Rebuild rebuild = rebuilds.get(readModel);
        long total = rebuild == null ? 0 : Math.max(0, rebuild.to - rebuild.from);
        long processed = rebuild == null || reached == null ? 0 : Math.min(total, Math.max(0, reached - rebuild.from));
        // Axon counts a processor as replaying until it passes the head it had at the reset; the rebuild is done
        // once it has reached that head
        boolean rebuilding = rebuild != null && processed < total;
        String status = inPass
                ? "REBUILDING"
                : !processor.isRunning()
                        ? "STOPPED"
                        : rebuilding
                                ? "REBUILDING"
                                : (caughtUp || replaying) && reached != null && reached >= head
                                        ? "LIVE"
                                        : "CATCHING_UP";
        if (rebuild == null) {
            return new Status(readModel, status, reached, head, null, null, null, null, null, null, null, null);
        }
        if (!rebuilding && rebuild.doneAt == null) {
            rebuild = new Rebuild(rebuild.at, rebuild.from, rebuild.to, rebuild.by, rebuild.reason, Instant.now());
            rebuilds.put(readModel, rebuild);
        }
        Instant until = rebuild.doneAt == null ? Instant.now() : rebuild.doneAt;
        double seconds = Math.max(0.001, Duration.between(rebuild.at, until).toMillis() / 1000.0);
        double rate = processed / seconds;
        Long eta =
                !rebuilding ? Long.valueOf(0) : rate <= 0 ? null : Long.valueOf(Math.round((total - processed) / rate));
        return new Status(
                readModel,
                status,
                reached,
                head,
                processed,
                total,
                Math.round(rate * 10) / 10.0,
                eta,
                rebuild.at,
                rebuild.by,
                rebuild.reason,
                pass == null ? null : pass.failure());
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
