package org.goldenthread.query.vote;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.goldenthread.kernel.vote.FindVoting;
import org.goldenthread.kernel.vote.RankedTheme;
import org.goldenthread.kernel.vote.ThemeAtOpening;
import org.goldenthread.kernel.vote.VoteCast;
import org.goldenthread.kernel.vote.VoteWithdrawn;
import org.goldenthread.kernel.vote.VotingClosed;
import org.goldenthread.kernel.vote.VotingOpened;
import org.goldenthread.kernel.vote.VotingView;
import org.goldenthread.query.readstore.ReadModelVersion;

/**
 * Read model of the step 3 vote: a voting round on the NOT_WORKING themes, its tallies, and once closed the
 * ranking and the themes that go forward.
 *
 * <p>Collection {@code votings} (owned end to end by this class):
 * {@code {_id: programmeId|votingId, programmeId, votingId, status: OPEN|CLOSED, votesPerParticipant, selectTop,
 * themes: [{themeId, title, statementIds}] (as at opening, in order), votes: [{participantId, themeId}] (a set),
 * ranking: [{themeId, title, votes, rank}], prioritisedThemeIds: [], tieAtCutoff}}.
 * Handlers are idempotent ({@code $set}, {@code $setOnInsert}, {@code $addToSet}, {@code $pull}; never
 * {@code $inc}); tallies are counted from the vote set when the view is built.
 */
@ReadModelVersion(2)
@ProcessingGroup(VotingProjection.PROCESSING_GROUP)
public class VotingProjection {

    public static final String PROCESSING_GROUP = "voting";
    public static final String VOTINGS = "votings";
    static final String OPEN = "OPEN";
    static final String CLOSED = "CLOSED";

    private final MongoDatabase database;

    public VotingProjection(MongoDatabase database) {
        this.database = database;
    }

    private MongoCollection<Document> votings() {
        return database.getCollection(VOTINGS);
    }

    @ResetHandler
    public void reset() {
        votings().drop();
    }

    @EventHandler
    public void on(VotingOpened e) {
        List<Document> themes = new ArrayList<>();
        for (ThemeAtOpening t : e.themes()) {
            themes.add(new Document("themeId", t.themeId())
                    .append("title", t.title())
                    .append("statementIds", t.statementIds()));
        }
        votings()
                .updateOne(
                        Filters.eq("_id", docId(e.programmeId(), e.votingId())),
                        Updates.combine(
                                Updates.set("programmeId", e.programmeId()),
                                Updates.set("votingId", e.votingId()),
                                Updates.set("votesPerParticipant", e.votesPerParticipant()),
                                Updates.set("selectTop", e.selectTop()),
                                Updates.set("themes", themes),
                                Updates.setOnInsert("status", OPEN),
                                Updates.setOnInsert("votes", List.of()),
                                Updates.setOnInsert("ranking", List.of()),
                                Updates.setOnInsert("prioritisedThemeIds", List.of()),
                                Updates.setOnInsert("tieAtCutoff", false)),
                        org.goldenthread.query.readstore.Documents.UPSERT);
    }

    @EventHandler
    public void on(VoteCast e) {
        votings()
                .updateOne(
                        Filters.eq("_id", docId(e.programmeId(), e.votingId())),
                        Updates.addToSet("votes", vote(e.participantId(), e.themeId())));
    }

    @EventHandler
    public void on(VoteWithdrawn e) {
        votings()
                .updateOne(
                        Filters.eq("_id", docId(e.programmeId(), e.votingId())),
                        Updates.pull("votes", vote(e.participantId(), e.themeId())));
    }

    @EventHandler
    public void on(VotingClosed e) {
        List<Document> ranking = new ArrayList<>();
        for (RankedTheme r : e.ranking()) {
            ranking.add(new Document("themeId", r.themeId())
                    .append("title", r.title())
                    .append("votes", r.votes())
                    .append("rank", r.rank()));
        }
        votings()
                .updateOne(
                        Filters.eq("_id", docId(e.programmeId(), e.votingId())),
                        Updates.combine(
                                Updates.set("programmeId", e.programmeId()),
                                Updates.set("votingId", e.votingId()),
                                Updates.set("status", CLOSED),
                                Updates.set("ranking", ranking),
                                Updates.set("prioritisedThemeIds", e.prioritisedThemeIds()),
                                Updates.set("tieAtCutoff", e.tieAtCutoff())),
                        org.goldenthread.query.readstore.Documents.UPSERT);
    }

    /** Read-model ids are scoped by programme: two programmes may use the same ids (the demo's are fixed). */
    static String docId(String programmeId, String votingId) {
        return programmeId + "|" + votingId;
    }

    /** Field order is fixed so the same vote is always the same subdocument (set semantics). */
    private static Document vote(String participantId, String themeId) {
        return new Document("participantId", participantId).append("themeId", themeId);
    }

    /** The round, or null when unknown or belonging to another programme (infra maps null to 404). */
    @QueryHandler
    public VotingView handle(FindVoting query) {
        Document doc = votings()
                .find(Filters.eq("_id", docId(query.programmeId(), query.votingId())))
                .first();
        if (doc == null || !query.programmeId().equals(doc.getString("programmeId")) || !doc.containsKey("themes")) {
            return null;
        }
        List<Document> votes = doc.getList("votes", Document.class, List.of());
        Map<String, Integer> counts = new HashMap<>();
        Set<String> voters = new HashSet<>();
        for (Document v : votes) {
            counts.merge(v.getString("themeId"), 1, Integer::sum);
            voters.add(v.getString("participantId"));
        }
        List<VotingView.Tally> tallies = new ArrayList<>();
        for (Document t : doc.getList("themes", Document.class, List.of())) {
            tallies.add(new VotingView.Tally(
                    t.getString("themeId"),
                    t.getString("title"),
                    List.copyOf(t.getList("statementIds", String.class, List.of())),
                    counts.getOrDefault(t.getString("themeId"), 0)));
        }
        boolean closed = CLOSED.equals(doc.getString("status"));
        List<RankedTheme> ranking = new ArrayList<>();
        if (closed) {
            for (Document r : doc.getList("ranking", Document.class, List.of())) {
                ranking.add(new RankedTheme(
                        r.getString("themeId"),
                        r.getString("title"),
                        r.getInteger("votes", 0),
                        r.getInteger("rank", 0)));
            }
        }
        return new VotingView(
                doc.getString("programmeId"),
                doc.getString("votingId"),
                doc.getString("status"),
                doc.getInteger("votesPerParticipant", 0),
                doc.getInteger("selectTop", 0),
                tallies,
                votes.size(),
                voters.size(),
                ranking,
                closed ? List.copyOf(doc.getList("prioritisedThemeIds", String.class, List.of())) : List.of(),
                closed && Boolean.TRUE.equals(doc.getBoolean("tieAtCutoff")));
    }
}
