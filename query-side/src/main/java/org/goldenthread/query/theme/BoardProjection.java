package org.goldenthread.query.theme;

import static org.goldenthread.query.theme.BoardStore.ACTIVE;
import static org.goldenthread.query.theme.BoardStore.CHUNK;
import static org.goldenthread.query.theme.BoardStore.KIND_BOARD;
import static org.goldenthread.query.theme.BoardStore.KIND_PROGRAMME;
import static org.goldenthread.query.theme.BoardStore.OFF;
import static org.goldenthread.query.theme.BoardStore.PARKED;
import static org.goldenthread.query.theme.BoardStore.RETIRED;
import static org.goldenthread.query.theme.BoardStore.THEME;
import static org.goldenthread.query.theme.BoardStore.UNCLUSTERED;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.PersonalDataVault;
import org.goldenthread.kernel.collect.StatementFlaggedAsProfessionalLanguage;
import org.goldenthread.kernel.collect.StatementRecorded;
import org.goldenthread.kernel.learn.CycleStarted;
import org.goldenthread.kernel.programme.PersonForgotten;
import org.goldenthread.kernel.programme.ProgrammeLaunched;
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
import org.goldenthread.query.readstore.Documents;
import org.goldenthread.query.readstore.Elements;
import org.goldenthread.query.readstore.ScopedId;
import org.goldenthread.query.theme.BoardStore.Board;
import org.goldenthread.query.theme.BoardStore.Members;
import org.goldenthread.query.theme.BoardStore.Person;
import org.goldenthread.query.theme.BoardStore.Placement;
import org.goldenthread.query.theme.BoardStore.Round;
import org.goldenthread.query.theme.BoardStore.Statement;
import org.goldenthread.query.theme.BoardStore.Theme;
import org.goldenthread.query.theme.BoardStore.Voting;

/**
 * Read model of step 3 (Theme): one theming board per programme and category, as the card call leaves it, with
 * the tallies of the latest NOT_WORKING voting round. The handlers here turn events into documents ({@link
 * BoardStore}); {@link BoardAssembly} builds the {@link BoardView} that {@link FindBoard} answers (also as a
 * subscription query: {@link BoardScreens} sends each changed board to its live subscriptions).
 *
 * <p>Every handler is idempotent and tolerates events of different aggregates arriving out of order: a document is
 * read, changed as the event says and written whole — created if missing, sets for lists, the highest position for
 * versions, and the latest placement (by position, then index in the event) for a statement, so a redelivered event
 * writes the same document again. Words stay sealed; they are opened only when a view is built, so destroying a
 * person's key erases them.
 */
@ProcessingGroup(BoardProjection.PROCESSING_GROUP)
public class BoardProjection {

    public static final String PROCESSING_GROUP = "board";
    public static final String BOARDS = BoardStore.BOARDS;
    public static final String MEMBERS = BoardStore.MEMBERS;
    public static final String STATEMENTS = BoardStore.STATEMENTS;
    public static final String THEMES = BoardStore.THEMES;
    public static final String PEOPLE = BoardStore.PEOPLE;
    public static final String VOTES = BoardStore.VOTES;

    private final BoardStore store;
    private final BoardAssembly assembly;
    private final BoardScreens screens;

    public BoardProjection(MongoDatabase database, PersonalDataVault vault, QueryUpdateEmitter emitter) {
        this.store = new BoardStore(database);
        this.assembly = new BoardAssembly(store, vault);
        this.screens = new BoardScreens(emitter, assembly);
    }

    @ResetHandler
    public void reset() {
        store.drop();
    }

    /**
     * The board; an empty board when the programme is known but nothing is on this board yet; null when the
     * programme is unknown to this projection (infra maps null to 404).
     */
    @QueryHandler
    public BoardView handle(FindBoard query) {
        return assembly.board(query.programmeId(), query.category());
    }

    // ---- events ------------------------------------------------------------------------------------------

    @EventHandler
    public void on(ProgrammeLaunched e) {
        if (store.boards.find(e.programmeId()).isEmpty()) {
            store.boards.put(marker(e.programmeId(), List.of()));
        }
    }

