package org.goldenthread.board;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.goldenthread.collect.StatementFlaggedAsProfessionalLanguage;
import org.goldenthread.collect.StatementRecorded;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.PersonalDataVault;
import org.goldenthread.kernel.SealedText;
import org.goldenthread.programme.PersonForgotten;
import org.goldenthread.programme.ProgrammeLaunched;
import org.goldenthread.theme.BoardView;
import org.goldenthread.theme.FindBoard;
import org.goldenthread.theme.StatementClustered;
import org.goldenthread.theme.StatementMoved;
import org.goldenthread.theme.StatementParked;
import org.goldenthread.theme.StatementUnparked;
import org.goldenthread.theme.ThemeCreated;
import org.goldenthread.theme.ThemeRenamed;
import org.goldenthread.theme.ThemeSplit;
import org.goldenthread.review.CycleStarted;
import org.goldenthread.theme.ThemesMerged;
import org.goldenthread.vote.VoteCast;
import org.goldenthread.vote.VoteWithdrawn;
import org.goldenthread.vote.VotingOpened;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Read model of step 3 (Theme): one theming board per programme and category, as the card call leaves it,
 * with the tallies of the latest NOT_WORKING voting round. Answers {@link FindBoard} (also as a subscription
 * query: every board change is emitted to matching live subscriptions).
 *
 * <p>Collection {@code boards} (owned end to end by this class) holds two kinds of document:
 * <ul>
 *   <li>programme marker {@code {_id: programmeId, kind: "programme", forgottenPeople: [person]}} — written on
 *       {@code ProgrammeLaunched} so an empty board of a known programme can be told from an unknown one;</li>
 *   <li>board {@code {_id: programmeId + ":" + category, kind: "board", programmeId, category,
 *       statements: {<key(statementId)>: {statementId, person, priority, text: {keyRef, cipherText}, flags: [],
 *       erased}}, unclustered: [statementId], parked: [statementId],
 *       themes: [{themeId, title, status: ACTIVE|RETIRED, statementIds: [], mergedInto, mergedFrom: [], splitFrom}],
 *       forgottenPeople: [person], voting: {votingId, votes: {<key(themeId)>: [participantId]}}, version}}.</li>
 * </ul>
 * Themes stay in creation order and are never removed; a retired (merged) theme keeps the statements it held
 * when it was merged, as lineage. {@code version} is the highest global event position applied ({@code $max}).
 * Words are kept sealed; they are opened only when a view is built, so destroying a person's key erases them.
 *
 * <p>Every handler is idempotent: upserts keyed by id, {@code $set}, {@code $addToSet}, {@code $pull},
 * {@code $max}, and "remove from every place, then add" for placements; never {@code $inc}.
 */
@ProcessingGroup(BoardProjection.PROCESSING_GROUP)
public class BoardProjection {

    public static final String PROCESSING_GROUP = "board";
    public static final String BOARDS = "boards";

    static final String ACTIVE = "ACTIVE";
    static final String RETIRED = "RETIRED";
    private static final String KIND_BOARD = "board";
    private static final String KIND_PROGRAMME = "programme";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    /** Array filter selecting only active themes, so retired themes keep their statements as lineage. */
    private static final UpdateOptions ACTIVE_THEMES = new UpdateOptions()
            .arrayFilters(List.of(Filters.eq("t.status", ACTIVE)));

    private final MongoDatabase database;
    private final PersonalDataVault vault;
    private final QueryUpdateEmitter emitter;

    public BoardProjection(MongoDatabase database, PersonalDataVault vault, QueryUpdateEmitter emitter) {
        this.database = database;
        this.vault = vault;
        this.emitter = emitter;
        createIndexes();
    }

    private MongoCollection<Document> boards() {
        return database.getCollection(BOARDS);
    }

    private void createIndexes() {
        boards().createIndex(Indexes.ascending("programmeId", "kind"));
    }

    @ResetHandler
    public void reset() {
        boards().drop();
        createIndexes();
    }

    static String boardId(String programmeId, Category category) {
        return programmeId + ":" + category.name();
    }

