package org.goldenthread.query.theme;

import static org.goldenthread.query.readstore.Documents.UPSERT;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.PersonalDataVault;
import org.goldenthread.kernel.SealedText;
import org.goldenthread.kernel.collect.StatementFlaggedAsProfessionalLanguage;
import org.goldenthread.kernel.collect.StatementRecorded;
import org.goldenthread.kernel.programme.PersonForgotten;
import org.goldenthread.kernel.programme.ProgrammeLaunched;
import org.goldenthread.kernel.review.CycleStarted;
import org.goldenthread.kernel.theme.BoardView;
import org.goldenthread.kernel.theme.FindBoard;
import org.goldenthread.kernel.theme.StatementClustered;
import org.goldenthread.kernel.theme.StatementMoved;
import org.goldenthread.kernel.theme.StatementParked;
import org.goldenthread.kernel.theme.StatementUnparked;
import org.goldenthread.kernel.theme.ThemeCreated;
import org.goldenthread.kernel.theme.ThemeRenamed;
import org.goldenthread.kernel.theme.ThemeSplit;
import org.goldenthread.kernel.theme.ThemesMerged;
import org.goldenthread.kernel.vote.VoteCast;
import org.goldenthread.kernel.vote.VoteWithdrawn;
import org.goldenthread.kernel.vote.VotingOpened;

/**
 * Read model of step 3 (Theme): one theming board per programme and category, as the card call leaves it,
 * with the tallies of the latest NOT_WORKING voting round. Answers {@link FindBoard} (also as a subscription
 * query: every board change is emitted to matching live subscriptions).
 *
 * <p>A POPULATION programme puts thousands of statements on one board, so no document grows with the board:
 * every event reads and writes only small documents, always by {@code _id} (the only lookup mongo-java-server
 * serves from an index). Collections, all owned end to end by this class:
 * <ul>
 *   <li>{@code boards}: the programme marker {@code {_id: programmeId, kind: "programme", forgottenPeople:
 *       [person]}} — written on {@code ProgrammeLaunched} so an empty board of a known programme can be told from
 *       an unknown one — and one small document per board {@code {_id: programmeId + ":" + category, kind:
 *       "board", programmeId, category, version, themeIds: [themeId] (creation order), chunks: [n],
 *       voting: {at, votingId}}};</li>
 *   <li>{@code board_members}: the board's statement ids in recording order, in chunks of
 *       {@value #CHUNK} global positions {@code {_id: boardId + "|" + n, boardId, chunk: n, statementIds: []}}
 *       (n = position / {@value #CHUNK}, listed in the board's {@code chunks}), so FindBoard reads the members
 *       with one {@code _id $in} and no append rewrites a long array;</li>
 *   <li>{@code board_statements}: {@code {_id: programmeId + "|" + statementId, programmeId, statementId,
 *       category, person, priority, text: {keyRef, cipherText}, flags: [], erased,
 *       placement: {at, seq, kind: UNCLUSTERED|PARKED|THEME|OFF, themeId}}} — {@code at} is the global position
 *       of the event that placed the statement and {@code seq} its index in that event's list: the order key of
 *       every pile and theme;</li>
 *   <li>{@code board_themes}: {@code {_id: programmeId + "|" + themeId, programmeId, category, themeId, title,
 *       status: ACTIVE|RETIRED, createdAt, mergedInto, mergedFrom: [], splitFrom, carriedFrom, carriedInto,
 *       heldWhenRetired: [statementId]}} — a retired theme keeps, as lineage, the statements it held when it
 *       was retired (merged, or carried into the next cycle), written once;</li>
 *   <li>{@code board_people}: {@code {_id: programmeId + "|" + person, statementIds: [], forgotten}}, so forgetting
 *       a person updates exactly their statements by {@code _id $in};</li>
 *   <li>{@code board_votes}: one round {@code {_id: programmeId + "|" + votingId, votes: {<key(themeId)>:
 *       [participantId]}}}; the board shows the round in its {@code voting}.</li>
 * </ul>
 * {@code version} is the highest global event position applied ({@code $max}). Words are kept sealed; they are
 * opened only when a view is built, so destroying a person's key erases them.
 *
 * <p>Every handler is idempotent and tolerates events of different aggregates arriving out of order (pooled
 * processors run segments in parallel): upserts keyed by id, {@code $set}, {@code $setOnInsert},
 * {@code $addToSet}, {@code $pull}, {@code $max}; never {@code $inc}. A placement is written with {@code $max} on
 * {@code {at, seq, kind, themeId}}, so the latest placing event wins whatever the delivery order, and a
 * redelivered event writes the same value again.
 */
