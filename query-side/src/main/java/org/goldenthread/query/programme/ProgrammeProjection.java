package org.goldenthread.query.programme;

import static org.goldenthread.query.readstore.Documents.UPSERT;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.PersonalDataVault;
import org.goldenthread.kernel.Perspective;
import org.goldenthread.kernel.collect.ReviewRecorded;
import org.goldenthread.kernel.collect.StatementFlaggedAsProfessionalLanguage;
import org.goldenthread.kernel.collect.StatementRecorded;
import org.goldenthread.kernel.programme.*;
import org.goldenthread.query.readstore.QueuedWrites;
import org.goldenthread.query.readstore.ReadModelVersion;

/**
 * Read model of step 1 (Prepare) and the collection figures of step 2 (Collect): purpose, level, sample plan,
 * participants, review and statement counts, the professional-language share, and the method's advisories.
 *
 * <p>Collections (owned end to end by this class):
 * <ul>
 *   <li>{@code programmes}: {@code {_id: programmeId, purpose, level, samplePlan: {what, how, who, where, when,
 *       quantity, populationSize}, participants: [{participantId, name, perspective, username}],
 *       forgottenPeople: [person]}}</li>
 *   <li>{@code programme_erasures}: {@code {_id: programmeId|person, status: PENDING|DONE, requestedAt, requestedBy,
 *       keyDestroyedAt}}</li>
 *   <li>{@code programme_statements}: {@code {_id: programmeId|statementId, programmeId, reviewId, person, category,
 * flagged}}
 *       — one small document per statement, so the figures come from one read of the programme's statements
 *       and the programme document stays small however many statements are collected.</li>
 * </ul>
 * Every handler is idempotent (upserts keyed by id, {@code $set}, {@code $addToSet}, {@code $pull}; never
 * {@code $inc}), so redelivered events leave the same state and the model can be rebuilt by replay.
 */
@ReadModelVersion(4)
@ProcessingGroup(ProgrammeProjection.PROCESSING_GROUP)
public class ProgrammeProjection {

    public static final String PROCESSING_GROUP = "programme";
    public static final String PROGRAMMES = "programmes";
    public static final String STATEMENTS = "programme_statements";
    public static final String ERASURES = "programme_erasures";

    private final MongoDatabase database;
    private final PersonalDataVault vault;

    public ProgrammeProjection(MongoDatabase database, PersonalDataVault vault) {
        this.database = database;
        this.vault = vault;
        createIndexes();
    }

    private MongoCollection<Document> programmes() {
        return database.getCollection(PROGRAMMES);
    }

    private MongoCollection<Document> erasures() {
        return database.getCollection(ERASURES);
    }

    private MongoCollection<Document> statements() {
        return database.getCollection(STATEMENTS);
    }

    private void createIndexes() {
        statements().createIndex(Indexes.ascending("programmeId", "category"));
        statements().createIndex(Indexes.ascending("programmeId", "flagged"));
        statements().createIndex(Indexes.ascending("programmeId", "reviewId"));
    }

    @ResetHandler
    public void reset() {
        programmes().drop();
        statements().drop();
        erasures().drop();
        createIndexes();
    }

    // ---- events ------------------------------------------------------------------------------------------

    @EventHandler
    public void on(ProgrammeLaunched e) {
        QueuedWrites.updateOne(
                programmes(),
                Filters.eq("_id", e.programmeId()),
                Updates.combine(
                        Updates.set("purpose", e.purpose()),
                        Updates.set(
                                "level", e.level() == null ? null : e.level().name())),
                UPSERT);
    }

    @EventHandler
    public void on(SamplePlanned e) {
        SamplePlan p = e.plan();
        Document plan = p == null
                ? null
                : new Document("what", p.what())
                        .append("how", p.how())
                        .append("who", p.who())
                        .append("where", p.where())
                        .append("when", p.when())
                        .append("quantity", p.quantity())
                        .append("populationSize", p.populationSize());
        QueuedWrites.updateOne(
                programmes(), Filters.eq("_id", e.programmeId()), Updates.set("samplePlan", plan), UPSERT);
    }

    @EventHandler
    public void on(ParticipantRegistered e) {
        Bson id = Filters.eq("_id", e.programmeId());
        // remove then add: a redelivered (or corrected) registration never duplicates the participant
        QueuedWrites.updateOne(
                programmes(),
                id,
                Updates.pull("participants", new Document("participantId", e.participantId())),
                UPSERT);
        Document sealedName = org.goldenthread.query.readstore.Documents.sealed(e.sealedName());
        QueuedWrites.updateOne(
                programmes(),
                id,
                Updates.push(
                        "participants",
                        new Document("participantId", e.participantId())
                                .append("name", e.name())
                                .append("sealedName", sealedName)
                                .append(
                                        "perspective",
                                        e.perspective() == null
                                                ? null
                                                : e.perspective().name())
                                .append("username", e.username())));
    }

