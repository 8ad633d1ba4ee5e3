package org.goldenthread.query.learn;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.goldenthread.kernel.ActorMetaData;
import org.goldenthread.kernel.learn.*;
import org.goldenthread.query.readstore.QueuedWrites;
import org.goldenthread.query.readstore.ReadModelVersion;

/**
 * Learning and review: the process reviews ("what worked / what didn't", per perspective and cycle) and
 * the reports published. Documents are replaced whole by id, so a redelivered event changes nothing.
 */
@ReadModelVersion(2)
@ProcessingGroup(LearningProjection.PROCESSING_GROUP)
public class LearningProjection {

    public static final String PROCESSING_GROUP = "review";
    public static final String PROCESS_REVIEWS = "process_reviews";
    public static final String REPORTS = "reports";

    private final MongoDatabase database;

    public LearningProjection(MongoDatabase database) {
        this.database = database;
    }

    private MongoCollection<Document> reviews() {
        return database.getCollection(PROCESS_REVIEWS);
    }

    private MongoCollection<Document> reports() {
        return database.getCollection(REPORTS);
    }

    private static String actor(EventMessage<?> message) {
        Object actor = message.getMetaData().get(ActorMetaData.ACTOR);
        return actor == null ? null : actor.toString();
    }

    @EventHandler
    public void on(ProcessReviewRecorded e, EventMessage<?> message) {
        QueuedWrites.replaceOne(
                reviews(),
                Filters.eq("_id", docId(e.programmeId(), e.reviewId())),
                new Document("_id", docId(e.programmeId(), e.reviewId()))
                        .append("reviewId", e.reviewId())
                        .append("programmeId", e.programmeId())
                        .append("cycle", e.cycle())
                        .append(
                                "perspective",
                                e.perspective() == null ? null : e.perspective().name())
                        .append("working", e.working())
                        .append("notWorking", e.notWorking())
                        .append("recordedAt", Date.from(message.getTimestamp()))
                        .append("recordedBy", actor(message)),
                new ReplaceOptions().upsert(true));
    }

    @EventHandler
    public void on(ReportPublished e, EventMessage<?> message) {
        QueuedWrites.replaceOne(
                reports(),
                Filters.eq("_id", docId(e.programmeId(), e.reportId())),
                new Document("_id", docId(e.programmeId(), e.reportId()))
                        .append("reportId", e.reportId())
                        .append("programmeId", e.programmeId())
                        .append("cycle", e.cycle())
                        .append("publishedAt", Date.from(message.getTimestamp()))
                        .append("publishedBy", actor(message)),
                new ReplaceOptions().upsert(true));
    }

    /** Read-model ids are scoped by programme: two programmes may use the same ids (the demo's are fixed). */
    static String docId(String programmeId, String id) {
        return programmeId + "|" + id;
    }

    @ResetHandler
    public void reset() {
        reviews().drop();
        reports().drop();
    }

    @QueryHandler
    public List<ProcessReviewView> handle(FindProcessReviews query) {
        Bson filter = query.cycle() == null
                ? Filters.eq("programmeId", query.programmeId())
                : Filters.and(Filters.eq("programmeId", query.programmeId()), Filters.eq("cycle", query.cycle()));
        List<ProcessReviewView> out = new ArrayList<>();
        for (Document d : reviews().find(filter).sort(Sorts.ascending("recordedAt", "_id"))) {
            out.add(new ProcessReviewView(
                    d.getString("reviewId"),
                    d.getInteger("cycle", 1),
                    d.getString("perspective"),
                    d.getList("working", String.class, List.of()),
                    d.getList("notWorking", String.class, List.of()),
                    d.getDate("recordedAt").toInstant(),
                    d.getString("recordedBy")));
        }
        return out;
    }

    @QueryHandler
    public ReportView handle(FindReport query) {
        Document d = reports()
                .find(Filters.eq("_id", docId(query.programmeId(), query.reportId())))
                .first();
        return d == null
                ? null
                : new ReportView(
                        d.getString("programmeId"),
                        d.getString("reportId"),
                        d.getInteger("cycle", 1),
                        d.getDate("publishedAt").toInstant(),
                        d.getString("publishedBy"));
    }
}
