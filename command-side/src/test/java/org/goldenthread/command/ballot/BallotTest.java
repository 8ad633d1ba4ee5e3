package org.goldenthread.command.ballot;

import static org.goldenthread.command.programme.ProgrammeFixture.FACILITATOR;
import static org.goldenthread.command.programme.ProgrammeFixture.P;
import static org.goldenthread.command.programme.ProgrammeFixture.SAM;
import static org.goldenthread.command.programme.ProgrammeFixture.fixture;
import static org.goldenthread.command.programme.ProgrammeFixture.unknown;
import static org.goldenthread.command.programme.ProgrammeFixture.violates;
import static org.goldenthread.command.programme.ProgrammeFixture.workshop;
import static org.goldenthread.kernel.Perspective.PERSON;
import static org.goldenthread.kernel.ballot.BallotSubject.IDEAS;
import static org.goldenthread.kernel.ballot.BallotSubject.ROOT_CAUSES;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.goldenthread.command.programme.FakeVault;
import org.goldenthread.command.programme.Programme;
import org.goldenthread.kernel.ballot.*;
import org.goldenthread.kernel.plan.IdeaChosen;
import org.goldenthread.kernel.plan.IdeaDropped;
import org.goldenthread.kernel.plan.IdeaMode;
import org.goldenthread.kernel.plan.IdeaProposed;
import org.goldenthread.kernel.understand.CauseGiven;
import org.goldenthread.kernel.understand.RootCauseChosen;
import org.goldenthread.kernel.understand.WhyAsked;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ballots of steps 4 and 6. Theme t1's tree: w1 answered by c1 and c2, c1 questioned again (w2) and
 * answered by c3; its ideas i1, i2 (dropped), i3. Theme t2 has no causes yet; t3 is not prioritised.
 */
class BallotTest {

    private static final BallotOption C1 = new BallotOption("c1", "Nobody visits");
    private static final BallotOption C2 = new BallotOption("c2", "The bus stopped running");
    private static final BallotOption C3 = new BallotOption("c3", "Friends moved away");