    @EventHandler
    public void on(StatementRecorded e, TrackingToken token) {
        String programmeId = e.programmeId();
        // the person's statement list; tells whether they have been forgotten already
        boolean forgotten = false;
        if (e.person() != null) {
            Person person = person(programmeId, e.person());
            person = new Person(
                    person.id(),
                    person.programmeId(),
                    person.person(),
                    Elements.added(person.statementIds(), List.of(e.statementId())),
                    person.forgotten());
            store.people.put(person);
            forgotten = Boolean.TRUE.equals(person.forgotten());
        }
        boolean erased = forgotten;
        // a new statement starts unclustered — unless a later event has placed it already
        Placement unclustered = new Placement(position(token), 0, UNCLUSTERED, null);
        updateStatement(
                programmeId,
                e.category(),
                e.statementId(),
                s -> new Statement(
                        s.id(),
                        s.programmeId(),
                        s.statementId(),
                        s.category(),
                        e.person(),
                        e.priority(),
                        erased ? null : e.text(),
                        s.flags(),
                        erased ? Boolean.TRUE : s.erased(),
                        latest(s.placement(), unclustered, token)));
        long chunk = addMember(programmeId, e.category(), token, e.statementId());
        touch(programmeId, e.category(), token, b -> withChunk(b, chunk));
        screens.changed(programmeId, e.category());
    }

    @EventHandler
    public void on(StatementFlaggedAsProfessionalLanguage e, TrackingToken token) {
        updateStatement(
                e.programmeId(),
                e.category(),
                e.statementId(),
                s -> new Statement(
                        s.id(),
                        s.programmeId(),
                        s.statementId(),
                        s.category(),
                        s.person(),
                        s.priority(),
                        s.text(),
                        Elements.added(s.flags(), e.reasons()),
                        s.erased(),
                        s.placement()));
        touch(e.programmeId(), e.category(), token, UnaryOperator.identity());
        screens.changed(e.programmeId(), e.category());
    }

    @EventHandler
    public void on(ThemeCreated e, TrackingToken token) {
        addTheme(e.programmeId(), e.category(), e.themeId(), e.title(), null, null, token);
        touch(e.programmeId(), e.category(), token, b -> withThemes(b, List.of(e.themeId())));
        screens.changed(e.programmeId(), e.category());
    }

    @EventHandler
    public void on(StatementClustered e, TrackingToken token) {
        place(e.programmeId(), e.category(), List.of(e.statementId()), THEME, e.themeId(), token);
    }

    @EventHandler
    public void on(StatementMoved e, TrackingToken token) {
        place(e.programmeId(), e.category(), List.of(e.statementId()), THEME, e.toThemeId(), token);
    }

    @EventHandler
    public void on(StatementParked e, TrackingToken token) {
        place(e.programmeId(), e.category(), List.of(e.statementId()), PARKED, null, token);
    }

    @EventHandler
    public void on(StatementUnparked e, TrackingToken token) {
        place(e.programmeId(), e.category(), List.of(e.statementId()), UNCLUSTERED, null, token);
    }

    @EventHandler
    public void on(ThemeRenamed e, TrackingToken token) {
        updateTheme(e.programmeId(), e.themeId(), t -> theme(t).title(e.title()).build());
        touch(e.programmeId(), e.category(), token, UnaryOperator.identity());
        screens.changed(e.programmeId(), e.category());
    }

    @EventHandler
    public void on(ThemesMerged e, TrackingToken token) {
        String programmeId = e.programmeId();
        List<String> mergedIds = e.mergedThemeIds();
        touch(programmeId, e.category(), token, UnaryOperator.identity());
        // retire the merged themes first: they keep the statements they held, as lineage
        Map<String, UnaryOperator<ThemeBuilder>> retiring = new LinkedHashMap<>();
        for (String merged : mergedIds) {
            retiring.put(merged, t -> t.mergedInto(e.themeId()));
        }
        retire(programmeId, e.category(), retiring);
        updateTheme(
                programmeId,
                e.themeId(),
                t -> theme(t).mergedFrom(Elements.added(t.mergedFrom(), mergedIds))
                        .build());
        place(programmeId, e.category(), e.statementIds(), THEME, e.themeId(), token);
    }

    @EventHandler
    public void on(ThemeSplit e, TrackingToken token) {
        addTheme(e.programmeId(), e.category(), e.newThemeId(), e.title(), e.themeId(), null, token);
        touch(e.programmeId(), e.category(), token, b -> withThemes(b, List.of(e.newThemeId())));
        place(e.programmeId(), e.category(), e.statementIds(), THEME, e.newThemeId(), token);
    }

