package org.goldenthread.query.vote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.goldenthread.kernel.vote.FindVoting;
import org.goldenthread.kernel.vote.RankedTheme;
import org.goldenthread.kernel.vote.ThemeAtOpening;
import org.goldenthread.kernel.vote.VoteCast;
import org.goldenthread.kernel.vote.VoteWithdrawn;
import org.goldenthread.kernel.vote.VotingClosed;
import org.goldenthread.kernel.vote.VotingOpened;
import org.goldenthread.kernel.vote.VotingView;
import org.goldenthread.query.support.EmbeddedMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VotingProjectionTest {

    private static EmbeddedMongo mongo;
    private MongoDatabase db;
    private VotingProjection projection;

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
        projection = new VotingProjection(db);
    }

    private static final VotingOpened OPENED = new VotingOpened(
            "p1",
            "v1",
            3,
            4,
            List.of(
                    new ThemeAtOpening("t1", "I am lonely", List.of("s1", "s4")),
                    new ThemeAtOpening("t2", "I miss my church", List.of("s3")),
                    new ThemeAtOpening("t4", "I have no one to talk to", List.of("s2")),
                    new ThemeAtOpening("t5", "Getting out and about is hard", List.of("s6")),
                    new ThemeAtOpening("t6", "Nobody listens to me", List.of("s5"))));

    private static List<Object> openRound() {
        return List.of(
                OPENED,
                new VoteCast("p1", "v1", "u1", "t1"),
                new VoteCast("p1", "v1", "u1", "t2"),
                new VoteCast("p1", "v1", "u1", "t6"),
                new VoteCast("p1", "v1", "u2", "t1"),
                new VoteCast("p1", "v1", "u2", "t4"),
                new VoteCast("p1", "v1", "u3", "t5"),
                new VoteWithdrawn("p1", "v1", "u3", "t5"),
                new VoteCast("p1", "v1", "u3", "t1"),
                new VoteCast("p1", "v1", "u3", "t4"));
    }

    private static final VotingClosed CLOSED = new VotingClosed(
            "p1",
            "v1",
            List.of(
                    new RankedTheme("t1", "I am lonely", 3, 1),
                    new RankedTheme("t4", "I have no one to talk to", 2, 2),
                    new RankedTheme("t2", "I miss my church", 1, 3),
                    new RankedTheme("t6", "Nobody listens to me", 1, 3),
                    new RankedTheme("t5", "Getting out and about is hard", 0, 5)),
            List.of("t1", "t4", "t2", "t6"),
            false);

    private static List<Object> wholeRound() {
        List<Object> all = new ArrayList<>(openRound());
        all.add(CLOSED);
        return all;
    }

    private void apply(VotingProjection p, Object e) {
        if (e instanceof VotingOpened x) p.on(x);
        else if (e instanceof VoteCast x) p.on(x);
        else if (e instanceof VoteWithdrawn x) p.on(x);
        else if (e instanceof VotingClosed x) p.on(x);
        else throw new IllegalArgumentException("unhandled " + e);
    }

    private void feed(VotingProjection p, List<Object> events, int times) {
        for (Object e : events) {
            for (int i = 0; i < times; i++) {
                apply(p, e);
            }
        }
    }

    @Test
    void an_open_round_shows_tallies_in_opening_order_and_no_ranking_yet() {
        feed(projection, openRound(), 1);

        VotingView view = projection.handle(new FindVoting("p1", "v1"));

        assertThat(view.status()).isEqualTo("OPEN");
        assertThat(view.votesPerParticipant()).isEqualTo(3);
        assertThat(view.selectTop()).isEqualTo(4);
        assertThat(view.tallies())
                .extracting(VotingView.Tally::themeId, VotingView.Tally::title, VotingView.Tally::votes)
                .containsExactly(
                        tuple("t1", "I am lonely", 3),
                        tuple("t2", "I miss my church", 1),
                        tuple("t4", "I have no one to talk to", 2),
                        tuple("t5", "Getting out and about is hard", 0),
                        tuple("t6", "Nobody listens to me", 1));
        assertThat(view.tallies().get(0).statementIds()).containsExactly("s1", "s4");
        assertThat(view.votesCast()).isEqualTo(7);
        assertThat(view.participantsVoted()).isEqualTo(3);
        assertThat(view.ranking()).isEmpty();
        assertThat(view.prioritisedThemeIds()).isEmpty();
        assertThat(view.tieAtCutoff()).isFalse();
    }

    @Test
    void a_closed_round_shows_the_ranking_and_the_themes_that_go_forward() {
        feed(projection, wholeRound(), 1);

        VotingView view = projection.handle(new FindVoting("p1", "v1"));

        assertThat(view.status()).isEqualTo("CLOSED");
        assertThat(view.ranking())
                .extracting(RankedTheme::themeId, RankedTheme::rank)
                .containsExactly(tuple("t1", 1), tuple("t4", 2), tuple("t2", 3), tuple("t6", 3), tuple("t5", 5));
        assertThat(view.prioritisedThemeIds()).containsExactly("t1", "t4", "t2", "t6");
        assertThat(view.tallies()).extracting(VotingView.Tally::votes).containsExactly(3, 1, 2, 0, 1);
    }

    @Test
    void a_tie_at_the_cut_off_is_shown() {
        feed(projection, openRound(), 1);
        projection.on(new VotingClosed("p1", "v1", CLOSED.ranking(), List.of("t1", "t4", "t2", "t6"), true));

        assertThat(projection.handle(new FindVoting("p1", "v1")).tieAtCutoff()).isTrue();
    }

    @Test
    void votes_are_kept_as_a_set_of_participant_and_theme() {
        feed(projection, openRound(), 1);

        Document doc = db.getCollection(VotingProjection.VOTINGS)
                .find(Filters.eq("_id", "p1|v1"))
                .first();
        assertThat(doc).containsEntry("programmeId", "p1").containsEntry("status", "OPEN");
        assertThat(doc.getList("votes", Document.class))
                .hasSize(7)
                .contains(new Document("participantId", "u3").append("themeId", "t4"))
                .doesNotContain(new Document("participantId", "u3").append("themeId", "t5"));
        assertThat(doc.getList("themes", Document.class))
                .extracting(d -> d.getString("themeId"))
                .containsExactly("t1", "t2", "t4", "t5", "t6");
    }

    @Test
    void every_event_delivered_twice_leaves_the_same_view() {
        feed(projection, wholeRound(), 1);
        VotingProjection twice = new VotingProjection(mongo.freshDatabase());
        feed(twice, wholeRound(), 2);

        assertThat(twice.handle(new FindVoting("p1", "v1"))).isEqualTo(projection.handle(new FindVoting("p1", "v1")));

        VotingProjection openTwice = new VotingProjection(mongo.freshDatabase());
        feed(openTwice, openRound(), 2);
        VotingView open = openTwice.handle(new FindVoting("p1", "v1"));
        assertThat(open.votesCast()).isEqualTo(7);
        assertThat(open.tallies().get(0).votes()).isEqualTo(3);
    }

    @Test
    void a_redelivered_opening_does_not_reopen_or_clear_the_round() {
        feed(projection, wholeRound(), 1);
        VotingView closed = projection.handle(new FindVoting("p1", "v1"));

        projection.on(OPENED);

        assertThat(projection.handle(new FindVoting("p1", "v1"))).isEqualTo(closed);
    }

    @Test
    void reset_then_replay_rebuilds_the_same_view() {
        feed(projection, wholeRound(), 1);
        VotingView before = projection.handle(new FindVoting("p1", "v1"));

        projection.reset();
        assertThat(projection.handle(new FindVoting("p1", "v1"))).isNull();

        feed(projection, wholeRound(), 1);
        assertThat(projection.handle(new FindVoting("p1", "v1"))).isEqualTo(before);
    }

    @Test
    void an_unknown_round_or_another_programmes_round_is_not_found() {
        feed(projection, openRound(), 1);

        assertThat(projection.handle(new FindVoting("p1", "v2"))).isNull();
        assertThat(projection.handle(new FindVoting("p2", "v1"))).isNull();
    }
}