    private AggregateTestFixture<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(new FakeVault());
    }

    private static List<Object> tree() {
        return workshop(
                new WhyAsked(P, "w1", "t1", null, "Why are you lonely?", PERSON),
                new CauseGiven(P, "c1", "w1", "t1", "Nobody visits", PERSON),
                new CauseGiven(P, "c2", "w1", "t1", "The bus stopped running", PERSON),
                new WhyAsked(P, "w2", "t1", "c1", "Why does nobody visit?", PERSON),
                new CauseGiven(P, "c3", "w2", "t1", "Friends moved away", PERSON),
                new IdeaProposed(P, "i1", "t1", IdeaMode.TRADITIONAL, "A befriending service", List.of()),
                new IdeaProposed(P, "i2", "t1", IdeaMode.RADICAL, "Free taxis", List.of()),
                new IdeaProposed(P, "i3", "t1", IdeaMode.DIFFERENT, "A street lunch club", List.of()),
                new IdeaProposed(P, "i4", "t2", IdeaMode.DIFFERENT, "Walking group", List.of()),
                new IdeaDropped(P, "i2", "t1", "Thankless task"));
    }

    private TestExecutor<Programme> given(Object... more) {
        List<Object> events = tree();
        events.addAll(List.of(more));
        return fixture.given(events);
    }

    private static BallotOpened opened(String ballotId) {
        return new BallotOpened(P, ballotId, ROOT_CAUSES, "t1", 3, 2, List.of(C1, C2, C3));
    }

    private static BallotClosed closedWithoutVotes(String ballotId) {
        return new BallotClosed(P, ballotId, ROOT_CAUSES, "t1", List.of(), List.of(), false);
    }

    // ---- opening

    @Test
    void a_root_cause_ballot_offers_every_cause_given_for_the_theme() {
        given().when(new OpenBallot(P, "b1", ROOT_CAUSES, "t1", 3, 2)).expectEvents(opened("b1"));
    }

    @Test
    void an_ideas_ballot_offers_the_themes_ideas_not_dropped() {
        given().when(new OpenBallot(P, "b1", IDEAS, "t1", 3, 3))
                .expectEvents(new BallotOpened(
                        P,
                        "b1",
                        IDEAS,
                        "t1",
                        3,
                        3,
                        List.of(
                                new BallotOption("i1", "A befriending service"),
                                new BallotOption("i3", "A street lunch club"))));
    }

    @Test
    void a_ballot_needs_options_to_vote_on() {
        given().when(new OpenBallot(P, "b1", ROOT_CAUSES, "t2", 3, 2))
                .expectException(violates("options-to-vote-on"))
                .expectNoEvents();
    }

    @Test
    void a_ballot_needs_a_prioritised_theme() {
        given().when(new OpenBallot(P, "b1", ROOT_CAUSES, "t3", 3, 2))
                .expectException(violates("prioritised-theme"))
                .expectNoEvents();
    }

    @Test
    void a_ballot_on_an_unknown_theme_is_refused_as_unknown() {
        given().when(new OpenBallot(P, "b1", ROOT_CAUSES, "t99", 3, 2))
                .expectException(unknown("theme", "t99"))
                .expectNoEvents();
    }

    @Test
    void one_ballot_is_open_per_subject_and_theme() {
        given(opened("b1"))
                .when(new OpenBallot(P, "b2", ROOT_CAUSES, "t1", 3, 2))
                .expectException(violates("one-open-ballot"))
                .expectNoEvents();
    }

    @Test
    void ballots_on_other_subjects_or_themes_may_be_open_together() {
        given(opened("b1"))
                .when(new OpenBallot(P, "b2", IDEAS, "t2", 3, 3))
                .expectEvents(
                        new BallotOpened(P, "b2", IDEAS, "t2", 3, 3, List.of(new BallotOption("i4", "Walking group"))));
    }

    @Test
    void a_ballot_id_is_used_once() {
        given(opened("b1"), closedWithoutVotes("b1"))
                .when(new OpenBallot(P, "b1", IDEAS, "t1", 3, 3))
                .expectException(violates("ids-unique"))
                .expectNoEvents();
    }

    // ---- casting and withdrawing

    @Test
    void a_participant_casts_their_own_ballot_vote() {
        given(opened("b1"))
                .when(new CastBallotVote(P, "b1", "p-sam", "c2"), SAM)
                .expectEvents(new BallotVoteCast(P, "b1", "p-sam", "c2"));
    }

    @Test
    void the_facilitator_may_record_a_ballot_vote_for_any_participant() {
        given(opened("b1"))
                .when(new CastBallotVote(P, "b1", "p-lee", "c2"), FACILITATOR)
                .expectEvents(new BallotVoteCast(P, "b1", "p-lee", "c2"));
    }

    @Test
    void a_participant_casts_only_their_own_ballot_votes() {
        given(opened("b1"))
                .when(new CastBallotVote(P, "b1", "p-kim", "c2"), SAM)
                .expectException(violates("own-vote-only"))
                .expectNoEvents();
    }

    @Test
    void only_registered_participants_vote_on_a_ballot() {
        given(opened("b1"))
                .when(new CastBallotVote(P, "b1", "p-nobody", "c2"), FACILITATOR)
                .expectException(unknown("participant", "p-nobody"))
                .expectNoEvents();
    }

    @Test
    void a_ballot_vote_goes_to_a_ballot_that_exists() {
        given(opened("b1"))
                .when(new CastBallotVote(P, "b9", "p-sam", "c2"), SAM)
                .expectException(unknown("ballot", "b9"))
                .expectNoEvents();
    }

    @Test
    void a_ballot_vote_needs_the_ballot_open() {
        given(opened("b1"), closedWithoutVotes("b1"))
                .when(new CastBallotVote(P, "b1", "p-sam", "c2"), SAM)
                .expectException(violates("ballot-open"))
                .expectNoEvents();
    }

    @Test
    void only_options_on_the_ballot_at_opening_can_be_voted_for() {
        given(opened("b1"), new CauseGiven(P, "c4", "w1", "t1", "Too tired to go out", PERSON))
                .when(new CastBallotVote(P, "b1", "p-sam", "c4"), SAM)
                .expectException(violates("option-on-ballot"))
                .expectNoEvents();
    }

    @Test
    void each_ballot_vote_goes_to_a_different_option() {
        given(opened("b1"), new BallotVoteCast(P, "b1", "p-sam", "c2"))
                .when(new CastBallotVote(P, "b1", "p-sam", "c2"), SAM)
                .expectException(violates("distinct-options"))
                .expectNoEvents();
    }

    @Test
    void each_participant_has_the_ballots_number_of_votes() {
        given(
                        new BallotOpened(P, "b1", ROOT_CAUSES, "t1", 2, 2, List.of(C1, C2, C3)),
                        new BallotVoteCast(P, "b1", "p-sam", "c1"),
                        new BallotVoteCast(P, "b1", "p-sam", "c2"))
                .when(new CastBallotVote(P, "b1", "p-sam", "c3"), SAM)
                .expectException(violates("votes-per-participant"))
                .expectNoEvents();
    }

    @Test
    void a_participant_withdraws_their_own_ballot_vote() {
        given(opened("b1"), new BallotVoteCast(P, "b1", "p-sam", "c1"))
                .when(new WithdrawBallotVote(P, "b1", "p-sam", "c1"), SAM)
                .expectEvents(new BallotVoteWithdrawn(P, "b1", "p-sam", "c1"));
    }

    @Test
    void a_participant_withdraws_only_their_own_ballot_votes() {
        given(opened("b1"), new BallotVoteCast(P, "b1", "p-kim", "c1"))
                .when(new WithdrawBallotVote(P, "b1", "p-kim", "c1"), SAM)
                .expectException(violates("own-vote-only"))
                .expectNoEvents();
    }

    @Test
    void only_a_cast_ballot_vote_can_be_withdrawn() {
        given(opened("b1"), new BallotVoteCast(P, "b1", "p-sam", "c1"))
                .when(new WithdrawBallotVote(P, "b1", "p-sam", "c2"), SAM)
                .expectException(violates("no-such-vote"))
                .expectNoEvents();
    }

    // ---- closing

    private static List<Object> votes(BallotOpened opened, String... participantOption) {
        List<Object> events = tree();
        events.add(opened);
        for (String po : participantOption) {
            String[] parts = po.split(":");
            events.add(new BallotVoteCast(P, opened.ballotId(), parts[0], parts[1]));
        }
        return events;
    }

    @Test
    void closing_a_root_cause_ballot_chooses_the_top_causes_in_rank_order() {
        // c3 3, c1 2, c2 1 -> top 2 are c3 and c1
        fixture.given(votes(opened("b1"), "p1:c3", "p1:c1", "p2:c3", "p2:c1", "p3:c3", "p3:c2"))
                .when(new CloseBallot(P, "b1"))
                .expectEvents(
                        new BallotClosed(
                                P,
                                "b1",
                                ROOT_CAUSES,
                                "t1",
                                List.of(
                                        new RankedOption("c3", "Friends moved away", 3, 1),
                                        new RankedOption("c1", "Nobody visits", 2, 2),
                                        new RankedOption("c2", "The bus stopped running", 1, 3)),
                                List.of("c3", "c1"),
                                false),
                        new RootCauseChosen(P, "t1", "c3", "b1", 1, 3),
                        new RootCauseChosen(P, "t1", "c1", "b1", 2, 2));
    }

    @Test
    void every_option_tied_at_the_cutoff_is_chosen() {
        BallotOpened ideas = new BallotOpened(
                P,
                "b2",
                IDEAS,
                "t1",
                3,
                1,
                List.of(
                        new BallotOption("i1", "A befriending service"),
                        new BallotOption("i3", "A street lunch club")));
        fixture.given(votes(ideas, "p1:i1", "p2:i3"))
                .when(new CloseBallot(P, "b2"))
                .expectEvents(
                        new BallotClosed(
                                P,
                                "b2",
                                IDEAS,
                                "t1",
                                List.of(
                                        new RankedOption("i1", "A befriending service", 1, 1),
                                        new RankedOption("i3", "A street lunch club", 1, 1)),
                                List.of("i1", "i3"),
                                true),
                        new IdeaChosen(P, "t1", "i1", "b2", 1, 1),
                        new IdeaChosen(P, "t1", "i3", "b2", 1, 1));
    }

    @Test
    void an_option_without_votes_is_never_chosen() {
        fixture.given(votes(opened("b1"), "p1:c2"))
                .when(new CloseBallot(P, "b1"))
                .expectEvents(
                        new BallotClosed(
                                P,
                                "b1",
                                ROOT_CAUSES,
                                "t1",
                                List.of(
                                        new RankedOption("c2", "The bus stopped running", 1, 1),
                                        new RankedOption("c1", "Nobody visits", 0, 2),
                                        new RankedOption("c3", "Friends moved away", 0, 2)),
                                List.of("c2"),
                                false),
                        new RootCauseChosen(P, "t1", "c2", "b1", 1, 1));
    }

    @Test
    void ballot_votes_count_only_while_cast() {
        List<Object> history = votes(opened("b1"), "p1:c1", "p1:c2", "p2:c2");
        history.add(new BallotVoteWithdrawn(P, "b1", "p1", "c2"));
        fixture.given(history)
                .when(new CloseBallot(P, "b1"))
                .expectEvents(
                        new BallotClosed(
                                P,
                                "b1",
                                ROOT_CAUSES,
                                "t1",
                                List.of(
                                        new RankedOption("c1", "Nobody visits", 1, 1),
                                        new RankedOption("c2", "The bus stopped running", 1, 1),
                                        new RankedOption("c3", "Friends moved away", 0, 3)),
                                List.of("c1", "c2"),
                                false),
                        new RootCauseChosen(P, "t1", "c1", "b1", 1, 1),
                        new RootCauseChosen(P, "t1", "c2", "b1", 1, 1));
    }

    @Test
    void a_ballot_is_closed_once() {
        given(opened("b1"), closedWithoutVotes("b1"))
                .when(new CloseBallot(P, "b1"))
                .expectException(violates("ballot-open"))
                .expectNoEvents();
    }
}
