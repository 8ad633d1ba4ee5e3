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
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.goldenthread.query.readstore.Documents;
import org.goldenthread.query.readstore.QueuedWrites;
import org.goldenthread.query.readstore.ScopedId;

/**
 * The read model of the method's one vote, whatever is voted on: the theme vote of step 3 ({@link
 * VotingProjection}) and the ballots on root causes and ideas of steps 4 and 6 ({@code BallotProjection}) each keep
 * their votes here, in a collection of their own and under the field names they have always been stored with
 * ({@link Shape}).
 *
 * <p>One document per vote {@code {_id: programmeId|pollId, programmeId, <id>, status: OPEN|CLOSED,
 * votesPerParticipant, selectTop, <options>: [{<option>, <label>, …}] (as at opening, in order), votes:
 * [{participantId, <option>}] (a set), ranking: [{<option>, <label>, votes, rank}], <chosen>: [], tieAtCutoff, …}}.
 * Handlers are idempotent ({@code $set}, {@code $setOnInsert}, {@code $addToSet}, {@code $pull}; never {@code
 * $inc}); tallies are counted from the vote set when the view is built.
 */
public final class PollDocuments {

    static final String OPEN = "OPEN";
    static final String CLOSED = "CLOSED";

    /** The field names of one kind of vote. */
    public record Shape(String id, String options, String option, String label, String chosen) {

        /** Step 3: a voting round on themes. */
        public static final Shape THEMES = new Shape("votingId", "themes", "themeId", "title", "prioritisedThemeIds");

        /** Steps 4 and 6: a ballot on root causes or ideas. */
        public static final Shape OPTIONS = new Shape("ballotId", "options", "optionId", "label", "chosenOptionIds");
    }

    /** An option as offered when the vote opened; {@code statementIds} only for themes. */
    public record Option(String id, String label, List<String> statementIds) {}

    /** An option's place when the vote closed. */
    public record Ranked(String id, String label, int votes, int rank) {}

    /** A vote as stored, with its tallies counted. */
    public record Poll(
            String programmeId,
            String pollId,
            String status,
            int votesPerParticipant,
            int selectTop,
            List<Option> options,
            Map<String, Integer> votesFor,
            int votesCast,
            int participantsVoted,
            List<Ranked> ranking,
            List<String> chosen,
            boolean tieAtCutoff,
            Document stored) {

        public int votesFor(String optionId) {
            return votesFor.getOrDefault(optionId, 0);
        }
    }

    private final MongoDatabase database;
    private final String collection;
    private final Shape shape;

    public PollDocuments(MongoDatabase database, String collection, Shape shape) {
        this.database = database;
        this.collection = collection;
        this.shape = shape;
    }

    private MongoCollection<Document> polls() {
        return database.getCollection(collection);
    }

    public void reset() {
        polls().drop();
    }

