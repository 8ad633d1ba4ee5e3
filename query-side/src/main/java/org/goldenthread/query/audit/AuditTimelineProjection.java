package org.goldenthread.query.audit;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.conversions.Bson;
import org.goldenthread.kernel.ActorMetaData;
import org.goldenthread.kernel.EventCatalogue;
import org.goldenthread.kernel.audit.AuditEntry;
import org.goldenthread.kernel.audit.AuditPage;
import org.goldenthread.kernel.audit.FindAuditTimeline;
import org.goldenthread.query.readstore.DocumentCollection;
import org.goldenthread.query.readstore.Documents;
import org.goldenthread.query.readstore.ReadModelVersion;

/**
 * The audit timeline: every event of every stream (a programme's, a contract's, an organisation's, an alignment's),
 * by construction — one handler takes every event, and its summary comes from the event catalogue (a template, or the
 * event's meaning), so an event type added later is in the timeline as soon as the catalogue knows it. Summaries are
 * made of the events' plain fields only: sealed words are never in the timeline.
 *
 * <p>Collection {@code audit}: one document per event, keyed by its position in the event store (idempotent; see
 * {@link Entry}).
 */
@ReadModelVersion(2)
@ProcessingGroup(AuditTimelineProjection.PROCESSING_GROUP)
public class AuditTimelineProjection {

    public static final String PROCESSING_GROUP = "audit";

    /** The subject of an act: the first of these fields the event has (most specific first). */
    static final List<String> SUBJECTS = List.of(
            "statementId",
            "causeId",
            "whyId",
            "successId",
            "measureId",
            "milestoneId",
            "planId",
            "ideaId",
            "itemId",
            "themeId",
            "votingId",
            "ballotId",
            "reviewId",
            "kpiId",
            "proposalId",
            "valueId",
            "participantId",
            "person",
            "username",
            "readModel",
            "contractId",
            "alignmentId",
            "organisationId",
            "programmeId");

    /**
     * One act. {@code id} is the event's position in the store, zero-padded so that its order is the events' order
     * (a rebuild appends to the end of the {@code _id} index instead of inserting at random places in it, as event
     * ids — random UUIDs — did: at 1,000,000 entries every insert read a cold index page); an event without a
     * position (fed directly, in tests) is keyed by its event id.
     */
    public record Entry(
            @BsonId String id,
            String eventId,
            Long position,
            String stream,
            String streamType,
            Long sequenceNumber,
            Instant at,
            String actor,
            String role,
            String type,
            String step,
            String subjectType,
            String subjectId,
            String summary,
            String correlationId,
            String traceId) {}

    private final DocumentCollection<Entry> entries;

    public AuditTimelineProjection(MongoDatabase database) {
        entries = new DocumentCollection<>(database, "audit", Entry.class, Entry::id);
        createIndexes();
    }

    private void createIndexes() {
        entries.collection().createIndex(Indexes.ascending("stream", "position"));
    }

    @ResetHandler
    public void reset() {
        entries.drop();
        createIndexes();
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> message) {
        TrackingToken token =
                message instanceof org.axonframework.eventhandling.TrackedEventMessage<?> t ? t.trackingToken() : null;
        Map<String, Object> fields = plainFields(payload);
        String stream = message instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : streamOf(fields);
        String streamType = message instanceof DomainEventMessage<?> d ? d.getType() : "Operations";
        Long sequence = message instanceof DomainEventMessage<?> d ? d.getSequenceNumber() : null;
        String subjectType = null;
        Object subjectId = null;
        for (String f : SUBJECTS) {
            if (fields.get(f) != null) {
                subjectType = f.endsWith("Id") ? f.substring(0, f.length() - 2) : f;
                subjectId = fields.get(f);
                break;
            }
        }
        String actor = meta(message, ActorMetaData.ACTOR);
        String role = meta(message, ActorMetaData.ROLE);
        String what = EventCatalogue.summary(payload.getClass(), fields);
        String pkg = payload.getClass().getPackageName();
        Long position = token == null ? null : token.position().orElse(-1);
        entries.put(new Entry(
                position == null || position < 0 ? "e:" + message.getIdentifier() : positionKey(position),
                message.getIdentifier(),
                position,
                stream,
                streamType,
                sequence,
                message.getTimestamp(),
                actor,
                role,
                payload.getClass().getSimpleName(),
                pkg.substring(pkg.lastIndexOf('.') + 1),
                subjectType,
                subjectId == null ? null : subjectId.toString(),
                (actor == null ? "" : role == null ? actor + " " : actor + " (" + role + ") ") + what,
                meta(message, "correlationId"),
                meta(message, "traceId")));
    }

    /** The stream of an event not stored as an aggregate's: the first owner it names, else operations. */
    private static String streamOf(Map<String, Object> fields) {
        for (String owner : List.of("programmeId", "contractId", "alignmentId", "organisationId")) {
            if (fields.get(owner) != null) {
                return fields.get(owner).toString();
            }
        }
        return "operations";
    }

    /** An entry's key from its position: zero-padded to 19 digits, so keys sort as positions do. */
    static String positionKey(long position) {
        String digits = Long.toString(position);
        return "0".repeat(19 - digits.length()) + digits;
    }

    private static String meta(EventMessage<?> message, String key) {
        Object v = message.getMetaData().get(key);
        return v == null ? null : v.toString();
    }

    /** The event's plain fields: texts, numbers, booleans, enums, dates — never records (sealed words are records). */
    static Map<String, Object> plainFields(Object payload) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!payload.getClass().isRecord()) {
            return out;
        }
        for (RecordComponent rc : payload.getClass().getRecordComponents()) {
            Class<?> t = rc.getType();
            if (t.isPrimitive()
                    || t == String.class
                    || Number.class.isAssignableFrom(t)
                    || t == Boolean.class
                    || t.isEnum()
                    || t.getName().startsWith("java.time.")) {
                try {
                    out.put(rc.getName(), rc.getAccessor().invoke(payload));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }

    @QueryHandler
    public AuditPage handle(FindAuditTimeline q) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("stream", q.stream()));
        if (q.from() != null) {
            filters.add(Filters.gte("at", q.from()));
        }
        if (q.to() != null) {
            filters.add(Filters.lte("at", q.to()));
        }
        if (q.actor() != null) {
            filters.add(Filters.eq("actor", q.actor()));
        }
        if (q.type() != null) {
            filters.add(Filters.eq("type", q.type()));
        }
        if (q.subject() != null) {
            filters.add(Filters.eq("subjectId", q.subject()));
        }
        Bson filter = Filters.and(filters);
        long total = Documents.count(entries.collection(), filter);
        var found = entries.collection().find(filter).sort(Sorts.ascending("position", "sequenceNumber"));
        if (q.size() > 0) {
            found = found.skip(q.page() * q.size()).limit(q.size());
        }
        List<AuditEntry> out = new ArrayList<>();
        for (Entry e : found) {
            out.add(new AuditEntry(
                    e.position() == null ? -1 : e.position(),
                    e.eventId() == null ? e.id() : e.eventId(),
                    e.stream(),
                    e.streamType(),
                    e.sequenceNumber() == null ? -1 : e.sequenceNumber(),
                    e.at(),
                    e.actor(),
                    e.role(),
                    e.type(),
                    e.step(),
                    e.subjectType(),
                    e.subjectId(),
                    e.summary(),
                    e.correlationId(),
                    e.traceId()));
        }
        return new AuditPage(out, total, q.page(), q.size());
    }
}