    /**
     * A participant's name, opened from its sealed form ({@code [erased]} once forgotten); a plain one from older
     * events.
     */
    private String name(Document participant, java.util.Collection<String> forgottenParticipants) {
        Document sealed = participant.get("sealedName", Document.class);
        if (sealed == null) {
            return forgottenParticipants.contains(participant.getString("participantId"))
                    ? PersonalDataVault.ERASED
                    : participant.getString("name");
        }
        return org.goldenthread.query.readstore.Documents.open(vault, sealed).orElse(PersonalDataVault.ERASED);
    }

    @EventHandler
    public void on(
            ParticipantForgotten e,
            @org.axonframework.eventhandling.Timestamp java.time.Instant at,
            @org.axonframework.messaging.annotation.MetaDataValue(org.goldenthread.kernel.ActorMetaData.ACTOR)
                    String by) {
        QueuedWrites.updateOne(
                programmes(),
                Filters.eq("_id", e.programmeId()),
                Updates.addToSet("forgottenParticipants", e.participantId()),
                UPSERT);
        String subject = ParticipantRegistered.subject(e.participantId());
        erasureRequested(e.programmeId(), subject, at, by);
    }

    /** An erasure was asked for (of a person's words or a participant's name): PENDING until its key is destroyed. */
    private void erasureRequested(String programmeId, String subject, java.time.Instant at, String by) {
        QueuedWrites.updateOne(
                erasures(),
                Filters.eq("_id", statementDoc(programmeId, subject)),
                Updates.combine(
                        Updates.set("programmeId", programmeId),
                        Updates.set("person", subject),
                        Updates.set("requestedAt", java.util.Date.from(at)),
                        Updates.set("requestedBy", by),
                        Updates.setOnInsert("status", ErasureView.Status.PENDING.name())),
                UPSERT);
    }

    /** Read-model ids are scoped by programme: two programmes may use the same ids (the demo's are fixed). */
    static String statementDoc(String programmeId, String statementId) {
        return programmeId + "|" + statementId;
    }

    @EventHandler
    public void on(ReviewRecorded e) {
        for (String statementId : e.statementIds()) {
            QueuedWrites.updateOne(
                    statements(),
                    Filters.eq("_id", statementDoc(e.programmeId(), statementId)),
                    Updates.combine(
                            Updates.set("programmeId", e.programmeId()),
                            Updates.set("reviewId", e.reviewId()),
                            Updates.set("person", e.person())),
                    UPSERT);
        }
    }

    @EventHandler
    public void on(StatementRecorded e) {
        QueuedWrites.updateOne(
                statements(),
                Filters.eq("_id", statementDoc(e.programmeId(), e.statementId())),
                Updates.combine(
                        Updates.set("programmeId", e.programmeId()),
                        Updates.set("reviewId", e.reviewId()),
                        Updates.set("person", e.person()),
                        Updates.set("category", e.category().name()),
                        Updates.setOnInsert("flagged", false)),
                UPSERT);
    }

    @EventHandler
    public void on(StatementFlaggedAsProfessionalLanguage e) {
        QueuedWrites.updateOne(
                statements(),
                Filters.eq("_id", statementDoc(e.programmeId(), e.statementId())),
                Updates.combine(
                        Updates.set("programmeId", e.programmeId()),
                        Updates.set("category", e.category().name()),
                        Updates.set("flagged", true)),
                UPSERT);
    }

    @EventHandler
    public void on(
            PersonForgotten e,
            @org.axonframework.eventhandling.Timestamp java.time.Instant at,
            @org.axonframework.messaging.annotation.MetaDataValue(org.goldenthread.kernel.ActorMetaData.ACTOR)
                    String by) {
        QueuedWrites.updateOne(
                programmes(),
                Filters.eq("_id", e.programmeId()),
                Updates.addToSet("forgottenPeople", e.person()),
                UPSERT);
        erasureRequested(e.programmeId(), e.person(), at, by);
    }