@ProcessingGroup(BoardProjection.PROCESSING_GROUP)
public class BoardProjection {

    public static final String PROCESSING_GROUP = "board";
    public static final String BOARDS = "boards";
    public static final String MEMBERS = "board_members";
    public static final String STATEMENTS = "board_statements";
    public static final String THEMES = "board_themes";
    public static final String PEOPLE = "board_people";
    public static final String VOTES = "board_votes";
    private static final List<String> COLLECTIONS = List.of(BOARDS, MEMBERS, STATEMENTS, THEMES, PEOPLE, VOTES);

    static final String ACTIVE = "ACTIVE";
    static final String RETIRED = "RETIRED";
    static final String UNCLUSTERED = "UNCLUSTERED";
    static final String PARKED = "PARKED";
    static final String THEME = "THEME";
    /** Left the board: an unclustered or parked statement when a new cycle starts. */
    static final String OFF = "OFF";
    /** Global positions per membership chunk. */
    static final int CHUNK = 1024;
    /** Ids per {@code _id $in} query. */
    static final int IN_BATCH = 128;

    private static final String KIND_BOARD = "board";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BoardProjection.class);
    private static final String PUBLISH_KEY = BoardProjection.class.getName() + ".changedBoards";
    private static final String KIND_PROGRAMME = "programme";
    private static final FindOneAndUpdateOptions UPSERT_AFTER =
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);

    private final MongoDatabase database;
    private final PersonalDataVault vault;
    private final QueryUpdateEmitter emitter;

    public BoardProjection(MongoDatabase database, PersonalDataVault vault, QueryUpdateEmitter emitter) {
        this.database = database;
        this.vault = vault;
        this.emitter = emitter;
    }

    private MongoCollection<Document> boards() {
        return database.getCollection(BOARDS);
    }

    private MongoCollection<Document> members() {
        return database.getCollection(MEMBERS);
    }

    private MongoCollection<Document> statements() {
        return database.getCollection(STATEMENTS);
    }

    private MongoCollection<Document> themes() {
        return database.getCollection(THEMES);
    }

    private MongoCollection<Document> people() {
        return database.getCollection(PEOPLE);
    }

    private MongoCollection<Document> votes() {
        return database.getCollection(VOTES);
    }

    @ResetHandler
    public void reset() {
        COLLECTIONS.forEach(c -> database.getCollection(c).drop());
    }

    static String boardId(String programmeId, Category category) {
        return programmeId + ":" + category.name();
    }

    static String statementDoc(String programmeId, String statementId) {
        return programmeId + "|" + statementId;
    }

    static String themeDoc(String programmeId, String themeId) {
        return programmeId + "|" + themeId;
    }

    private static String membersDoc(String boardId, long chunk) {
        return boardId + "|" + chunk;
    }

    /** Ids become field names; '.', '$' (and the escape '%') are escaped so any id is a safe key. */
    static String key(String id) {
        return org.goldenthread.query.readstore.Documents.fieldKey(id);
    }

    private static long position(TrackingToken token) {
        return token == null ? 0L : token.position().orElse(0L);
    }

    private static boolean positioned(TrackingToken token) {
        return token != null && token.position().isPresent();
    }

    private static Bson eqId(String id) {
        return Filters.eq("_id", id);
    }

    /**
     * The documents with these ids, by {@code _id $in} in batches: mongo-java-server serves {@code $in} from the
     * {@code _id} index but matches every found document against the whole list again, so one {@code $in} of k ids
     * costs O(k²) (3,300 ids: ≈ 400 ms; in batches of {@value #IN_BATCH}: ≈ 40 ms).
     */
    private static List<Document> findByIds(MongoCollection<Document> collection, List<String> ids) {
        List<Document> out = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += IN_BATCH) {
            collection
                    .find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + IN_BATCH))))
                    .into(out);
        }
        return out;
    }

    /** Applies the update to the documents with these ids, by {@code _id $in} in batches (see {@link #findByIds}). */
    private static void updateByIds(MongoCollection<Document> collection, List<String> ids, Bson update) {
        for (int from = 0; from < ids.size(); from += IN_BATCH) {
            collection.updateMany(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + IN_BATCH))), update);
        }
    }

    // ---- events ------------------------------------------------------------------------------------------

    @EventHandler
    public void on(ProgrammeLaunched e) {
        boards().updateOne(eqId(e.programmeId()), Updates.setOnInsert("kind", KIND_PROGRAMME), UPSERT);
    }

    @EventHandler
    public void on(StatementRecorded e, TrackingToken token) {
        String programmeId = e.programmeId();
        // the person's statement list; tells whether they have been forgotten already
        Document person = e.person() == null
                ? null
                : people().findOneAndUpdate(
                                eqId(programmeId + "|" + e.person()),
                                Updates.combine(
                                        Updates.setOnInsert("programmeId", programmeId),
                                        Updates.setOnInsert("person", e.person()),
                                        Updates.addToSet("statementIds", e.statementId())),
                                UPSERT_AFTER);
        boolean forgotten = person != null && Boolean.TRUE.equals(person.getBoolean("forgotten"));
        SealedText text = e.text();
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.set("person", e.person()));
        updates.add(Updates.set("priority", e.priority()));
        if (forgotten) {
            updates.add(Updates.set("erased", true));
            updates.add(Updates.unset("text"));
        } else {
            updates.add(Updates.set("text", org.goldenthread.query.readstore.Documents.sealed(text)));
        }
        // a new statement starts unclustered — unless a later event has placed it already
        updates.add(placement(token, 0, UNCLUSTERED, null));
        updateStatement(programmeId, e.category(), e.statementId(), updates);
        String board = boardId(programmeId, e.category());
        long chunk = addMember(board, token, e.statementId());
        touch(programmeId, e.category(), token, Updates.addToSet("chunks", chunk));
        publish(programmeId, e.category());
    }

    @EventHandler
    public void on(StatementFlaggedAsProfessionalLanguage e, TrackingToken token) {
        List<String> reasons = e.reasons();
        updateStatement(
                e.programmeId(), e.category(), e.statementId(), List.of(Updates.addEachToSet("flags", reasons)));
        touch(e.programmeId(), e.category(), token);
        publish(e.programmeId(), e.category());
    }

    @EventHandler
    public void on(ThemeCreated e, TrackingToken token) {
        addTheme(e.programmeId(), e.category(), e.themeId(), e.title(), null, token);
        touch(e.programmeId(), e.category(), token, Updates.addToSet("themeIds", e.themeId()));
        publish(e.programmeId(), e.category());
    }

    @EventHandler
    public void on(StatementClustered e, TrackingToken token) {
        place(e.programmeId(), e.category(), List.of(e.statementId()), THEME, e.themeId(), token);
        publish(e.programmeId(), e.category());
    }

    @EventHandler
    public void on(StatementMoved e, TrackingToken token) {
        place(e.programmeId(), e.category(), List.of(e.statementId()), THEME, e.toThemeId(), token);
        publish(e.programmeId(), e.category());
    }

    @EventHandler
    public void on(StatementParked e, TrackingToken token) {
        place(e.programmeId(), e.category(), List.of(e.statementId()), PARKED, null, token);
        publish(e.programmeId(), e.category());
    }

    @EventHandler
    public void on(StatementUnparked e, TrackingToken token) {
        place(e.programmeId(), e.category(), List.of(e.statementId()), UNCLUSTERED, null, token);
        publish(e.programmeId(), e.category());
    }

    @EventHandler
    public void on(ThemeRenamed e, TrackingToken token) {
        themes().updateOne(eqId(themeDoc(e.programmeId(), e.themeId())), Updates.set("title", e.title()));
        touch(e.programmeId(), e.category(), token);
        publish(e.programmeId(), e.category());
    }

    @EventHandler
    public void on(ThemesMerged e, TrackingToken token) {
        String programmeId = e.programmeId();
        List<String> mergedIds = e.mergedThemeIds();
        touch(programmeId, e.category(), token);
        // retire the merged themes first: they keep the statements they held, as lineage
        Map<String, List<Bson>> retiring = new LinkedHashMap<>();
        for (String merged : mergedIds) {
            retiring.put(merged, List.of(Updates.set("mergedInto", e.themeId())));
        }
        retire(programmeId, e.category(), retiring);
        themes().updateOne(eqId(themeDoc(programmeId, e.themeId())), Updates.addEachToSet("mergedFrom", mergedIds));
        place(programmeId, e.category(), e.statementIds(), THEME, e.themeId(), token);
        publish(programmeId, e.category());
    }

    @EventHandler
    public void on(ThemeSplit e, TrackingToken token) {
        addTheme(e.programmeId(), e.category(), e.newThemeId(), e.title(), e.themeId(), token);
        touch(e.programmeId(), e.category(), token, Updates.addToSet("themeIds", e.newThemeId()));
        place(e.programmeId(), e.category(), e.statementIds(), THEME, e.newThemeId(), token);
        publish(e.programmeId(), e.category());
    }

    /**
     * A new cycle: each carried theme starts empty beside its retired predecessor (which keeps its
     * statements), and the last cycle's unclustered and parked statements leave the boards.
     */
    @EventHandler
    public void on(CycleStarted e, TrackingToken token) {
        String programmeId = e.programmeId();
        Map<Category, List<CycleStarted.CarriedTheme>> carriedBy = new LinkedHashMap<>();
        for (CycleStarted.CarriedTheme carried : e.carriedThemes()) {
            carriedBy
                    .computeIfAbsent(carried.category(), c -> new ArrayList<>())
                    .add(carried);
        }
        for (Map.Entry<Category, List<CycleStarted.CarriedTheme>> entry : carriedBy.entrySet()) {
            Category category = entry.getKey();
            List<String> newIds = entry.getValue().stream()
                    .map(CycleStarted.CarriedTheme::themeId)
                    .toList();
            touch(programmeId, category, token, Updates.addEachToSet("themeIds", newIds));
            Map<String, List<Bson>> retiring = new LinkedHashMap<>();
            for (CycleStarted.CarriedTheme carried : entry.getValue()) {
                retiring.put(carried.fromThemeId(), List.of(Updates.set("carriedInto", carried.themeId())));
            }
            retire(programmeId, category, retiring);
            for (CycleStarted.CarriedTheme carried : entry.getValue()) {
                addTheme(programmeId, category, carried.themeId(), carried.title(), null, token);
                themes().updateOne(
                                eqId(themeDoc(programmeId, carried.themeId())),
                                Updates.set("carriedFrom", carried.fromThemeId()));
            }
        }
        // the piles leave every existing board of the programme
        List<String> existing = existingBoards(programmeId);
        for (String board : existing) {
            Loaded loaded = load(boards().find(eqId(board)).first());
            List<String> leaving = new ArrayList<>();
            for (String statementId : loaded.ordered) {
                String kind = kindOf(loaded.statements.get(statementId));
                if (UNCLUSTERED.equals(kind) || PARKED.equals(kind)) {
                    leaving.add(statementDoc(programmeId, statementId));
                }
            }
            updateByIds(statements(), leaving, placement(token, 0, OFF, null));
        }
        if (!existing.isEmpty()) {
            boards().updateMany(Filters.in("_id", existing), Updates.max("version", position(token)));
        }
        for (Category c : Category.values()) {
            publish(programmeId, c);
        }
    }

    @EventHandler
    public void on(PersonForgotten e, TrackingToken token) {
        String programmeId = e.programmeId();
        boards().updateOne(
                        eqId(programmeId),
                        Updates.combine(
                                Updates.setOnInsert("kind", KIND_PROGRAMME),
                                Updates.addToSet("forgottenPeople", e.person())),
                        UPSERT);
        Document person = people().findOneAndUpdate(
                        eqId(programmeId + "|" + e.person()),
                        Updates.combine(
                                Updates.setOnInsert("programmeId", programmeId),
                                Updates.setOnInsert("person", e.person()),
                                Updates.set("forgotten", true)),
                        UPSERT_AFTER);
        List<String> ids = person == null
                ? List.of()
                : person.getList("statementIds", String.class, List.of()).stream()
                        .map(s -> statementDoc(programmeId, s))
                        .toList();
        // the words are unreadable once the key is destroyed; drop the ciphertext as well
        updateByIds(statements(), ids, Updates.combine(Updates.set("erased", true), Updates.unset("text")));
        List<String> existing = existingBoards(programmeId);
        if (!existing.isEmpty()) {
            boards().updateMany(Filters.in("_id", existing), Updates.max("version", position(token)));
        }
        for (Category c : Category.values()) {
            if (existing.contains(boardId(programmeId, c))) {
                publish(programmeId, c);
            }
        }
    }

    @EventHandler
    public void on(VotingOpened e, TrackingToken token) {
        // the latest round (by position) is the board's; a round's votes live in its own document
        Document voting = new Document("at", position(token)).append("votingId", e.votingId());
        touch(
                e.programmeId(),
                Category.NOT_WORKING,
                token,
                positioned(token) ? Updates.max("voting", voting) : Updates.set("voting", voting));
        publish(e.programmeId(), Category.NOT_WORKING);
    }

    @EventHandler
    public void on(VoteCast e, TrackingToken token) {
        votes().updateOne(
                        eqId(e.programmeId() + "|" + e.votingId()),
                        Updates.combine(
                                Updates.setOnInsert("programmeId", e.programmeId()),
                                Updates.setOnInsert("votingId", e.votingId()),
                                Updates.addToSet("votes." + key(e.themeId()), e.participantId())),
                        UPSERT);
        touch(e.programmeId(), Category.NOT_WORKING, token);
        publish(e.programmeId(), Category.NOT_WORKING);
    }

    @EventHandler
    public void on(VoteWithdrawn e, TrackingToken token) {
        votes().updateOne(
                        eqId(e.programmeId() + "|" + e.votingId()),
                        Updates.pull("votes." + key(e.themeId()), e.participantId()));
        touch(e.programmeId(), Category.NOT_WORKING, token);
        publish(e.programmeId(), Category.NOT_WORKING);
    }

    // ---- update building blocks (each idempotent) ----------------------------------------------------------

    /** Creates the board if needed and raises its version to the event's position, with any further updates. */
    private void touch(String programmeId, Category category, TrackingToken token, Bson... more) {
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.setOnInsert("kind", KIND_BOARD),
                Updates.setOnInsert("programmeId", programmeId),
                Updates.setOnInsert("category", category.name()),
                Updates.max("version", position(token))));
        updates.addAll(List.of(more));
        boards().updateOne(eqId(boardId(programmeId, category)), Updates.combine(updates), UPSERT);
    }

    /** The ids of the programme's boards that exist. */
    private List<String> existingBoards(String programmeId) {
        List<String> ids = new ArrayList<>();
        for (Category c : Category.values()) {
            ids.add(boardId(programmeId, c));
        }
        List<String> existing = new ArrayList<>();
        for (Document d : boards().find(Filters.in("_id", ids)).projection(new Document("_id", 1))) {
            existing.add(d.getString("_id"));
        }
        return existing;
    }

    /** Upserts a statement's document; true when this created it. */
    private boolean updateStatement(String programmeId, Category category, String statementId, List<Bson> updates) {
        List<Bson> all = new ArrayList<>(updates);
        all.add(Updates.setOnInsert("programmeId", programmeId));
        all.add(Updates.setOnInsert("statementId", statementId));
        all.add(Updates.setOnInsert("category", category == null ? null : category.name()));
        return statements()
                        .updateOne(eqId(statementDoc(programmeId, statementId)), Updates.combine(all), UPSERT)
                        .getUpsertedId()
                != null;
    }

    /** Lists the statement among the board's members, in the chunk of the event's position; returns the chunk. */
    private long addMember(String boardId, TrackingToken token, String statementId) {
        long chunk = position(token) / CHUNK;
        members()
                .updateOne(
                        eqId(membersDoc(boardId, chunk)),
                        Updates.combine(
                                Updates.setOnInsert("boardId", boardId),
                                Updates.setOnInsert("chunk", chunk),
                                Updates.addToSet("statementIds", statementId)),
                        UPSERT);
        return chunk;
    }

    /** The latest placement wins: {@code $max} on {at, seq, kind, themeId} (fields always in this order). */
    private static Bson placement(TrackingToken token, int seq, String kind, String themeId) {
        Document p = new Document("at", position(token))
                .append("seq", seq)
                .append("kind", kind)
                .append("themeId", themeId);
        return positioned(token) ? Updates.max("placement", p) : Updates.set("placement", p);
    }

    /** Places the statements (in the given order) into a pile or theme, and raises the board's version. */
    private void place(
            String programmeId,
            Category category,
            List<String> statementIds,
            String kind,
            String themeId,
            TrackingToken token) {
        Long newChunk = null;
        String board = boardId(programmeId, category);
        for (int i = 0; i < statementIds.size(); i++) {
            String statementId = statementIds.get(i);
            if (updateStatement(programmeId, category, statementId, List.of(placement(token, i, kind, themeId)))) {
                // placed before it was recorded (another aggregate's event came first): list it on the board now
                newChunk = addMember(board, token, statementId);
            }
        }
        if (newChunk == null) {
            touch(programmeId, category, token);
        } else {
            touch(programmeId, category, token, Updates.addToSet("chunks", newChunk));
        }
    }

    private void addTheme(
            String programmeId,
            Category category,
            String themeId,
            String title,
            String splitFrom,
            TrackingToken token) {
        themes().updateOne(
                        eqId(themeDoc(programmeId, themeId)),
                        Updates.combine(
                                Updates.setOnInsert("programmeId", programmeId),
                                Updates.setOnInsert("category", category.name()),
                                Updates.setOnInsert("themeId", themeId),
                                Updates.setOnInsert("title", title),
                                Updates.setOnInsert("status", ACTIVE),
                                Updates.setOnInsert("createdAt", position(token)),
                                Updates.setOnInsert("mergedInto", null),
                                Updates.setOnInsert("mergedFrom", List.of()),
                                Updates.setOnInsert("splitFrom", splitFrom)),
                        UPSERT);
    }

    /**
     * Retires themes of one board with the given further updates; a theme retired for the first time keeps the
     * statements placed in it at that moment ({@code heldWhenRetired}, written once, so a redelivery after the
     * statements moved on does not lose them).
     */
    private void retire(String programmeId, Category category, Map<String, List<Bson>> retiring) {
        if (retiring.isEmpty()) {
            return;
        }
        List<String> ids =
                retiring.keySet().stream().map(t -> themeDoc(programmeId, t)).toList();
        Map<String, Document> found = new HashMap<>();
        for (Document t : findByIds(themes(), ids)) {
            found.put(t.getString("themeId"), t);
        }
        Loaded loaded = null;
        for (Map.Entry<String, List<Bson>> r : retiring.entrySet()) {
            Document theme = found.get(r.getKey());
            if (theme == null) {
                continue;
            }
            List<Bson> updates = new ArrayList<>(r.getValue());
            updates.add(Updates.set("status", RETIRED));
            if (!theme.containsKey("heldWhenRetired")) {
                if (loaded == null) {
                    loaded = load(
                            boards().find(eqId(boardId(programmeId, category))).first());
                }
                updates.add(Updates.set("heldWhenRetired", loaded.placedIn(r.getKey())));
            }
            themes().updateOne(eqId(themeDoc(programmeId, r.getKey())), Updates.combine(updates));
        }
    }

    // ---- reading a board ---------------------------------------------------------------------------------

    private static String kindOf(Document statement) {
        Document p = statement == null ? null : statement.get("placement", Document.class);
        return p == null ? null : p.getString("kind");
    }

    /** A board's members (ordered by placement: position, index in the event, recording order) and statements. */
    private final class Loaded {
        final List<String> ordered = new ArrayList<>();
        final Map<String, Document> statements = new HashMap<>();

        List<String> placedIn(String themeId) {
            List<String> out = new ArrayList<>();
            for (String id : ordered) {
                Document s = statements.get(id);
                if (THEME.equals(kindOf(s))
                        && themeId.equals(s.get("placement", Document.class).getString("themeId"))) {
                    out.add(id);
                }
            }
            return out;
        }
    }

    private Loaded load(Document board) {
        Loaded loaded = new Loaded();
        if (board == null) {
            return loaded;
        }
        String programmeId = board.getString("programmeId");
        String boardId = board.getString("_id");
        List<Long> chunks = new ArrayList<>();
        for (Object c : board.getList("chunks", Object.class, List.of())) {
            chunks.add(((Number) c).longValue());
        }
        if (chunks.isEmpty()) {
            return loaded;
        }
        chunks.sort(Comparator.naturalOrder());
        Map<Long, List<String>> byChunk = new HashMap<>();
        for (Document m : findByIds(
                members(), chunks.stream().map(c -> membersDoc(boardId, c)).toList())) {
            byChunk.put(((Number) m.get("chunk")).longValue(), m.getList("statementIds", String.class, List.of()));
        }
        Set<String> recorded = new LinkedHashSet<>();
        for (Long c : chunks) {
            recorded.addAll(byChunk.getOrDefault(c, List.of()));
        }
        List<String> docIds =
                recorded.stream().map(s -> statementDoc(programmeId, s)).toList();
        for (Document s : findByIds(statements(), docIds)) {
            loaded.statements.put(s.getString("statementId"), s);
        }
        Map<String, Integer> index = new HashMap<>();
        for (String id : recorded) {
            index.put(id, index.size());
            loaded.ordered.add(id);
        }
        loaded.ordered.sort(Comparator.<String>comparingLong(id -> at(loaded.statements.get(id), "at"))
                .thenComparingLong(id -> at(loaded.statements.get(id), "seq"))
                .thenComparingInt(index::get));
        return loaded;
    }

    private static long at(Document statement, String field) {
        Document p = statement == null ? null : statement.get("placement", Document.class);
        Number n = p == null ? null : p.get(field, Number.class);
        return n == null ? 0L : n.longValue();
    }

    // ---- live updates ------------------------------------------------------------------------------------

    /**
     * Emits the fresh board to matching subscriptions, once per batch of events (when the batch is done), and only
     * when someone is watching: a batch of 100 events on one board is one new board for the screens, not 100.
     */
    private void publish(String programmeId, Category category) {
        if (!watched(programmeId, category)) {
            return;
        }
        FindBoard board = new FindBoard(programmeId, category);
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
            Set<FindBoard> changed = batch.getOrComputeResource(PUBLISH_KEY, k -> {
                Set<FindBoard> boards = new LinkedHashSet<>();
                batch.afterCommit(u -> boards.forEach(this::emitQuietly));
                return boards;
            });
            changed.add(board);
        } else {
            emit(board);
        }
    }

    /** After the batch is committed a failure cannot undo it: a screen misses one board (it is logged) and gets the next. */
    private void emitQuietly(FindBoard board) {
        try {
            emit(board);
        } catch (RuntimeException e) {
            LOG.warn("could not send the new board {} to its screens: {}", board, e.toString());
        }
    }

    private void emit(FindBoard board) {
        String programmeId = board.programmeId();
        Category category = board.category();
        BoardView view = handle(board);
        if (view != null) {
            emitter.emit(FindBoard.class, q -> q.programmeId().equals(programmeId) && q.category() == category, view);
        }
    }

    private boolean watched(String programmeId, Category category) {
        if (emitter == null) {
            return false;
        }
        for (SubscriptionQueryMessage<?, ?, ?> m : emitter.activeSubscriptions()) {
            if (m.getPayload() instanceof FindBoard q
                    && programmeId.equals(q.programmeId())
                    && q.category() == category) {
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
        String programmeId = query.programmeId();
        String boardId = boardId(programmeId, query.category());
        Document board = null;
        Document marker = null;
        for (Document d : boards().find(Filters.in("_id", List.of(boardId, programmeId)))) {
            if (boardId.equals(d.getString("_id"))) {
                board = d;
            } else {
                marker = d;
            }
        }
        if (board == null) {
            return marker == null
                    ? null
                    : new BoardView(
                            programmeId, query.category(), List.of(), List.of(), List.of(), List.of(), null, 0L);
        }
        Set<String> forgotten = new HashSet<>();
        if (marker != null) {
            forgotten.addAll(marker.getList("forgottenPeople", String.class, List.of()));
        }
        Loaded loaded = load(board);

        Map<String, List<String>> inTheme = new HashMap<>();
        List<String> unclustered = new ArrayList<>();
        List<String> parked = new ArrayList<>();
        for (String id : loaded.ordered) {
            Document s = loaded.statements.get(id);
            String kind = kindOf(s);
            if (UNCLUSTERED.equals(kind)) {
                unclustered.add(id);
            } else if (PARKED.equals(kind)) {
                parked.add(id);
            } else if (THEME.equals(kind)) {
                String themeId = s.get("placement", Document.class).getString("themeId");
                inTheme.computeIfAbsent(themeId, t -> new ArrayList<>()).add(id);
            }
        }

        Document voting = board.get("voting", Document.class);
        String votingId = voting == null ? null : voting.getString("votingId");
        Document round = votingId == null
                ? null
                : votes().find(eqId(programmeId + "|" + votingId)).first();
        Document votes = round == null ? null : round.get("votes", Document.class);
        if (votes == null) {
            votes = new Document();
        }

        List<String> themeIds = board.getList("themeIds", String.class, List.of());
        Map<String, Document> themeDocs = new HashMap<>();
        if (!themeIds.isEmpty()) {
            for (Document t : findByIds(
                    themes(),
                    themeIds.stream().map(t -> themeDoc(programmeId, t)).toList())) {
                themeDocs.put(t.getString("themeId"), t);
            }
        }
        List<BoardView.Theme> themes = new ArrayList<>();
        List<BoardView.Theme> retired = new ArrayList<>();
        for (String themeId : themeIds) {
            Document t = themeDocs.get(themeId);
            if (t == null) {
                continue;
            }
            boolean isRetired = RETIRED.equals(t.getString("status"));
            List<String> ids = inTheme.getOrDefault(themeId, List.of());
            if (isRetired && t.containsKey("heldWhenRetired")) {
                // what it held when retired, then anything placed into it afterwards
                LinkedHashSet<String> held = new LinkedHashSet<>(t.getList("heldWhenRetired", String.class, List.of()));
                held.addAll(ids);
                ids = new ArrayList<>(held);
            }
            BoardView.Theme theme = new BoardView.Theme(
                    themeId,
                    t.getString("title"),
                    statementsOf(ids, loaded.statements, forgotten),
                    t.getString("status"),
                    t.getString("mergedInto"),
                    List.copyOf(t.getList("mergedFrom", String.class, List.of())),
                    t.getString("splitFrom"),
                    votes.getList(key(themeId), String.class, List.of()).size(),
                    t.getString("carriedFrom"),
                    t.getString("carriedInto"));
            (isRetired ? retired : themes).add(theme);
        }
        Number version = board.get("version", Number.class);
        return new BoardView(
                programmeId,
                query.category(),
                themes,
                statementsOf(unclustered, loaded.statements, forgotten),
                statementsOf(parked, loaded.statements, forgotten),
                retired,
                votingId,
                version == null ? 0L : version.longValue());
    }

    private List<BoardView.Statement> statementsOf(
            List<String> ids, Map<String, Document> statements, Set<String> forgotten) {
        List<BoardView.Statement> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            Document s = statements.get(id);
            if (s == null) {
                s = new Document();
            }
            String person = s.getString("person");
            Optional<String> words = Optional.empty();
            boolean erased =
                    Boolean.TRUE.equals(s.getBoolean("erased")) || (person != null && forgotten.contains(person));
            if (!erased) {
                words = org.goldenthread.query.readstore.Documents.open(vault, s.get("text", Document.class));
            }
            erased = erased || words.isEmpty();
            out.add(new BoardView.Statement(
                    id,
                    person,
                    s.getInteger("priority", 0),
                    erased ? PersonalDataVault.ERASED : words.get(),
                    erased,
                    List.copyOf(s.getList("flags", String.class, List.of()))));
        }
        return out;
    }
}