    /** Ids become field names; '.', '$' (and the escape '%') are escaped so any id is a safe key. */
    static String key(String id) {
        return id.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    private static long position(TrackingToken token) {
        return token == null ? 0L : token.position().orElse(0L);
    }

    // ---- events ------------------------------------------------------------------------------------------

    @EventHandler
    public void on(ProgrammeLaunched e) {
        boards().updateOne(Filters.eq("_id", e.programmeId()),
                Updates.setOnInsert("kind", KIND_PROGRAMME), UPSERT);
    }

    @EventHandler
    public void on(StatementRecorded e, TrackingToken token) {
        String id = touch(e.programmeId(), e.category(), token);
        String s = "statements." + key(e.statementId());
        SealedText text = e.text();
        boards().updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set(s + ".statementId", e.statementId()),
                Updates.set(s + ".person", e.person()),
                Updates.set(s + ".priority", e.priority()),
                Updates.set(s + ".text", text == null ? null
                        : new Document("keyRef", text.keyRef()).append("cipherText", text.cipherText()))));
        // a new statement starts unclustered — unless it has been placed already (redelivery)
        boards().updateOne(Filters.and(Filters.eq("_id", id),
                        Filters.ne("unclustered", e.statementId()),
                        Filters.ne("parked", e.statementId()),
                        Filters.ne("themes.statementIds", e.statementId())),
                Updates.push("unclustered", e.statementId()));
        publish(e.programmeId(), e.category());
    }

    @EventHandler
    public void on(StatementFlaggedAsProfessionalLanguage e, TrackingToken token) {
        String id = touch(e.programmeId(), e.category(), token);
        List<String> reasons = e.reasons() == null ? List.of() : e.reasons();
        boards().updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set("statements." + key(e.statementId()) + ".statementId", e.statementId()),
                Updates.addEachToSet("statements." + key(e.statementId()) + ".flags", reasons)));
        publish(e.programmeId(), e.category());
    }

    @EventHandler
    public void on(ThemeCreated e, TrackingToken token) {
        String id = touch(e.programmeId(), e.category(), token);
        addTheme(id, e.themeId(), e.title(), null);
        publish(e.programmeId(), e.category());
    }

    @EventHandler
    public void on(StatementClustered e, TrackingToken token) {
        String id = touch(e.programmeId(), e.category(), token);
        placeInTheme(id, e.themeId(), List.of(e.statementId()));
        publish(e.programmeId(), e.category());
    }

    @EventHandler
    public void on(StatementMoved e, TrackingToken token) {
        String id = touch(e.programmeId(), e.category(), token);
        placeInTheme(id, e.toThemeId(), List.of(e.statementId()));
        publish(e.programmeId(), e.category());
    }

    @EventHandler
    public void on(StatementParked e, TrackingToken token) {
        String id = touch(e.programmeId(), e.category(), token);
        removeEverywhere(id, List.of(e.statementId()));
        boards().updateOne(Filters.eq("_id", id), Updates.addToSet("parked", e.statementId()));
        publish(e.programmeId(), e.category());
    }

    @EventHandler
    public void on(StatementUnparked e, TrackingToken token) {
        String id = touch(e.programmeId(), e.category(), token);
        removeEverywhere(id, List.of(e.statementId()));
        boards().updateOne(Filters.eq("_id", id), Updates.addToSet("unclustered", e.statementId()));
        publish(e.programmeId(), e.category());
    }

    @EventHandler
    public void on(ThemeRenamed e, TrackingToken token) {
        String id = touch(e.programmeId(), e.category(), token);
        boards().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("themes.themeId", e.themeId())),
                Updates.set("themes.$.title", e.title()));
        publish(e.programmeId(), e.category());
    }

    @EventHandler
    public void on(ThemesMerged e, TrackingToken token) {
        String id = touch(e.programmeId(), e.category(), token);
        // retire the merged themes first: they keep the statements they held, as lineage
        for (String merged : e.mergedThemeIds()) {
            boards().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("themes.themeId", merged)),
                    Updates.combine(Updates.set("themes.$.status", RETIRED), Updates.set("themes.$.mergedInto", e.themeId())));
        }
        boards().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("themes.themeId", e.themeId())),
                Updates.addEachToSet("themes.$.mergedFrom", e.mergedThemeIds()));
        placeInTheme(id, e.themeId(), e.statementIds() == null ? List.of() : e.statementIds());
        publish(e.programmeId(), e.category());
    }

    @EventHandler
    public void on(ThemeSplit e, TrackingToken token) {
        String id = touch(e.programmeId(), e.category(), token);
        addTheme(id, e.newThemeId(), e.title(), e.themeId());
        placeInTheme(id, e.newThemeId(), e.statementIds() == null ? List.of() : e.statementIds());
        publish(e.programmeId(), e.category());
    }

    /**
     * A new cycle: each carried theme starts empty beside its retired predecessor (which keeps its
     * statements), and the last cycle's unclustered and parked statements leave the boards.
     */
    @EventHandler
    public void on(CycleStarted e, TrackingToken token) {
        for (CycleStarted.CarriedTheme carried : e.carriedThemes()) {
            String id = touch(e.programmeId(), carried.category(), token);
            boards().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("themes.themeId", carried.fromThemeId())),
                    Updates.combine(Updates.set("themes.$.status", RETIRED), Updates.set("themes.$.carriedInto", carried.themeId())));
            addTheme(id, carried.themeId(), carried.title(), null);
            boards().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("themes.themeId", carried.themeId())),
                    Updates.set("themes.$.carriedFrom", carried.fromThemeId()));
        }
        boards().updateMany(Filters.and(Filters.eq("kind", KIND_BOARD), Filters.eq("programmeId", e.programmeId())),
                Updates.combine(Updates.set("unclustered", List.of()), Updates.set("parked", List.of()),
                        Updates.max("version", position(token))));
        for (Category c : Category.values()) {
            publish(e.programmeId(), c);
        }
    }

    @EventHandler
    public void on(PersonForgotten e, TrackingToken token) {
        long position = position(token);
        boards().updateOne(Filters.eq("_id", e.programmeId()), Updates.combine(
                Updates.setOnInsert("kind", KIND_PROGRAMME),
                Updates.addToSet("forgottenPeople", e.person())), UPSERT);
        Bson ofProgramme = Filters.and(Filters.eq("kind", KIND_BOARD), Filters.eq("programmeId", e.programmeId()));
        List<Category> touched = new ArrayList<>();
        for (Document board : boards().find(ofProgramme).projection(Projections.include("category", "statements"))) {
            List<Bson> updates = new ArrayList<>();
            updates.add(Updates.addToSet("forgottenPeople", e.person()));
            updates.add(Updates.max("version", position));
            Document statements = board.get("statements", Document.class);
            if (statements != null) {
                for (String k : statements.keySet()) {
                    Document s = statements.get(k, Document.class);
                    if (e.person().equals(s.getString("person"))) {
                        // the words are unreadable once the key is destroyed; drop the ciphertext as well
                        updates.add(Updates.set("statements." + k + ".erased", true));
                        updates.add(Updates.unset("statements." + k + ".text"));
                    }
                }
            }
            boards().updateOne(Filters.eq("_id", board.getString("_id")), Updates.combine(updates));
            touched.add(Category.valueOf(board.getString("category")));
        }
        touched.forEach(c -> publish(e.programmeId(), c));
    }

    @EventHandler
    public void on(VotingOpened e, TrackingToken token) {
        String id = touch(e.programmeId(), Category.NOT_WORKING, token);
        // a new round starts with no votes; a redelivered opening of the current round keeps its votes
        boards().updateOne(Filters.and(Filters.eq("_id", id), Filters.ne("voting.votingId", e.votingId())),
                Updates.set("voting", new Document("votingId", e.votingId()).append("votes", new Document())));
        publish(e.programmeId(), Category.NOT_WORKING);
    }

    @EventHandler
    public void on(VoteCast e, TrackingToken token) {
        String id = touch(e.programmeId(), Category.NOT_WORKING, token);
        boards().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("voting.votingId", e.votingId())),
                Updates.addToSet("voting.votes." + key(e.themeId()), e.participantId()));
        publish(e.programmeId(), Category.NOT_WORKING);
    }

    @EventHandler
    public void on(VoteWithdrawn e, TrackingToken token) {
        String id = touch(e.programmeId(), Category.NOT_WORKING, token);
        boards().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("voting.votingId", e.votingId())),
                Updates.pull("voting.votes." + key(e.themeId()), e.participantId()));
        publish(e.programmeId(), Category.NOT_WORKING);
    }

    // ---- update building blocks (each idempotent) ----------------------------------------------------------

    /** Creates the board if needed and raises its version to the event's position; returns the board id. */
    private String touch(String programmeId, Category category, TrackingToken token) {
        String id = boardId(programmeId, category);
        boards().updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.setOnInsert("kind", KIND_BOARD),
                Updates.setOnInsert("programmeId", programmeId),
                Updates.setOnInsert("category", category.name()),
                Updates.setOnInsert("statements", new Document()),
                Updates.setOnInsert("unclustered", List.of()),
                Updates.setOnInsert("parked", List.of()),
                Updates.setOnInsert("themes", List.of()),
                Updates.max("version", position(token))), UPSERT);
        return id;
    }

    private void addTheme(String boardId, String themeId, String title, String splitFrom) {
        boards().updateOne(Filters.and(Filters.eq("_id", boardId), Filters.ne("themes.themeId", themeId)),
                Updates.push("themes", new Document("themeId", themeId).append("title", title)
                        .append("status", ACTIVE).append("statementIds", List.of())
                        .append("mergedInto", null).append("mergedFrom", List.of()).append("splitFrom", splitFrom)));
    }

    /** Removes the statements from the unclustered and parked piles and from every active theme. */
    private void removeEverywhere(String boardId, List<String> statementIds) {
        if (statementIds.isEmpty()) {
            return;
        }
        boards().updateOne(Filters.eq("_id", boardId), Updates.combine(
                Updates.pullAll("unclustered", statementIds),
                Updates.pullAll("parked", statementIds),
                Updates.pullAll("themes.$[t].statementIds", statementIds)), ACTIVE_THEMES);
    }

    /** Remove from every place, then append to the theme in the given order. */
    private void placeInTheme(String boardId, String themeId, List<String> statementIds) {
        if (statementIds.isEmpty()) {
            return;
        }
        removeEverywhere(boardId, statementIds);
        boards().updateOne(Filters.and(Filters.eq("_id", boardId), Filters.eq("themes.themeId", themeId)),
                Updates.pushEach("themes.$.statementIds", statementIds));
    }

    // ---- live updates ------------------------------------------------------------------------------------

    /** Emits the fresh board to matching subscriptions; builds it only when someone is watching. */
    private void publish(String programmeId, Category category) {
        if (!watched(programmeId, category)) {
            return;
        }
        BoardView view = handle(new FindBoard(programmeId, category));
        if (view != null) {
            emitter.emit(FindBoard.class,
                    q -> q.programmeId().equals(programmeId) && q.category() == category, view);
        }
    }

    private boolean watched(String programmeId, Category category) {
        if (emitter == null) {
            return false;
        }
        for (SubscriptionQueryMessage<?, ?, ?> m : emitter.activeSubscriptions()) {
            if (m.getPayload() instanceof FindBoard q
                    && programmeId.equals(q.programmeId()) && q.category() == category) {
                return true;
            }
        }
        return false;
    }

    // ---- query -------------------------------------------------------------------------------------------

    /**
     * The board; an empty board when the programme is known but nothing is on this board yet; null when the
     * programme is unknown to this projection (infra maps null to 404).
     */
    @QueryHandler
    public BoardView handle(FindBoard query) {
        Document board = boards().find(Filters.eq("_id", boardId(query.programmeId(), query.category()))).first();
        Document marker = boards().find(Filters.eq("_id", query.programmeId())).first();
        if (board == null) {
            return marker == null ? null
                    : new BoardView(query.programmeId(), query.category(), List.of(), List.of(), List.of(), List.of(), null, 0L);
        }
        Set<String> forgotten = new HashSet<>(board.getList("forgottenPeople", String.class, List.of()));
        if (marker != null) {
            forgotten.addAll(marker.getList("forgottenPeople", String.class, List.of()));
        }
        Document statements = board.get("statements", Document.class);
        if (statements == null) {
            statements = new Document();
        }
        Document voting = board.get("voting", Document.class);
        Document votes = voting == null ? new Document() : voting.get("votes", Document.class);
        if (votes == null) {
            votes = new Document();
        }

        List<BoardView.Theme> themes = new ArrayList<>();
        List<BoardView.Theme> retired = new ArrayList<>();
        for (Document t : board.getList("themes", Document.class, List.of())) {
            String themeId = t.getString("themeId");
            BoardView.Theme theme = new BoardView.Theme(themeId, t.getString("title"),
                    statementsOf(t.getList("statementIds", String.class, List.of()), statements, forgotten),
                    t.getString("status"), t.getString("mergedInto"),
                    List.copyOf(t.getList("mergedFrom", String.class, List.of())), t.getString("splitFrom"),
                    votes.getList(key(themeId), String.class, List.of()).size(),
                    t.getString("carriedFrom"), t.getString("carriedInto"));
            (RETIRED.equals(t.getString("status")) ? retired : themes).add(theme);
        }
        Number version = board.get("version", Number.class);
        return new BoardView(query.programmeId(), query.category(), themes,
                statementsOf(board.getList("unclustered", String.class, List.of()), statements, forgotten),
                statementsOf(board.getList("parked", String.class, List.of()), statements, forgotten),
                retired, voting == null ? null : voting.getString("votingId"),
                version == null ? 0L : version.longValue());
    }

    private List<BoardView.Statement> statementsOf(List<String> ids, Document statements, Set<String> forgotten) {
        List<BoardView.Statement> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            Document s = statements.get(key(id), Document.class);
            if (s == null) {
                s = new Document();
            }
            String person = s.getString("person");
            Optional<String> words = Optional.empty();
            boolean erased = Boolean.TRUE.equals(s.getBoolean("erased")) || (person != null && forgotten.contains(person));
            Document sealed = s.get("text", Document.class);
            if (!erased && sealed != null) {
                words = vault.open(new SealedText(sealed.getString("keyRef"), sealed.getString("cipherText")));
            }
            erased = erased || words.isEmpty();
            out.add(new BoardView.Statement(id, person, s.getInteger("priority", 0),
                    erased ? PersonalDataVault.ERASED : words.get(), erased,
                    List.copyOf(s.getList("flags", String.class, List.of()))));
        }
        return out;
    }
}
