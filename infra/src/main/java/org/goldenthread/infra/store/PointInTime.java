package org.goldenthread.infra.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.PersonalDataVault;
import org.goldenthread.kernel.progress.FindProgress;
import org.goldenthread.kernel.progress.ProgressView;
import org.goldenthread.kernel.theme.BoardView;
import org.goldenthread.kernel.theme.FindBoard;
import org.goldenthread.query.progress.ProgressProjection;
import org.goldenthread.query.theme.BoardProjection;
import org.springframework.stereotype.Component;

/**
 * Views as they stood at an instant, for auditors: the programme's own events up to that instant (from the event
 * store, never a snapshot) replayed into a fresh instance of the view's projection, in a database of the read store
 * made for the question and dropped after it. The answer is the view's own assembly, so it is what a screen showed
 * then — but for words erased since, which stay erased. It costs a replay of the programme's history (a programme
 * of 10,000 statements takes seconds), so it is for audits, not screens. The board's {@code version} is then the
 * event's place in the programme's own stream, not in the whole store.
 */
@Component
public class PointInTime {

    private final EventStore events;
    private final MongoClient client;
    private final PersonalDataVault vault;

    public PointInTime(EventStore events, MongoClient client, PersonalDataVault vault) {
        this.events = events;
        this.client = client;
        this.vault = vault;
    }

    /** The board as it stood at {@code asOf}; null when the programme did not exist then. */
    public BoardView board(String programmeId, Category category, Instant asOf) {
        return at(
                programmeId,
                asOf,
                db -> new BoardProjection(
                        db, vault, SimpleQueryUpdateEmitter.builder().build()),
                p -> p.handle(new FindBoard(programmeId, category)));
    }

    /** The programme's progress as it stood at {@code asOf}; null when the programme did not exist then. */
    public ProgressView progress(String programmeId, Instant asOf) {
        return at(programmeId, asOf, ProgressProjection::new, p -> p.handle(new FindProgress(programmeId)));
    }

    private <P, R> R at(
            String programmeId, Instant asOf, Function<MongoDatabase, P> projection, Function<P, R> question) {
        MongoDatabase db =
                client.getDatabase("pit_" + UUID.randomUUID().toString().replace("-", ""));
        try {
            P view = projection.apply(db);
            AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(view);
            DomainEventStream stream = events.readEvents(programmeId, 0);
            boolean existed = false;
            long position = 0;
            while (stream.hasNext()) {
                DomainEventMessage<?> event = stream.next();
                if (event.getTimestamp().isAfter(asOf)) {
                    break;
                }
                existed = true;
                // handlers that take the event's token get its place in the programme's stream
                org.axonframework.eventhandling.TrackedEventMessage<?> tracked =
                        new org.axonframework.eventhandling.GenericTrackedDomainEventMessage<>(
                                new org.axonframework.eventhandling.GlobalSequenceTrackingToken(++position), event);
                if (adapter.canHandle(tracked)) {
                    adapter.handle(tracked);
                }
            }
            return existed ? question.apply(view) : null;
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        } finally {
            db.drop();
        }
    }
}