    /**
     * A new cycle: each carried theme starts empty beside its retired predecessor (which keeps its statements), and
     * the last cycle's unclustered and parked statements leave the boards.
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
            touch(programmeId, category, token, b -> withThemes(b, newIds));
            Map<String, UnaryOperator<ThemeBuilder>> retiring = new LinkedHashMap<>();
            for (CycleStarted.CarriedTheme carried : entry.getValue()) {
                retiring.put(carried.fromThemeId(), t -> t.carriedInto(carried.themeId()));
            }
            retire(programmeId, category, retiring);
            for (CycleStarted.CarriedTheme carried : entry.getValue()) {
                addTheme(programmeId, category, carried.themeId(), carried.title(), null, carried.fromThemeId(), token);
            }
        }
        // the piles leave every existing board of the programme
        Placement off = new Placement(position(token), 0, OFF, null);
        for (Board board : store.existingBoards(programmeId)) {
            BoardStore.Loaded loaded = store.load(board);
            for (String statementId : loaded.ordered) {
                Statement s = loaded.statements.get(statementId);
                if (s != null && (UNCLUSTERED.equals(s.kind()) || PARKED.equals(s.kind()))) {
                    store.statements.put(withPlacement(s, latest(s.placement(), off, token)));
                }
            }
            store.boards.put(withVersion(board, token));
        }
        for (Category c : Category.values()) {
            screens.changed(programmeId, c);
        }
    }

    @EventHandler
    public void on(PersonForgotten e, TrackingToken token) {
        String programmeId = e.programmeId();
        Board marker = store.boards.find(programmeId).orElse(marker(programmeId, List.of()));
        store.boards.put(marker(programmeId, Elements.added(marker.forgottenPeople(), List.of(e.person()))));
        Person person = person(programmeId, e.person());
        store.people.put(
                new Person(person.id(), person.programmeId(), person.person(), person.statementIds(), Boolean.TRUE));
        // the words are unreadable once the key is destroyed; drop the ciphertext as well
        for (Statement s : store.statements
                .find(person.statementIds().stream()
                        .map(s -> BoardStore.statementId(programmeId, s))
                        .toList())
                .values()) {
            store.statements.put(new Statement(
                    s.id(),
                    s.programmeId(),
                    s.statementId(),
                    s.category(),
                    s.person(),
                    s.priority(),
                    null,
                    s.flags(),
                    Boolean.TRUE,
                    s.placement()));
        }
        for (Board board : store.existingBoards(programmeId)) {
            store.boards.put(withVersion(board, token));
            screens.changed(programmeId, Category.valueOf(board.category()));
        }
    }

    @EventHandler
    public void on(VotingOpened e, TrackingToken token) {
        // the latest round (by position) is the board's; a round's votes live in its own document
        Voting voting = new Voting(position(token), e.votingId());
        touch(e.programmeId(), Category.NOT_WORKING, token, b -> {
            Voting current = b.voting();
            boolean later = !positioned(token)
                    || current == null
                    || current.at() == null
                    || voting.at() > current.at()
                    || (voting.at().equals(current.at())
                            && voting.votingId().compareTo(String.valueOf(current.votingId())) > 0);
            return later
                    ? new Board(
                            b.id(),
                            b.kind(),
                            b.programmeId(),
                            b.category(),
                            b.version(),
                            b.themeIds(),
                            b.chunks(),
                            voting,
                            b.forgottenPeople())
                    : b;
        });
        screens.changed(e.programmeId(), Category.NOT_WORKING);
    }

    @EventHandler
    public void on(VoteCast e, TrackingToken token) {
        String id = ScopedId.of(e.programmeId(), e.votingId());
        Round round = store.votes.find(id).orElse(new Round(id, e.programmeId(), e.votingId(), Map.of()));
        store.votes.put(withVoters(round, e.themeId(), voters -> Elements.added(voters, List.of(e.participantId()))));
        touch(e.programmeId(), Category.NOT_WORKING, token, UnaryOperator.identity());
        screens.changed(e.programmeId(), Category.NOT_WORKING);
    }

    @EventHandler
    public void on(VoteWithdrawn e, TrackingToken token) {
        store.votes
                .find(ScopedId.of(e.programmeId(), e.votingId()))
                .ifPresent(round -> store.votes.put(withVoters(
                        round,
                        e.themeId(),
                        voters -> voters.stream()
                                .filter(v -> !v.equals(e.participantId()))
                                .toList())));
        touch(e.programmeId(), Category.NOT_WORKING, token, UnaryOperator.identity());
        screens.changed(e.programmeId(), Category.NOT_WORKING);
    }

    // ---- building blocks (each idempotent) -----------------------------------------------------------------

    private static long position(TrackingToken token) {
        return token == null ? 0L : token.position().orElse(0L);
    }

    private static boolean positioned(TrackingToken token) {
        return token != null && token.position().isPresent();
    }

    /** The later of two placements; an event without a position places unconditionally. */
    private static Placement latest(Placement current, Placement placing, TrackingToken token) {
        return !positioned(token) || placing.isAfter(current) ? placing : current;
    }

