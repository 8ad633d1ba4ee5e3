package org.goldenthread.query.theme;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryUpdateMessage;
import org.axonframework.queryhandling.UpdateHandlerRegistration;
import org.bson.Document;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.PersonalDataVault;
import org.goldenthread.kernel.collect.StatementFlaggedAsProfessionalLanguage;
import org.goldenthread.kernel.collect.StatementRecorded;
import org.goldenthread.kernel.learn.CycleStarted;
import org.goldenthread.kernel.programme.Level;
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
import org.goldenthread.kernel.vote.ThemeAtOpening;
import org.goldenthread.kernel.vote.VoteCast;
import org.goldenthread.kernel.vote.VoteWithdrawn;
import org.goldenthread.kernel.vote.VotingOpened;
import org.goldenthread.query.support.EmbeddedMongo;
import org.goldenthread.query.support.FakeVault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BoardProjectionTest {

    private static final String P = "p1";
    private static EmbeddedMongo mongo;

    private MongoDatabase db;
    private FakeVault vault;
    private SimpleQueryUpdateEmitter emitter;
    private BoardProjection projection;
    private long position;

    @BeforeAll
    static void startMongo() {
        mongo = new EmbeddedMongo();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void freshProjection() {
        db = mongo.freshDatabase();
        vault = new FakeVault();
        emitter = SimpleQueryUpdateEmitter.builder().build();
        projection = new BoardProjection(db, vault, emitter);
        position = 0;
    }

    private StatementRecorded statement(String id, String person, Category category, int priority, String words) {
        return new StatementRecorded(
                P, "review-" + person, id, person, category, priority, vault.seal(P, person, words));
    }

    /** The card call from the seed, on both boards, then a vote on the NOT_WORKING themes. */
    private List<Object> cardCall() {
        List<Object> events = new ArrayList<>();
        events.add(new ProgrammeLaunched(P, "We are using WTfC to … so that …", Level.UNIT));
        events.add(statement("s1", "mary", Category.NOT_WORKING, 1, "I have only one friend"));
        events.add(statement("s2", "joe", Category.NOT_WORKING, 1, "I never see anyone at the weekend"));
        events.add(statement("s3", "ann", Category.NOT_WORKING, 2, "I can't get to church any more"));
        events.add(statement("s4", "joe", Category.NOT_WORKING, 2, "addressing social isolation"));
        events.add(statement("s5", "ann", Category.NOT_WORKING, 1, "Nobody listens to me"));
        events.add(statement("w1", "mary", Category.WORKING, 1, "Going out shopping and to the hairdressers"));
        events.add(new StatementFlaggedAsProfessionalLanguage(
                P, "s4", Category.NOT_WORKING, List.of("addressing social isolation")));
        events.add(new ThemeCreated(P, Category.WORKING, "tw1", "Getting out and about"));
        events.add(new StatementClustered(P, Category.WORKING, "w1", "tw1", false));
        events.add(new ThemeCreated(P, Category.NOT_WORKING, "t1", "I am lonely"));
        events.add(new StatementClustered(P, Category.NOT_WORKING, "s1", "t1", false));
        events.add(new StatementClustered(P, Category.NOT_WORKING, "s2", "t1", false));
        events.add(new StatementParked(P, Category.NOT_WORKING, "s4", null));
        events.add(new ThemeCreated(P, Category.NOT_WORKING, "t2", "I miss my church"));
        events.add(new StatementClustered(P, Category.NOT_WORKING, "s3", "t2", false));
        events.add(new ThemeCreated(P, Category.NOT_WORKING, "t3", "I feel alone"));
        events.add(new StatementMoved(P, Category.NOT_WORKING, "s2", "t1", "t3"));
        events.add(new ThemeRenamed(P, Category.NOT_WORKING, "t3", "I feel alone", "Nobody comes by"));
        events.add(new StatementUnparked(P, Category.NOT_WORKING, "s4"));
        events.add(new StatementClustered(P, Category.NOT_WORKING, "s4", "t3", false));
        events.add(new ThemesMerged(P, Category.NOT_WORKING, "t1", List.of("t3"), List.of("s2", "s4")));
        events.add(new ThemeSplit(P, Category.NOT_WORKING, "t1", "t4", "I have no one to talk to", List.of("s2")));
        events.add(new StatementParked(P, Category.NOT_WORKING, "s5", null));
        events.add(new VotingOpened(
                P,
                "v1",
                3,
                5,
                List.of(
                        new ThemeAtOpening("t1", "I am lonely", List.of("s1", "s4")),
                        new ThemeAtOpening("t2", "I miss my church", List.of("s3")),
                        new ThemeAtOpening("t4", "I have no one to talk to", List.of("s2")))));
        events.add(new VoteCast(P, "v1", "u1", "t1"));
        events.add(new VoteCast(P, "v1", "u2", "t1"));
        events.add(new VoteCast(P, "v1", "u2", "t4"));
        events.add(new VoteCast(P, "v1", "u3", "t2"));
        events.add(new VoteWithdrawn(P, "v1", "u3", "t2"));
        events.add(new VoteCast(P, "v1", "u3", "t1"));
        return events;
    }

    private void apply(BoardProjection p, Object e, TrackingToken t) {
        if (e instanceof ProgrammeLaunched x) p.on(x);
        else if (e instanceof StatementRecorded x) p.on(x, t);
        else if (e instanceof StatementFlaggedAsProfessionalLanguage x) p.on(x, t);
        else if (e instanceof ThemeCreated x) p.on(x, t);
        else if (e instanceof StatementClustered x) p.on(x, t);
        else if (e instanceof StatementMoved x) p.on(x, t);
        else if (e instanceof StatementParked x) p.on(x, t);
        else if (e instanceof StatementUnparked x) p.on(x, t);
        else if (e instanceof ThemeRenamed x) p.on(x, t);
        else if (e instanceof ThemesMerged x) p.on(x, t);
        else if (e instanceof ThemeSplit x) p.on(x, t);
        else if (e instanceof PersonForgotten x) p.on(x, t);
        else if (e instanceof VotingOpened x) p.on(x, t);
        else if (e instanceof VoteCast x) p.on(x, t);
        else if (e instanceof VoteWithdrawn x) p.on(x, t);
        else if (e instanceof CycleStarted x) p.on(x, t);
        else throw new IllegalArgumentException("unhandled " + e);
    }

    /** Feeds the events in order, each {@code times} times with the same global position (1, 2, 3 …). */
    private void feed(BoardProjection p, List<Object> events, int times) {
        long pos = 0;
        for (Object e : events) {
            pos++;
            for (int i = 0; i < times; i++) {
                apply(p, e, new GlobalSequenceTrackingToken(pos));
            }
        }
    }

    private void feed(Object... events) {
        for (Object e : events) {
            apply(projection, e, new GlobalSequenceTrackingToken(++position));
        }
    }

    @Test
    void a_new_cycle_carries_the_active_themes_forward_empty_and_clears_the_piles() {
        List<Object> events = new ArrayList<>(cardCall());
        events.add(new CycleStarted(
                P,
                2,
                List.of(
                        new CycleStarted.CarriedTheme("tw1", "tw1~c2", Category.WORKING, "Getting out and about"),
                        new CycleStarted.CarriedTheme("t1", "t1~c2", Category.NOT_WORKING, "I am lonely"),
                        new CycleStarted.CarriedTheme("t2", "t2~c2", Category.NOT_WORKING, "I miss my church"),
                        new CycleStarted.CarriedTheme("t4", "t4~c2", Category.NOT_WORKING, "I have no one to talk to")),
                "a year on"));
        feed(projection, events, 2);

        BoardView notWorking = board(Category.NOT_WORKING);
        assertThat(notWorking.themes()).extracting(BoardView.Theme::themeId).containsExactly("t1~c2", "t2~c2", "t4~c2");
        assertThat(notWorking.themes())
                .allSatisfy(t -> assertThat(t.statements()).isEmpty());
        assertThat(theme(notWorking.themes(), "t1~c2").carriedFrom()).isEqualTo("t1");
        BoardView.Theme old = theme(notWorking.retiredThemes(), "t1");
        assertThat(old.carriedInto()).isEqualTo("t1~c2");
        assertThat(old.statements())
                .extracting(BoardView.Statement::statementId)
                .containsExactly("s1", "s4");
        assertThat(notWorking.unclustered()).isEmpty();
        assertThat(notWorking.parked()).isEmpty();
        assertThat(board(Category.WORKING).themes())
                .extracting(BoardView.Theme::title)
                .containsExactly("Getting out and about");
    }

    private BoardView board(Category category) {
        return projection.handle(new FindBoard(P, category));
    }

    private static BoardView.Theme theme(List<BoardView.Theme> themes, String themeId) {
        return themes.stream()
                .filter(t -> t.themeId().equals(themeId))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void the_card_call_places_statements_into_named_themes() {
        List<Object> events = cardCall();
        feed(events.subList(0, 13).toArray());

        BoardView working = board(Category.WORKING);
        assertThat(working.themes()).singleElement().satisfies(t -> {
            assertThat(t.title()).isEqualTo("Getting out and about");
            assertThat(t.statements())
                    .extracting(BoardView.Statement::text)
                    .containsExactly("Going out shopping and to the hairdressers");
        });

        BoardView notWorking = board(Category.NOT_WORKING);
        assertThat(notWorking.themes()).singleElement().satisfies(t -> {
            assertThat(t.title()).isEqualTo("I am lonely");
            assertThat(t.status()).isEqualTo("ACTIVE");
            assertThat(t.statements())
                    .extracting(BoardView.Statement::text)
                    .containsExactly("I have only one friend", "I never see anyone at the weekend");
            assertThat(t.statements()).extracting(BoardView.Statement::person).containsExactly("mary", "joe");
        });
        assertThat(notWorking.unclustered())
                .extracting(BoardView.Statement::statementId)
                .containsExactly("s3", "s4", "s5");
        BoardView.Statement flagged = notWorking.unclustered().get(1);
        assertThat(flagged.flags()).containsExactly("addressing social isolation");
        assertThat(flagged.priority()).isEqualTo(2);
        assertThat(notWorking.parked()).isEmpty();
        assertThat(notWorking.votingId()).isNull();
        assertThat(notWorking.version()).isEqualTo(13);
    }

    @Test
    void the_board_documents_keep_words_sealed_and_placements_by_id() {
        feed(cardCall().subList(0, 14).toArray());

        // the board itself is small: version, theme ids in creation order, membership chunks
        Document board = db.getCollection(BoardProjection.BOARDS)
                .find(Filters.eq("_id", "p1:NOT_WORKING"))
                .first();
        assertThat(board)
                .containsEntry("kind", "board")
                .containsEntry("programmeId", P)
                .containsEntry("category", "NOT_WORKING")
                .doesNotContainKey("statements")
                .doesNotContainKey("themes");
        assertThat(((Number) board.get("version")).longValue()).isEqualTo(14);
        assertThat(board.getList("themeIds", String.class)).containsExactly("t1");
        assertThat(board.getList("chunks", Object.class)).hasSize(1);
        Document members = db.getCollection(BoardProjection.MEMBERS)
                .find(Filters.eq(
                        "_id",
                        "p1:NOT_WORKING|"
                                + board.getList("chunks", Number.class).get(0).longValue()))
                .first();
        assertThat(members.getList("statementIds", String.class)).containsExactly("s1", "s2", "s3", "s4", "s5");

        // one small document per statement: sealed words and its placement (position of the placing event)
        Document s1 = statementDoc("s1");
        assertThat(s1)
                .containsEntry("programmeId", P)
                .containsEntry("statementId", "s1")
                .containsEntry("category", "NOT_WORKING")
                .containsEntry("person", "mary")
                .containsEntry("priority", 1);
        assertThat(s1.get("text", Document.class).getString("keyRef")).isEqualTo("p1/mary");
        assertPlacement(s1, 12, "THEME", "t1");
        assertPlacement(statementDoc("s2"), 13, "THEME", "t1");
        assertPlacement(statementDoc("s3"), 4, "UNCLUSTERED", null);
        Document s4 = statementDoc("s4");
        assertPlacement(s4, 14, "PARKED", null);
        assertThat(s4.getList("flags", String.class)).containsExactly("addressing social isolation");

        // one small document per theme, without its statements (they point at it)
        Document t1 = db.getCollection(BoardProjection.THEMES)
                .find(Filters.eq("_id", "p1|t1"))
                .first();
        assertThat(t1)
                .containsEntry("themeId", "t1")
                .containsEntry("title", "I am lonely")
                .containsEntry("status", "ACTIVE")
                .containsEntry("category", "NOT_WORKING")
                .doesNotContainKey("statementIds")
                .doesNotContainKey("heldWhenRetired");
        assertThat(((Number) t1.get("createdAt")).longValue()).isEqualTo(11);

        // each person's statements, so forgetting them touches only those
        assertThat(db.getCollection(BoardProjection.PEOPLE)
                        .find(Filters.eq("_id", "p1|joe"))
                        .first()
                        .getList("statementIds", String.class))
                .containsExactly("s2", "s4");

        for (String c : List.of(
                BoardProjection.BOARDS,
                BoardProjection.MEMBERS,
                BoardProjection.STATEMENTS,
                BoardProjection.THEMES,
                BoardProjection.PEOPLE,
                BoardProjection.VOTES)) {
            for (Document d : db.getCollection(c).find()) {
                assertThat(d.toJson())
                        .doesNotContain("I have only one friend")
                        .doesNotContain("I never see anyone at the weekend");
            }
        }
        assertThat(db.getCollection(BoardProjection.BOARDS)
                        .find(Filters.eq("_id", P))
                        .first())
                .containsEntry("kind", "programme");
    }

    @Test
    void a_retired_theme_keeps_what_it_held_in_its_own_document() {
        feed(cardCall().subList(0, 22).toArray());

        Document t3 = db.getCollection(BoardProjection.THEMES)
                .find(Filters.eq("_id", "p1|t3"))
                .first();
        assertThat(t3).containsEntry("status", "RETIRED").containsEntry("mergedInto", "t1");
        assertThat(t3.getList("heldWhenRetired", String.class)).containsExactly("s2", "s4");
        assertPlacement(statementDoc("s2"), 22, "THEME", "t1");
    }

    @Test
    void a_statement_placed_before_it_is_recorded_is_not_sent_back_to_the_unclustered_pile() {
        feed(
                new ProgrammeLaunched(P, "We are using WTfC to … so that …", Level.UNIT),
                new ThemeCreated(P, Category.NOT_WORKING, "t1", "I am lonely"));
        // the board's events are ahead of the collection's (segments run in parallel)
        projection.on(
                new StatementClustered(P, Category.NOT_WORKING, "s1", "t1", false), new GlobalSequenceTrackingToken(5));
        assertThat(board(Category.NOT_WORKING).themes().get(0).statements())
                .extracting(BoardView.Statement::statementId)
                .containsExactly("s1");
        projection.on(
                statement("s1", "mary", Category.NOT_WORKING, 1, "I have only one friend"),
                new GlobalSequenceTrackingToken(4));

        BoardView b = board(Category.NOT_WORKING);
        assertThat(b.unclustered()).isEmpty();
        assertThat(b.themes().get(0).statements())
                .extracting(BoardView.Statement::text)
                .containsExactly("I have only one friend");
        assertThat(b.version()).isEqualTo(5);
    }

    @Test
    void a_statement_recorded_after_its_author_was_forgotten_is_stored_erased() {
        feed(new ProgrammeLaunched(P, "We are using WTfC to … so that …", Level.UNIT));
        projection.on(new PersonForgotten(P, "mary", "asked to be forgotten"), new GlobalSequenceTrackingToken(3));
        projection.on(
                statement("s1", "mary", Category.NOT_WORKING, 1, "I have only one friend"),
                new GlobalSequenceTrackingToken(2));

        assertThat(board(Category.NOT_WORKING).unclustered()).singleElement().satisfies(s -> {
            assertThat(s.erased()).isTrue();
            assertThat(s.text()).isEqualTo(PersonalDataVault.ERASED);
        });
        assertThat(statementDoc("s1")).containsEntry("erased", true).doesNotContainKey("text");
    }

    private Document statementDoc(String statementId) {
        return db.getCollection(BoardProjection.STATEMENTS)
                .find(Filters.eq("_id", P + "|" + statementId))
                .first();
    }

    private static void assertPlacement(Document statement, long at, String kind, String themeId) {
        Document placement = statement.get("placement", Document.class);
        assertThat(((Number) placement.get("at")).longValue()).isEqualTo(at);
        assertThat(placement.getString("kind")).isEqualTo(kind);
        assertThat(placement.getString("themeId")).isEqualTo(themeId);
    }

    @Test
    void parking_moving_renaming_merging_and_splitting_keep_their_lineage() {
        feed(cardCall().subList(0, 24).toArray());

        BoardView b = board(Category.NOT_WORKING);

        assertThat(b.themes()).extracting(BoardView.Theme::themeId).containsExactly("t1", "t2", "t4");
        BoardView.Theme lonely = theme(b.themes(), "t1");
        assertThat(lonely.mergedFrom()).containsExactly("t3");
        assertThat(lonely.statements())
                .extracting(BoardView.Statement::statementId)
                .containsExactly("s1", "s4");
        BoardView.Theme split = theme(b.themes(), "t4");
        assertThat(split.splitFrom()).isEqualTo("t1");
        assertThat(split.title()).isEqualTo("I have no one to talk to");
        assertThat(split.statements())
                .extracting(BoardView.Statement::statementId)
                .containsExactly("s2");

        assertThat(b.retiredThemes()).singleElement().satisfies(t -> {
            assertThat(t.themeId()).isEqualTo("t3");
            assertThat(t.title()).isEqualTo("Nobody comes by");
            assertThat(t.status()).isEqualTo("RETIRED");
            assertThat(t.mergedInto()).isEqualTo("t1");
            assertThat(t.statements())
                    .extracting(BoardView.Statement::statementId)
                    .containsExactly("s2", "s4");
        });
        assertThat(b.unclustered()).isEmpty();
        assertThat(b.parked()).extracting(BoardView.Statement::text).containsExactly("Nobody listens to me");
    }

    @Test
    void votes_of_the_latest_round_are_tallied_per_theme_on_the_board() {
        feed(cardCall().toArray());

        BoardView b = board(Category.NOT_WORKING);
        assertThat(b.votingId()).isEqualTo("v1");
        assertThat(b.themes())
                .extracting(BoardView.Theme::themeId, BoardView.Theme::votes)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("t1", 3),
                        org.assertj.core.groups.Tuple.tuple("t2", 0),
                        org.assertj.core.groups.Tuple.tuple("t4", 1));
        assertThat(board(Category.WORKING).votingId()).isNull();

        feed(
                new VotingOpened(P, "v2", 3, 4, List.of(new ThemeAtOpening("t1", "I am lonely", List.of("s1", "s4")))),
                new VoteCast(P, "v1", "u4", "t2"),
                new VoteCast(P, "v2", "u1", "t4"));

        BoardView next = board(Category.NOT_WORKING);
        assertThat(next.votingId()).isEqualTo("v2");
        assertThat(next.themes()).extracting(BoardView.Theme::votes).containsExactly(0, 0, 1);
    }

    @Test
    void a_forgotten_persons_words_show_as_erased_while_others_words_stay() {
        feed(cardCall().toArray());
        vault.destroyKey(P, "joe");
        feed(new PersonForgotten(P, "joe", "asked to be forgotten"));

        BoardView b = board(Category.NOT_WORKING);
        BoardView.Statement s2 = theme(b.themes(), "t4").statements().get(0);
        assertThat(s2.text()).isEqualTo(PersonalDataVault.ERASED);
        assertThat(s2.erased()).isTrue();
        assertThat(s2.person()).isEqualTo("joe");
        List<BoardView.Statement> lonely = theme(b.themes(), "t1").statements();
        assertThat(lonely).extracting(BoardView.Statement::text).containsExactly("I have only one friend", "[erased]");
        assertThat(lonely).extracting(BoardView.Statement::erased).containsExactly(false, true);
        assertThat(b.retiredThemes().get(0).statements()).allMatch(BoardView.Statement::erased);
        assertThat(board(Category.WORKING).themes().get(0).statements().get(0).text())
                .isEqualTo("Going out shopping and to the hairdressers");

        assertThat(statementDoc("s2")).containsEntry("erased", true).doesNotContainKey("text");
        assertThat(statementDoc("s4")).containsEntry("erased", true).doesNotContainKey("text");
        assertThat(statementDoc("s1")).containsKey("text").doesNotContainKey("erased");
    }

    @Test
    void words_are_erased_after_forgetting_even_if_the_vault_could_still_open_them() {
        feed(cardCall().subList(0, 13).toArray());
        feed(new PersonForgotten(P, "mary", "asked to be forgotten"));

        assertThat(theme(board(Category.NOT_WORKING).themes(), "t1").statements())
                .extracting(BoardView.Statement::text)
                .containsExactly("[erased]", "I never see anyone at the weekend");
        assertThat(board(Category.WORKING).themes().get(0).statements().get(0).erased())
                .isTrue();
    }

    @Test
    void words_the_vault_cannot_open_show_as_erased() {
        feed(cardCall().subList(0, 13).toArray());
        vault.destroyKey(P, "mary");

        BoardView.Statement marys =
                theme(board(Category.NOT_WORKING).themes(), "t1").statements().get(0);
        assertThat(marys.text()).isEqualTo("[erased]");
        assertThat(marys.erased()).isTrue();
        assertThat(board(Category.NOT_WORKING).unclustered()).noneMatch(BoardView.Statement::erased);
    }

    @Test
    void every_event_delivered_twice_leaves_the_same_board() {
        List<Object> events = new ArrayList<>(cardCall());
        events.add(new PersonForgotten(P, "joe", "asked to be forgotten"));
        feed(projection, events, 1);
        BoardProjection twice = new BoardProjection(mongo.freshDatabase(), vault, emitter);
        feed(twice, events, 2);

        for (Category c : Category.values()) {
            assertThat(twice.handle(new FindBoard(P, c))).isEqualTo(projection.handle(new FindBoard(P, c)));
        }
        assertThat(theme(twice.handle(new FindBoard(P, Category.NOT_WORKING)).themes(), "t1")
                        .votes())
                .isEqualTo(3);
    }

    @Test
    void each_event_delivered_again_at_once_changes_nothing() {
        List<Object> events = cardCall();
        long pos = 0;
        for (Object e : events) {
            pos++;
            apply(projection, e, new GlobalSequenceTrackingToken(pos));
            BoardView once = board(Category.NOT_WORKING);
            apply(projection, e, new GlobalSequenceTrackingToken(pos));
            assertThat(board(Category.NOT_WORKING)).as("after %s twice", e).isEqualTo(once);
        }
    }

    @Test
    void reset_then_replay_rebuilds_the_same_board() {
        List<Object> events = cardCall();
        feed(projection, events, 1);
        BoardView before = board(Category.NOT_WORKING);

        projection.reset();
        assertThat(board(Category.NOT_WORKING)).isNull();

        feed(projection, events, 1);
        assertThat(board(Category.NOT_WORKING)).isEqualTo(before);
    }

    @Test
    void an_empty_board_for_a_known_programme_and_nothing_for_an_unknown_one() {
        feed(new ProgrammeLaunched(P, "We are using WTfC to … so that …", Level.UNIT));

        assertThat(board(Category.FUTURE))
                .isEqualTo(new BoardView(P, Category.FUTURE, List.of(), List.of(), List.of(), List.of(), null, 0));
        assertThat(projection.handle(new FindBoard("unknown", Category.FUTURE))).isNull();
    }

    @Test
    void version_is_the_highest_position_seen_and_never_goes_back() {
        feed(cardCall().subList(0, 2).toArray());
        assertThat(board(Category.NOT_WORKING).version()).isEqualTo(2);

        projection.on(
                new ThemeCreated(P, Category.NOT_WORKING, "t9", "I am bored"), new GlobalSequenceTrackingToken(1));
        assertThat(board(Category.NOT_WORKING).version()).isEqualTo(2);
        projection.on(new ThemeRenamed(P, Category.NOT_WORKING, "t9", "I am bored", "I have nothing to do"), null);
        assertThat(board(Category.NOT_WORKING).version()).isEqualTo(2);
        assertThat(board(Category.NOT_WORKING).themes().get(0).title()).isEqualTo("I have nothing to do");

        projection.on(new ThemeCreated(P, Category.FUTURE, "f1", "I want to go out"), null);
        assertThat(board(Category.FUTURE).version()).isZero();
    }

    @Test
    void ids_that_are_not_safe_field_names_still_work() {
        feed(
                new ProgrammeLaunched(P, "We are using WTfC to … so that …", Level.UNIT),
                statement("s.1", "mary", Category.NOT_WORKING, 1, "I have only one friend"),
                new ThemeCreated(P, Category.NOT_WORKING, "$t.1", "I am lonely"),
                new StatementClustered(P, Category.NOT_WORKING, "s.1", "$t.1", false),
                new VotingOpened(P, "v1", 3, 5, List.of(new ThemeAtOpening("$t.1", "I am lonely", List.of("s.1")))),
                new VoteCast(P, "v1", "u1", "$t.1"));

        BoardView.Theme t = board(Category.NOT_WORKING).themes().get(0);
        assertThat(t.statements()).extracting(BoardView.Statement::text).containsExactly("I have only one friend");
        assertThat(t.votes()).isEqualTo(1);
    }

    @Test
    void every_change_to_a_board_raises_its_version_to_the_events_position_and_reaches_its_screens() {
        List<Object> events = cardCall();
        feed(events.subList(0, 7).toArray());
        List<BoardView> seen = new CopyOnWriteArrayList<>();
        subscribe(new FindBoard(P, Category.NOT_WORKING), seen);
        for (Object change : events.subList(7, events.size())) {
            if (change instanceof ThemeCreated t && t.category() != Category.NOT_WORKING
                    || change instanceof StatementClustered c && c.category() != Category.NOT_WORKING) {
                feed(change);
                continue;
            }
            int before = seen.size();
            feed(change);
            assertThat(board(Category.NOT_WORKING).version())
                    .as(change.toString())
                    .isEqualTo(position);
            assertThat(seen).as(change.toString()).hasSize(before + 1);
            assertThat(seen.get(seen.size() - 1).version()).isEqualTo(position);
        }
        feed(new PersonForgotten(P, "ann", "asked to be forgotten"));
        assertThat(board(Category.NOT_WORKING).version()).isEqualTo(position);
        assertThat(seen.get(seen.size() - 1).version()).isEqualTo(position);
        assertThat(board(Category.WORKING).version()).isEqualTo(position);
    }

    @Test
    void the_latest_voting_round_by_position_is_the_boards_whatever_the_delivery_order() {
        feed(cardCall().subList(0, 12).toArray());
        List<ThemeAtOpening> themes = List.of(new ThemeAtOpening("t1", "I am lonely", List.of("s1")));
        projection.on(new VotingOpened(P, "v2", 3, 5, themes), new GlobalSequenceTrackingToken(40));
        projection.on(new VotingOpened(P, "v1", 3, 5, themes), new GlobalSequenceTrackingToken(30));
        assertThat(board(Category.NOT_WORKING).votingId()).isEqualTo("v2");
        projection.on(new VotingOpened(P, "v3", 3, 5, themes), new GlobalSequenceTrackingToken(41));
        assertThat(board(Category.NOT_WORKING).votingId()).isEqualTo("v3");
        // the same position: the round ids decide, so a redelivery in any order settles the same
        projection.on(new VotingOpened(P, "v0", 3, 5, themes), new GlobalSequenceTrackingToken(41));
        assertThat(board(Category.NOT_WORKING).votingId()).isEqualTo("v3");
        projection.on(new VotingOpened(P, "v4", 3, 5, themes), new GlobalSequenceTrackingToken(41));
        assertThat(board(Category.NOT_WORKING).votingId()).isEqualTo("v4");
        // without a position (not from a processor) the round is taken as it comes
        projection.on(new VotingOpened(P, "v9", 3, 5, themes), null);
        assertThat(board(Category.NOT_WORKING).votingId()).isEqualTo("v9");
    }

    @Test
    void piles_and_themes_list_statements_in_the_order_they_were_placed_not_recorded() {
        feed(cardCall().subList(0, 6).toArray());
        feed(
                new ThemeCreated(P, Category.NOT_WORKING, "t1", "I am lonely"),
                new StatementClustered(P, Category.NOT_WORKING, "s3", "t1", false),
                new StatementClustered(P, Category.NOT_WORKING, "s1", "t1", false),
                new StatementClustered(P, Category.NOT_WORKING, "s2", "t1", false),
                new ThemeCreated(P, Category.NOT_WORKING, "t2", "Nobody listens"),
                new ThemeSplit(P, Category.NOT_WORKING, "t1", "t9", "Split off", List.of("s2", "s3")));
        BoardView view = board(Category.NOT_WORKING);
        assertThat(view.themes().get(0).statements())
                .extracting(BoardView.Statement::statementId)
                .containsExactly("s1");
        assertThat(view.themes().get(2).statements())
                .extracting(BoardView.Statement::statementId)
                .containsExactly("s2", "s3");
        assertThat(view.unclustered())
                .extracting(BoardView.Statement::statementId)
                .containsExactly("s4", "s5");
    }

    @Test
    void statements_recorded_far_apart_in_the_store_are_all_on_the_board() {
        feed(cardCall().get(0));
        projection.on(statement("s1", "mary", Category.NOT_WORKING, 1, "One"), new GlobalSequenceTrackingToken(2));
        projection.on(statement("s2", "joe", Category.NOT_WORKING, 1, "Two"), new GlobalSequenceTrackingToken(5000));
        projection.on(statement("s3", "ann", Category.NOT_WORKING, 1, "Three"), new GlobalSequenceTrackingToken(9000));
        assertThat(board(Category.NOT_WORKING).unclustered())
                .extracting(BoardView.Statement::text)
                .containsExactly("One", "Two", "Three");
    }

    @Test
    void without_a_position_a_placement_is_taken_as_it_comes() {
        feed(cardCall().subList(0, 6).toArray());
        projection.on(new StatementParked(P, Category.NOT_WORKING, "s1", null), new GlobalSequenceTrackingToken(50));
        projection.on(new StatementUnparked(P, Category.NOT_WORKING, "s1"), null);
        assertThat(board(Category.NOT_WORKING).parked()).isEmpty();
    }

    @Test
    void in_a_batch_each_changed_board_reaches_its_screens_once_when_the_batch_commits() {
        feed(cardCall().subList(0, 10).toArray());
        List<BoardView> seen = new CopyOnWriteArrayList<>();
        subscribe(new FindBoard(P, Category.NOT_WORKING), seen);

        org.axonframework.messaging.unitofwork.DefaultUnitOfWork<?> batch =
                org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(null);
        feed(
                new ThemeCreated(P, Category.NOT_WORKING, "t1", "I am lonely"),
                new StatementClustered(P, Category.NOT_WORKING, "s1", "t1", false),
                new StatementClustered(P, Category.NOT_WORKING, "s2", "t1", false));
        assertThat(seen).isEmpty();
        batch.commit();

        assertThat(seen).singleElement().isEqualTo(board(Category.NOT_WORKING));
        assertThat(seen.get(0).themes().get(0).statements()).hasSize(2);
    }

    @Test
    void live_updates_reach_only_subscribers_of_the_changed_board() {
        feed(cardCall().subList(0, 10).toArray());
        List<BoardView> notWorkingUpdates = new CopyOnWriteArrayList<>();
        List<BoardView> futureUpdates = new CopyOnWriteArrayList<>();
        subscribe(new FindBoard(P, Category.NOT_WORKING), notWorkingUpdates);
        subscribe(new FindBoard(P, Category.FUTURE), futureUpdates);

        feed(
                new ThemeCreated(P, Category.NOT_WORKING, "t1", "I am lonely"),
                new StatementClustered(P, Category.NOT_WORKING, "s1", "t1", false),
                new ThemeCreated(P, Category.WORKING, "tw2", "I like my garden"));

        assertThat(notWorkingUpdates).hasSize(2);
        BoardView latest = notWorkingUpdates.get(1);
        assertThat(latest).isEqualTo(board(Category.NOT_WORKING));
        assertThat(latest.themes().get(0).statements())
                .extracting(BoardView.Statement::text)
                .containsExactly("I have only one friend");
        assertThat(futureUpdates).isEmpty();
    }

    @Test
    void without_subscribers_no_board_is_built_so_replays_stay_cheap() {
        feed(cardCall().toArray());
        assertThat(vault.opens()).isZero();
    }

    private void subscribe(FindBoard query, List<BoardView> sink) {
        GenericSubscriptionQueryMessage<FindBoard, BoardView, BoardView> message =
                new GenericSubscriptionQueryMessage<>(
                        query, ResponseTypes.instanceOf(BoardView.class), ResponseTypes.instanceOf(BoardView.class));
        UpdateHandlerRegistration<BoardView> registration = emitter.registerUpdateHandler(message, 64);
        registration
                .getUpdates()
                .map(SubscriptionQueryUpdateMessage::getPayload)
                .subscribe(sink::add);
    }
}
