package org.goldenthread.query.programme;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.goldenthread.kernel.ActorMetaData;
import org.goldenthread.kernel.programme.*;
import org.goldenthread.query.readstore.QueuedWrites;
import org.goldenthread.query.readstore.ReadModelVersion;

/**
 * Who belongs to which programme, in which role: the view every access check reads. A processor of its own, which
 * handles three kinds of event, so it stays at the head of the event store and a grant or revocation counts at once.
 *
 * <p>Collection {@code memberships}: {@code {_id: programmeId|username, programmeId, username, role, organisation,
 * since, grantedBy}}. Idempotent: a grant replaces the member's document, a revocation deletes it.
 */
@ReadModelVersion(1)
@ProcessingGroup(MembershipProjection.PROCESSING_GROUP)
public class MembershipProjection {

    public static final String PROCESSING_GROUP = "membership";
    public static final String MEMBERSHIPS = "memberships";

    private final MongoDatabase database;

    public MembershipProjection(MongoDatabase database) {
        this.database = database;
        createIndexes();
    }

    private MongoCollection<Document> memberships() {
        return database.getCollection(MEMBERSHIPS);
    }

    private void createIndexes() {
        memberships().createIndex(Indexes.ascending("programmeId"));
        memberships().createIndex(Indexes.ascending("username"));
    }

    @ResetHandler
    public void reset() {
        memberships().drop();
        createIndexes();
    }

    static String id(String programmeId, String username) {
        return programmeId + "|" + username;
    }

    @EventHandler
    public void on(MembershipGranted e, @Timestamp Instant at, @MetaDataValue(ActorMetaData.ACTOR) String by) {
        QueuedWrites.replaceOne(
                memberships(),
                Filters.eq("_id", id(e.programmeId(), e.username())),
                new Document("programmeId", e.programmeId())
                        .append("username", e.username())
                        .append("role", e.role().name())
                        .append("organisation", e.organisationName())
                        .append("since", Date.from(at))
                        .append("grantedBy", by),
                new ReplaceOptions().upsert(true));
    }

    @EventHandler
    public void on(MembershipRevoked e) {
        QueuedWrites.deleteOne(memberships(), Filters.eq("_id", id(e.programmeId(), e.username())));
    }

    @QueryHandler
    public List<MemberView> handle(FindMembers query) {
        return find(Filters.eq("programmeId", query.programmeId()));
    }

    @QueryHandler
    public List<MemberView> handle(FindMembership query) {
        return find(
                query.programmeId() == null
                        ? Filters.eq("username", query.username())
                        : Filters.eq("_id", id(query.programmeId(), query.username())));
    }

    private List<MemberView> find(Bson filter) {
        List<MemberView> out = new ArrayList<>();
        for (Document d : memberships().find(filter).sort(Sorts.ascending("_id"))) {
            Date since = d.getDate("since");
            out.add(new MemberView(
                    d.getString("programmeId"),
                    d.getString("username"),
                    MemberRole.valueOf(d.getString("role")),
                    d.getString("organisation"),
                    since == null ? null : since.toInstant(),
                    d.getString("grantedBy")));
        }
        return out;
    }
}