    private static Board marker(String programmeId, List<String> forgottenPeople) {
        return new Board(programmeId, KIND_PROGRAMME, null, null, null, null, null, null, forgottenPeople);
    }

    private Person person(String programmeId, String person) {
        String id = ScopedId.of(programmeId, person);
        return store.people.find(id).orElse(new Person(id, programmeId, person, List.of(), null));
    }

    /** Creates the board if needed, changes it and raises its version to the event's position. */
    private void touch(String programmeId, Category category, TrackingToken token, UnaryOperator<Board> change) {
        Board board = store.board(programmeId, category)
                .orElseGet(() -> store.boards.blank(
                        BoardStore.boardId(programmeId, category),
                        KIND_BOARD,
                        programmeId,
                        category.name(),
                        position(token)));
        store.boards.put(withVersion(change.apply(board), token));
    }

    private static Board withVersion(Board b, TrackingToken token) {
        long version = Math.max(b.versionOr0(), position(token));
        return new Board(
                b.id(),
                b.kind(),
                b.programmeId(),
                b.category(),
                version,
                b.themeIds(),
                b.chunks(),
                b.voting(),
                b.forgottenPeople());
    }

    private static Board withChunk(Board b, long chunk) {
        return new Board(
                b.id(),
                b.kind(),
                b.programmeId(),
                b.category(),
                b.version(),
                b.themeIds(),
                Elements.added(b.chunks(), List.of(chunk)),
                b.voting(),
                b.forgottenPeople());
    }

    private static Board withThemes(Board b, List<String> themeIds) {
        return new Board(
                b.id(),
                b.kind(),
                b.programmeId(),
                b.category(),
                b.version(),
                Elements.added(b.themeIds(), themeIds),
                b.chunks(),
                b.voting(),
                b.forgottenPeople());
    }

    private static Statement withPlacement(Statement s, Placement placement) {
        return new Statement(
                s.id(),
                s.programmeId(),
                s.statementId(),
                s.category(),
                s.person(),
                s.priority(),
                s.text(),
                s.flags(),
                s.erased(),
                placement);
    }

    private static Round withVoters(Round round, String themeId, UnaryOperator<List<String>> change) {
        Map<String, List<String>> votes = new LinkedHashMap<>(round.votes());
        String key = Documents.fieldKey(themeId);
        votes.put(key, change.apply(votes.getOrDefault(key, List.of())));
        return new Round(round.id(), round.programmeId(), round.votingId(), votes);
    }

    /** Changes a statement's document, creating it when missing; true when this created it. */
    private boolean updateStatement(
            String programmeId, Category category, String statementId, UnaryOperator<Statement> change) {
        String id = BoardStore.statementId(programmeId, statementId);
        Optional<Statement> found = store.statements.find(id);
        Statement s = found.orElseGet(
                () -> store.statements.blank(id, programmeId, statementId, category == null ? null : category.name()));
        store.statements.put(change.apply(s));
        return found.isEmpty();
    }

    /** Lists the statement among the board's members, in the chunk of the event's position; returns the chunk. */
    private long addMember(String programmeId, Category category, TrackingToken token, String statementId) {
        String board = BoardStore.boardId(programmeId, category);
        long chunk = position(token) / CHUNK;
        String id = BoardStore.membersId(board, chunk);
        Members members = store.members.find(id).orElse(new Members(id, board, chunk, List.of()));
        store.members.put(new Members(id, board, chunk, Elements.added(members.statementIds(), List.of(statementId))));
        return chunk;
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
        for (int i = 0; i < statementIds.size(); i++) {
            Placement placing = new Placement(position(token), i, kind, themeId);
            String statementId = statementIds.get(i);
            if (updateStatement(
                    programmeId, category, statementId, s -> withPlacement(s, latest(s.placement(), placing, token)))) {
                // placed before it was recorded (another aggregate's event came first): list it on the board now
                newChunk = addMember(programmeId, category, token, statementId);
            }
        }
        Long chunk = newChunk;
        touch(programmeId, category, token, b -> chunk == null ? b : withChunk(b, chunk));
        screens.changed(programmeId, category);
    }