    @EventHandler
    public void on(PersonKeyDestroyed e, @org.axonframework.eventhandling.Timestamp java.time.Instant at) {
        QueuedWrites.updateOne(
                erasures(),
                Filters.eq("_id", statementDoc(e.programmeId(), e.person())),
                Updates.combine(
                        Updates.set("programmeId", e.programmeId()), Updates.set("person", e.person()),
                        Updates.set("status", ErasureView.Status.DONE.name()),
                                Updates.set("keyDestroyedAt", java.util.Date.from(at))),
                UPSERT);
    }

    /** Where the person's erasure stands, or null when it was never asked for. */
    @QueryHandler
    public ErasureView handle(FindErasure query) {
        Document d = erasures()
                .find(Filters.eq("_id", statementDoc(query.programmeId(), query.person())))
                .first();
        if (d == null || d.getDate("requestedAt") == null) {
            return null;
        }
        java.util.Date destroyed = d.getDate("keyDestroyedAt");
        return new ErasureView(
                query.programmeId(),
                query.person(),
                ErasureView.Status.valueOf(d.getString("status")),
                d.getDate("requestedAt").toInstant(),
                d.getString("requestedBy"),
                destroyed == null ? null : destroyed.toInstant());
    }

    // ---- queries -----------------------------------------------------------------------------------------

    /** The programme, or null when no programme with that id was launched (infra maps null to 404). */
    @QueryHandler
    public ProgrammeView handle(FindProgramme query) {
        Document doc = programmes().find(Filters.eq("_id", query.programmeId())).first();
        if (doc == null || !doc.containsKey("purpose")) {
            return null;
        }
        String pid = query.programmeId();
        Level level = doc.getString("level") == null ? null : Level.valueOf(doc.getString("level"));
        SamplePlan plan = toPlan(doc.get("samplePlan", Document.class));

        List<ProgrammeView.Participant> participants = new ArrayList<>();
        List<String> forgottenParticipants = doc.getList("forgottenParticipants", String.class, List.of());
        List<Perspective> perspectives = new ArrayList<>();
        for (Document p : doc.getList("participants", Document.class, List.of())) {
            participants.add(new ProgrammeView.Participant(
                    p.getString("participantId"),
                    name(p, forgottenParticipants),
                    p.getString("perspective"),
                    p.getString("username")));
            if (p.getString("perspective") != null) {
                perspectives.add(Perspective.valueOf(p.getString("perspective")));
            }
        }

        Bson ofProgramme = Filters.eq("programmeId", pid);
        Map<String, Integer> byCategory = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            byCategory.put(c.name(), 0);
        }
        int total = 0;
        int flagged = 0;
        Set<String> reviewIds = new HashSet<>();
        // one read of the programme's statements, not a countDocuments per figure (see Documents.count)
        for (Document s : statements()
                .find(ofProgramme)
                .projection(Projections.include("category", "flagged", "reviewId"))
                .batchSize(10_000)) {
            if (s.get("reviewId") instanceof String review) {
                reviewIds.add(review);
            }
            Object category = s.get("category");
            if (category instanceof String c && byCategory.containsKey(c)) {
                byCategory.merge(c, 1, Integer::sum);
                total++;
            }
            if (s.containsKey("category") && Boolean.TRUE.equals(s.get("flagged"))) {
                flagged++;
            }
        }
        int reviews = reviewIds.size();
        double flaggedShare = total == 0 ? 0.0 : (double) flagged / total;
        int forgotten = doc.getList("forgottenPeople", String.class, List.of()).size();

        List<Advisory> advisories = new ArrayList<>();
        if (level != null) {
            advisories.addAll(Guidance.sample(level, plan, reviews));
        }
        advisories.addAll(Guidance.attendance(perspectives));

        return new ProgrammeView(
                pid,
                doc.getString("purpose"),
                level,
                plan,
                participants,
                reviews,
                total,
                byCategory,
                flagged,
                flaggedShare,
                forgotten,
                advisories);
    }

    @QueryHandler
    public List<ProgrammeSummary> handle(FindProgrammes query) {
        List<ProgrammeSummary> out = new ArrayList<>();
        for (Document doc : programmes().find(Filters.exists("purpose")).sort(Sorts.ascending("_id"))) {
            out.add(new ProgrammeSummary(
                    doc.getString("_id"),
                    doc.getString("purpose"),
                    doc.getString("level") == null ? null : Level.valueOf(doc.getString("level"))));
        }
        return out;
    }

    private static SamplePlan toPlan(Document d) {
        if (d == null) {
            return null;
        }
        return new SamplePlan(
                d.getString("what"),
                d.getString("how"),
                d.getString("who"),
                d.getString("where"),
                d.getString("when"),
                d.getInteger("quantity", 0),
                d.getInteger("populationSize", 0));
    }
}
