package org.goldenthread.query.ballot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.goldenthread.query.support.Seed.P;

import java.util.List;
import org.goldenthread.kernel.ballot.*;
import org.goldenthread.query.support.EmbeddedMongo;
import org.goldenthread.query.support.EventFeed;
import org.goldenthread.query.support.FakeVault;
import org.goldenthread.query.support.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BallotProjectionTest {

    private static EmbeddedMongo mongo;
    private EventFeed feed;
    private BallotProjection projection;

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
        feed = new EventFeed();
        new Seed(feed, new FakeVault()).cardCall().themeVote().understand();
        projection = new BallotProjection(mongo.freshDatabase());
    }

    @Test
    void an_open_ballot_shows_its_tallies_and_no_ranking_yet() {
        feed.log().stream()
                .filter(m -> !(m.getPayload() instanceof BallotClosed))
                .forEach(m -> feed.deliver(projection, m));

        BallotView view = projection.handle(new FindBallot(P, "b1"));

        assertThat(view.status()).isEqualTo("OPEN");
        assertThat(view.subject()).isEqualTo(BallotSubject.ROOT_CAUSES);
        assertThat(view.themeId()).isEqualTo("t1");
        assertThat(view.tallies())
                .extracting(BallotView.Tally::optionId, BallotView.Tally::votes)
                .containsExactly(tuple("c1", 3), tuple("c2", 0), tuple("c4", 1));
        assertThat(view.votesCast()).isEqualTo(4);
        assertThat(view.ranking()).isEmpty();
        assertThat(view.chosenOptionIds()).isEmpty();
    }

    @Test
    void a_closed_ballot_shows_the_ranking_and_the_chosen_options() {
        feed.into(projection);

        BallotView view = projection.handle(new FindBallot(P, "b1"));

        assertThat(view.status()).isEqualTo("CLOSED");
        assertThat(view.ranking())
                .extracting(RankedOption::optionId, RankedOption::rank)
                .containsExactly(tuple("c1", 1), tuple("c4", 2), tuple("c2", 3));
        assertThat(view.chosenOptionIds()).containsExactly("c1");
        assertThat(view.tieAtCutoff()).isFalse();
    }

    @Test
    void every_event_delivered_twice_leaves_the_same_view_and_replay_rebuilds_it() {
        feed.into(projection);
        BallotView once = projection.handle(new FindBallot(P, "b1"));
        BallotProjection twice = new BallotProjection(mongo.freshDatabase());
        feed.into(twice, 2);
        assertThat(twice.handle(new FindBallot(P, "b1"))).isEqualTo(once);

        feed.reset(projection);
        assertThat(projection.handle(new FindBallot(P, "b1"))).isNull();
        feed.into(projection);
        assertThat(projection.handle(new FindBallot(P, "b1"))).isEqualTo(once);
    }

    @Test
    void an_unknown_ballot_or_another_programmes_ballot_is_not_found() {
        feed.into(projection);

        assertThat(projection.handle(new FindBallot(P, "nope"))).isNull();
        assertThat(projection.handle(new FindBallot("p2", "b1"))).isNull();
        assertThat(List.of(projection.handle(new FindBallot(P, "b1")).votesPerParticipant()))
                .containsExactly(2);
    }
}