    private void addTheme(
            String programmeId,
            Category category,
            String themeId,
            String title,
            String splitFrom,
            String carriedFrom,
            TrackingToken token) {
        String id = BoardStore.themeId(programmeId, themeId);
        Theme theme = store.themes
                .find(id)
                .orElse(new Theme(
                        id,
                        programmeId,
                        category.name(),
                        themeId,
                        title,
                        ACTIVE,
                        position(token),
                        null,
                        List.of(),
                        splitFrom,
                        null,
                        null,
                        null));
        store.themes.put(
                carriedFrom == null
                        ? theme
                        : theme(theme).carriedFrom(carriedFrom).build());
    }

    /** Changes a theme that exists. */
    private void updateTheme(String programmeId, String themeId, UnaryOperator<Theme> change) {
        store.themes.find(BoardStore.themeId(programmeId, themeId)).ifPresent(t -> store.themes.put(change.apply(t)));
    }

    /**
     * Retires themes of one board with the given further changes; a theme retired for the first time keeps the
     * statements placed in it at that moment ({@code heldWhenRetired}, written once, so a redelivery after the
     * statements moved on does not lose them).
     */
    private void retire(String programmeId, Category category, Map<String, UnaryOperator<ThemeBuilder>> retiring) {
        if (retiring.isEmpty()) {
            return;
        }
        Map<String, Theme> found = store.themes(programmeId, retiring.keySet());
        BoardStore.Loaded loaded = null;
        for (Map.Entry<String, UnaryOperator<ThemeBuilder>> r : retiring.entrySet()) {
            Theme theme = found.get(r.getKey());
            if (theme == null) {
                continue;
            }
            ThemeBuilder retired = r.getValue().apply(theme(theme)).status(RETIRED);
            if (theme.heldWhenRetired() == null) {
                if (loaded == null) {
                    loaded = store.load(store.board(programmeId, category).orElse(null));
                }
                retired.heldWhenRetired(loaded.placedIn(r.getKey()));
            }
            store.themes.put(retired.build());
        }
    }

    private static ThemeBuilder theme(Theme t) {
        return new ThemeBuilder(t);
    }

    /** A theme document with some fields changed. */
    private static final class ThemeBuilder {
        private final Theme t;
        private String title;
        private String status;
        private String mergedInto;
        private List<String> mergedFrom;
        private String carriedFrom;
        private String carriedInto;
        private List<String> heldWhenRetired;

        ThemeBuilder(Theme t) {
            this.t = t;
            title = t.title();
            status = t.status();
            mergedInto = t.mergedInto();
            mergedFrom = t.mergedFrom();
            carriedFrom = t.carriedFrom();
            carriedInto = t.carriedInto();
            heldWhenRetired = t.heldWhenRetired();
        }

        ThemeBuilder title(String v) {
            title = v;
            return this;
        }

        ThemeBuilder status(String v) {
            status = v;
            return this;
        }

        ThemeBuilder mergedInto(String v) {
            mergedInto = v;
            return this;
        }

        ThemeBuilder mergedFrom(List<String> v) {
            mergedFrom = v;
            return this;
        }

        ThemeBuilder carriedFrom(String v) {
            carriedFrom = v;
            return this;
        }

        ThemeBuilder carriedInto(String v) {
            carriedInto = v;
            return this;
        }

        ThemeBuilder heldWhenRetired(List<String> v) {
            heldWhenRetired = v;
            return this;
        }

        Theme build() {
            return new Theme(
                    t.id(),
                    t.programmeId(),
                    t.category(),
                    t.themeId(),
                    title,
                    status,
                    t.createdAt(),
                    mergedInto,
                    mergedFrom,
                    t.splitFrom(),
                    carriedFrom,
                    carriedInto,
                    heldWhenRetired);
        }
    }
}