    /** The vote opened: what is offered, and any further fields of its kind ({@code more}). */
    public void opened(
            String programmeId,
            String pollId,
            int votesPerParticipant,
            int selectTop,
            List<Option> options,
            Map<String, Object> more) {
        List<Document> offered = new ArrayList<>();
        for (Option o : options) {
            Document d = new Document(shape.option(), o.id()).append(shape.label(), o.label());
            if (o.statementIds() != null) {
                d.append("statementIds", o.statementIds());
            }
            offered.add(d);
        }
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.set("programmeId", programmeId),
                Updates.set(shape.id(), pollId),
                Updates.set("votesPerParticipant", votesPerParticipant),
                Updates.set("selectTop", selectTop),
                Updates.set(shape.options(), offered),
                Updates.setOnInsert("status", OPEN),
                Updates.setOnInsert("votes", List.of()),
                Updates.setOnInsert("ranking", List.of()),
                Updates.setOnInsert(shape.chosen(), List.of()),
                Updates.setOnInsert("tieAtCutoff", false)));
        more.forEach((field, value) -> updates.add(Updates.set(field, value)));
        QueuedWrites.updateOne(polls(), byId(programmeId, pollId), Updates.combine(updates), Documents.UPSERT);
    }

    public void cast(String programmeId, String pollId, String participantId, String optionId) {
        QueuedWrites.updateOne(
                polls(), byId(programmeId, pollId), Updates.addToSet("votes", vote(participantId, optionId)));
    }

    public void withdrawn(String programmeId, String pollId, String participantId, String optionId) {
        QueuedWrites.updateOne(
                polls(), byId(programmeId, pollId), Updates.pull("votes", vote(participantId, optionId)));
    }

    /** The vote closed: the ranking and the options chosen, and any further fields of its kind. */
    public void closed(
            String programmeId,
            String pollId,
            List<Ranked> ranking,
            List<String> chosen,
            boolean tieAtCutoff,
            Map<String, Object> more) {
        List<Document> ranked = new ArrayList<>();
        for (Ranked r : ranking) {
            ranked.add(new Document(shape.option(), r.id())
                    .append(shape.label(), r.label())
                    .append("votes", r.votes())
                    .append("rank", r.rank()));
        }
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.set("programmeId", programmeId),
                Updates.set(shape.id(), pollId),
                Updates.set("status", CLOSED),
                Updates.set("ranking", ranked),
                Updates.set(shape.chosen(), chosen),
                Updates.set("tieAtCutoff", tieAtCutoff)));
        more.forEach((field, value) -> updates.add(Updates.set(field, value)));
        QueuedWrites.updateOne(polls(), byId(programmeId, pollId), Updates.combine(updates), Documents.UPSERT);
    }

    /** The options one participant has a vote on now, in the order cast (votes, ballots and grids alike). */
    public List<String> votesOf(Poll poll, String participantId) {
        List<String> mine = new ArrayList<>();
        for (Document v : poll.stored().getList("votes", Document.class, List.of())) {
            if (participantId.equals(v.getString("participantId"))) {
                mine.add(v.getString(shape.option()));
            }
        }
        return mine;
    }

    /** The vote, once it has opened; empty when unknown or belonging to another programme. */
    public Optional<Poll> find(String programmeId, String pollId) {
        Document doc = polls().find(byId(programmeId, pollId)).first();
        if (doc == null || !programmeId.equals(doc.getString("programmeId")) || !doc.containsKey(shape.options())) {
            return Optional.empty();
        }
        List<Document> votes = doc.getList("votes", Document.class, List.of());
        Map<String, Integer> counts = new HashMap<>();
        Set<String> voters = new HashSet<>();
        for (Document v : votes) {
            counts.merge(v.getString(shape.option()), 1, Integer::sum);
            voters.add(v.getString("participantId"));
        }
        List<Option> options = new ArrayList<>();
        for (Document o : doc.getList(shape.options(), Document.class, List.of())) {
            List<String> statementIds = o.getList("statementIds", String.class);
            options.add(new Option(
                    o.getString(shape.option()),
                    o.getString(shape.label()),
                    statementIds == null ? null : List.copyOf(statementIds)));
        }
        boolean closed = CLOSED.equals(doc.getString("status"));
        List<Ranked> ranking = new ArrayList<>();
        if (closed) {
            for (Document r : doc.getList("ranking", Document.class, List.of())) {
                ranking.add(new Ranked(
                        r.getString(shape.option()),
                        r.getString(shape.label()),
                        r.getInteger("votes", 0),
                        r.getInteger("rank", 0)));
            }
        }
        return Optional.of(new Poll(
                doc.getString("programmeId"),
                doc.getString(shape.id()),
                doc.getString("status"),
                doc.getInteger("votesPerParticipant", 0),
                doc.getInteger("selectTop", 0),
                options,
                counts,
                votes.size(),
                voters.size(),
                ranking,
                closed ? List.copyOf(doc.getList(shape.chosen(), String.class, List.of())) : List.of(),
                closed && Boolean.TRUE.equals(doc.getBoolean("tieAtCutoff")),
                doc));
    }

    /** Read-model ids are scoped by programme: two programmes may use the same ids (the demo's are fixed). */
    private static Bson byId(String programmeId, String pollId) {
        return Filters.eq("_id", ScopedId.of(programmeId, pollId));
    }

    /** Field order is fixed so the same vote is always the same subdocument (set semantics). */
    private Document vote(String participantId, String optionId) {
        return new Document("participantId", participantId).append(shape.option(), optionId);
    }
}
