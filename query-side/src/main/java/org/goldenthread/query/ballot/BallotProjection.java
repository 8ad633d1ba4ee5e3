package org.goldenthread.query.ballot;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.goldenthread.kernel.ballot.*;
import org.goldenthread.query.readstore.ReadModelVersion;

/**
 * Read model of the votes of steps 4 and 6: a ballot among a prioritised theme's root causes or ideas, its
 * tallies, and once closed the ranking and the options chosen.
 *
 * <p>Collection {@code ballots} (owned end to end by this class):
 * {@code {_id: programmeId|ballotId, programmeId, ballotId, subject: ROOT_CAUSES|IDEAS, themeId, status: OPEN|CLOSED,
 * votesPerParticipant, selectTop, options: [{optionId, label}] (as at opening, in order),
 * votes: [{participantId, optionId}] (a set), ranking: [{optionId, label, votes, rank}], chosenOptionIds: [],
 * tieAtCutoff}}. Handlers are idempotent ({@code $set}, {@code $setOnInsert}, {@code $addToSet}, {@code $pull};
 * never {@code $inc}); tallies are counted from the vote set when the view is built.
 */
@ReadModelVersion(2)
@ProcessingGroup(BallotProjection.PROCESSING_GROUP)
public class BallotProjection {

    public static final String PROCESSING_GROUP = "ballot";
    public static final String BALLOTS = "ballots";
    static final String OPEN = "OPEN";
    static final String CLOSED = "CLOSED";

    private final MongoDatabase database;

    public BallotProjection(MongoDatabase database) {
        this.database = database;
    }

    private MongoCollection<Document> ballots() {
        return database.getCollection(BALLOTS);
    }

    @ResetHandler
    public void reset() {
        ballots().drop();
    }

    @EventHandler
    public void on(BallotOpened e) {
        List<Document> options = new ArrayList<>();
        for (BallotOption o : e.options()) {
            options.add(new Document("optionId", o.optionId()).append("label", o.label()));
        }
        ballots()
                .updateOne(
                        Filters.eq("_id", docId(e.programmeId(), e.ballotId())),
                        Updates.combine(
                                Updates.set("programmeId", e.programmeId()),
                                Updates.set("ballotId", e.ballotId()),
                                Updates.set(
                                        "subject",
                                        e.subject() == null ? null : e.subject().name()),
                                Updates.set("themeId", e.themeId()),
                                Updates.set("votesPerParticipant", e.votesPerParticipant()),
                                Updates.set("selectTop", e.selectTop()),
                                Updates.set("options", options),
                                Updates.setOnInsert("status", OPEN),
                                Updates.setOnInsert("votes", List.of()),
                                Updates.setOnInsert("ranking", List.of()),
                                Updates.setOnInsert("chosenOptionIds", List.of()),
                                Updates.setOnInsert("tieAtCutoff", false)),
                        org.goldenthread.query.readstore.Documents.UPSERT);
    }

    @EventHandler
    public void on(BallotVoteCast e) {
        ballots()
                .updateOne(
                        Filters.eq("_id", docId(e.programmeId(), e.ballotId())),
                        Updates.addToSet("votes", vote(e.participantId(), e.optionId())));
    }

    @EventHandler
    public void on(BallotVoteWithdrawn e) {
        ballots()
                .updateOne(
                        Filters.eq("_id", docId(e.programmeId(), e.ballotId())),
                        Updates.pull("votes", vote(e.participantId(), e.optionId())));
    }

    @EventHandler
    public void on(BallotClosed e) {
        List<Document> ranking = new ArrayList<>();
        for (RankedOption r : e.ranking()) {
            ranking.add(new Document("optionId", r.optionId())
                    .append("label", r.label())
                    .append("votes", r.votes())
                    .append("rank", r.rank()));
        }
        ballots()
                .updateOne(
                        Filters.eq("_id", docId(e.programmeId(), e.ballotId())),
                        Updates.combine(
                                Updates.set("programmeId", e.programmeId()),
                                Updates.set("ballotId", e.ballotId()),
                                Updates.set(
                                        "subject",
                                        e.subject() == null ? null : e.subject().name()),
                                Updates.set("themeId", e.themeId()),
                                Updates.set("status", CLOSED),
                                Updates.set("ranking", ranking),
                                Updates.set("chosenOptionIds", e.chosenOptionIds()),
                                Updates.set("tieAtCutoff", e.tieAtCutoff())),
                        org.goldenthread.query.readstore.Documents.UPSERT);
    }

    /** Field order is fixed so the same vote is always the same subdocument (set semantics). */
    /** Read-model ids are scoped by programme: two programmes may use the same ids (the demo's are fixed). */
    static String docId(String programmeId, String ballotId) {
        return programmeId + "|" + ballotId;
    }

    private static Document vote(String participantId, String optionId) {
        return new Document("participantId", participantId).append("optionId", optionId);
    }

    /** The ballot, or null when unknown or belonging to another programme (infra maps null to 404). */
    @QueryHandler
    public BallotView handle(FindBallot query) {
        Document doc = ballots()
                .find(Filters.eq("_id", docId(query.programmeId(), query.ballotId())))
                .first();
        if (doc == null || !query.programmeId().equals(doc.getString("programmeId")) || !doc.containsKey("options")) {
            return null;
        }
        List<Document> votes = doc.getList("votes", Document.class, List.of());
        Map<String, Integer> counts = new HashMap<>();
        for (Document v : votes) {
            counts.merge(v.getString("optionId"), 1, Integer::sum);
        }
        List<BallotView.Tally> tallies = new ArrayList<>();
        for (Document o : doc.getList("options", Document.class, List.of())) {
            tallies.add(new BallotView.Tally(
                    o.getString("optionId"), o.getString("label"), counts.getOrDefault(o.getString("optionId"), 0)));
        }
        boolean closed = CLOSED.equals(doc.getString("status"));
        List<RankedOption> ranking = new ArrayList<>();
        if (closed) {
            for (Document r : doc.getList("ranking", Document.class, List.of())) {
                ranking.add(new RankedOption(
                        r.getString("optionId"),
                        r.getString("label"),
                        r.getInteger("votes", 0),
                        r.getInteger("rank", 0)));
            }
        }
        String subject = doc.getString("subject");
        return new BallotView(
                doc.getString("programmeId"),
                doc.getString("ballotId"),
                subject == null ? null : BallotSubject.valueOf(subject),
                doc.getString("themeId"),
                doc.getString("status"),
                doc.getInteger("votesPerParticipant", 0),
                doc.getInteger("selectTop", 0),
                tallies,
                votes.size(),
                ranking,
                closed ? List.copyOf(doc.getList("chosenOptionIds", String.class, List.of())) : List.of(),
                closed && Boolean.TRUE.equals(doc.getBoolean("tieAtCutoff")));
    }
}
