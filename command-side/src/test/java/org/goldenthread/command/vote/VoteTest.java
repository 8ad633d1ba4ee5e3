package org.goldenthread.command.vote;

import static org.goldenthread.command.programme.ProgrammeFixture.P;
import static org.goldenthread.command.programme.ProgrammeFixture.fixture;
import static org.goldenthread.command.programme.ProgrammeFixture.launched;
import static org.goldenthread.command.programme.ProgrammeFixture.participant;
import static org.goldenthread.command.programme.ProgrammeFixture.review;
import static org.goldenthread.command.programme.ProgrammeFixture.statement;
import static org.goldenthread.command.programme.ProgrammeFixture.unknown;
import static org.goldenthread.command.programme.ProgrammeFixture.violates;
import static org.goldenthread.kernel.Category.NOT_WORKING;
import static org.goldenthread.kernel.Category.WORKING;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.goldenthread.command.programme.FakeVault;
import org.goldenthread.command.programme.Programme;
import org.goldenthread.kernel.ActorMetaData;
import org.goldenthread.kernel.theme.StatementClustered;
import org.goldenthread.kernel.theme.StatementParked;
import org.goldenthread.kernel.theme.ThemeCreated;
import org.goldenthread.kernel.theme.ThemeSplit;
import org.goldenthread.kernel.theme.ThemesMerged;
import org.goldenthread.kernel.vote.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Step 3's vote. The board: NOT_WORKING themes t1 [s1], t2 [s2], t3 [s3], t4 (emptied: its statement is
 * parked), a WORKING theme tw [s5]. Participants p-sam (login sam) and p-kim (login kim).
 */
class VoteTest {

    private static final MetaData SAM =
            MetaData.with(ActorMetaData.ACTOR, "sam").and(ActorMetaData.ROLE, ActorMetaData.PARTICIPANT);
    private static final MetaData FACILITATOR =
            MetaData.with(ActorMetaData.ACTOR, "fran").and(ActorMetaData.ROLE, ActorMetaData.FACILITATOR);

    private static final ThemeAtOpening T1 = new ThemeAtOpening("t1", "I am lonely", List.of("s1"));
    private static final ThemeAtOpening T2 = new ThemeAtOpening("t2", "I never get out", List.of("s2"));
    private static final ThemeAtOpening T3 = new ThemeAtOpening("t3", "I can't get to town", List.of("s3"));

    private AggregateTestFixture<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(new FakeVault());
    }

    private static List<Object> board() {
        return List.of(
                launched(),
                participant("p-sam", "sam"),
                participant("p-kim", "kim"),
                review("r1", "anna", "s1", "s2", "s5"),
                statement("r1", "s1", "anna", NOT_WORKING, 1, "I have only one friend"),
                statement("r1", "s2", "anna", NOT_WORKING, 2, "I never get out"),
                statement("r1", "s5", "anna", WORKING, 1, "I like my key worker"),
                review("r2", "bob", "s3", "s4"),
                statement("r2", "s3", "bob", NOT_WORKING, 1, "I can't get to town"),
                statement("r2", "s4", "bob", NOT_WORKING, 2, "I am bored"),
                new ThemeCreated(P, NOT_WORKING, "t1", "I am lonely"),
                new StatementClustered(P, NOT_WORKING, "s1", "t1", false),
                new ThemeCreated(P, NOT_WORKING, "t2", "I never get out"),
                new StatementClustered(P, NOT_WORKING, "s2", "t2", false),
                new ThemeCreated(P, NOT_WORKING, "t3", "I can't get to town"),
                new StatementClustered(P, NOT_WORKING, "s3", "t3", false),
                new ThemeCreated(P, NOT_WORKING, "t4", "I am bored"),
                new StatementClustered(P, NOT_WORKING, "s4", "t4", false),
                new StatementParked(P, NOT_WORKING, "s4", "t4"),
                new ThemeCreated(P, WORKING, "tw", "I like my staff"),
                new StatementClustered(P, WORKING, "s5", "tw", false));
    }

    private static VotingOpened opened(String votingId) {
        return new VotingOpened(P, votingId, 3, 5, List.of(T1, T2, T3));
    }

    private TestExecutor<Programme> given(Object... more) {
        List<Object> events = new ArrayList<>(board());
        events.addAll(List.of(more));
        return fixture.given(events);
    }

    // ---- opening

    @Test
    void a_round_puts_every_active_not_working_theme_with_statements_on_the_ballot() {
        given().when(new OpenVoting(P, "v1", 3, 5)).expectEvents(new VotingOpened(P, "v1", 3, 5, List.of(T1, T2, T3)));
    }

    @Test
    void merged_themes_are_on_the_ballot_as_their_target() {
        given(new ThemesMerged(P, NOT_WORKING, "t2", List.of("t3"), List.of("s3")))
                .when(new OpenVoting(P, "v1", 3, 4))
                .expectEvents(new VotingOpened(
                        P, "v1", 3, 4, List.of(T1, new ThemeAtOpening("t2", "I never get out", List.of("s2", "s3")))));
    }

    @Test
    void voting_needs_themes_to_vote_on() {
        fixture.given(launched(), participant("p-sam", "sam"))
                .when(new OpenVoting(P, "v1", 3, 5))
                .expectException(violates("themes-to-vote-on"))
                .expectNoEvents();
    }

    @Test
    void one_round_is_open_at_a_time() {
        given(opened("v1"))
                .when(new OpenVoting(P, "v2", 3, 5))
                .expectException(violates("one-open-round"))
                .expectNoEvents();
    }

    @Test
    void a_new_round_may_open_once_the_last_is_closed() {
        given(opened("v1"), new VotingClosed(P, "v1", List.of(), List.of(), false))
                .when(new OpenVoting(P, "v2", 3, 5))
                .expectEvents(opened("v2"));
    }

    @Test
    void a_voting_id_is_used_once() {
        given(opened("v1"), new VotingClosed(P, "v1", List.of(), List.of(), false))
                .when(new OpenVoting(P, "v1", 3, 5))
                .expectException(violates("ids-unique"))
                .expectNoEvents();
    }

    // ---- casting

    @Test
    void a_participant_casts_their_own_vote() {
        given(opened("v1"))
                .when(new CastVote(P, "v1", "p-sam", "t2"), SAM)
                .expectEvents(new VoteCast(P, "v1", "p-sam", "t2"));
    }

    @Test
    void the_facilitator_may_record_a_vote_for_any_participant() {
        given(opened("v1"))
                .when(new CastVote(P, "v1", "p-kim", "t2"), FACILITATOR)
                .expectEvents(new VoteCast(P, "v1", "p-kim", "t2"));
    }

    @Test
    void a_participant_casts_only_their_own_votes() {
        given(opened("v1"))
                .when(new CastVote(P, "v1", "p-kim", "t2"), SAM)
                .expectException(violates("own-vote-only"))
                .expectNoEvents();
    }

    @Test
    void a_vote_without_a_known_actor_is_refused() {
        given(opened("v1"))
                .when(new CastVote(P, "v1", "p-sam", "t2"))
                .expectException(violates("own-vote-only"))
                .expectNoEvents();
    }

    @Test
    void a_vote_goes_to_a_round_that_exists() {
        given(opened("v1"))
                .when(new CastVote(P, "v9", "p-sam", "t2"), SAM)
                .expectException(unknown("voting", "v9"))
                .expectNoEvents();
    }

    @Test
    void a_vote_needs_the_round_open() {
        given(opened("v1"), new VotingClosed(P, "v1", List.of(), List.of(), false))
                .when(new CastVote(P, "v1", "p-sam", "t2"), SAM)
                .expectException(violates("round-open"))
                .expectNoEvents();
    }

    @Test
    void only_registered_participants_vote() {
        given(opened("v1"))
                .when(new CastVote(P, "v1", "p-nobody", "t2"), FACILITATOR)
                .expectException(unknown("participant", "p-nobody"))
                .expectNoEvents();
    }

    @Test
    void only_themes_in_the_round_at_opening_can_be_voted_for() {
        given(opened("v1"), new ThemeSplit(P, NOT_WORKING, "t1", "t5", "Nobody calls", List.of("s1")))
                .when(new CastVote(P, "v1", "p-sam", "t5"), SAM)
                .expectException(violates("theme-in-round"))
                .expectNoEvents();
    }

    @Test
    void an_empty_or_other_board_theme_is_not_in_the_round() {
        given(opened("v1"))
                .when(new CastVote(P, "v1", "p-sam", "tw"), SAM)
                .expectException(violates("theme-in-round"))
                .expectNoEvents();
    }

    @Test
    void a_vote_for_an_unknown_theme_is_refused_as_unknown() {
        given(opened("v1"))
                .when(new CastVote(P, "v1", "p-sam", "t99"), SAM)
                .expectException(unknown("theme", "t99"))
                .expectNoEvents();
    }

    @Test
    void a_vote_stays_tied_to_the_theme_as_it_was_at_opening() {
        given(opened("v1"), new ThemesMerged(P, NOT_WORKING, "t2", List.of("t3"), List.of("s3")))
                .when(new CastVote(P, "v1", "p-sam", "t3"), SAM)
                .expectEvents(new VoteCast(P, "v1", "p-sam", "t3"));
    }

    @Test
    void each_vote_goes_to_a_different_theme() {
        given(opened("v1"), new VoteCast(P, "v1", "p-sam", "t2"))
                .when(new CastVote(P, "v1", "p-sam", "t2"), SAM)
                .expectException(violates("distinct-themes"))
                .expectNoEvents();
    }

    @Test
    void each_participant_has_the_rounds_number_of_votes() {
        given(
                        new VotingOpened(P, "v1", 2, 5, List.of(T1, T2, T3)),
                        new VoteCast(P, "v1", "p-sam", "t1"),
                        new VoteCast(P, "v1", "p-sam", "t2"))
                .when(new CastVote(P, "v1", "p-sam", "t3"), SAM)
                .expectException(violates("votes-per-participant"))
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("each participant has 2 votes"))
                .expectNoEvents();
    }

    @Test
    void another_participants_votes_do_not_count_against_mine() {
        given(
                        new VotingOpened(P, "v1", 2, 5, List.of(T1, T2, T3)),
                        new VoteCast(P, "v1", "p-kim", "t1"),
                        new VoteCast(P, "v1", "p-kim", "t2"))
                .when(new CastVote(P, "v1", "p-sam", "t1"), SAM)
                .expectEvents(new VoteCast(P, "v1", "p-sam", "t1"));
    }

    // ---- withdrawing

    @Test
    void withdrawing_a_vote_frees_it_for_another_theme() {
        given(
                        new VotingOpened(P, "v1", 2, 5, List.of(T1, T2, T3)),
                        new VoteCast(P, "v1", "p-sam", "t1"),
                        new VoteCast(P, "v1", "p-sam", "t2"),
                        new VoteWithdrawn(P, "v1", "p-sam", "t1"))
                .when(new CastVote(P, "v1", "p-sam", "t3"), SAM)
                .expectEvents(new VoteCast(P, "v1", "p-sam", "t3"));
    }

    @Test
    void a_participant_withdraws_their_own_vote() {
        given(opened("v1"), new VoteCast(P, "v1", "p-sam", "t1"))
                .when(new WithdrawVote(P, "v1", "p-sam", "t1"), SAM)
                .expectEvents(new VoteWithdrawn(P, "v1", "p-sam", "t1"));
    }

    @Test
    void a_participant_withdraws_only_their_own_votes() {
        given(opened("v1"), new VoteCast(P, "v1", "p-kim", "t1"))
                .when(new WithdrawVote(P, "v1", "p-kim", "t1"), SAM)
                .expectException(violates("own-vote-only"))
                .expectNoEvents();
    }

    @Test
    void only_a_cast_vote_can_be_withdrawn() {
        given(opened("v1"), new VoteCast(P, "v1", "p-sam", "t1"))
                .when(new WithdrawVote(P, "v1", "p-sam", "t2"), SAM)
                .expectException(violates("no-such-vote"))
                .expectNoEvents();
    }

    @Test
    void a_vote_is_withdrawn_only_while_the_round_is_open() {
        given(
                        opened("v1"),
                        new VoteCast(P, "v1", "p-sam", "t1"),
                        new VotingClosed(P, "v1", List.of(), List.of(), false))
                .when(new WithdrawVote(P, "v1", "p-sam", "t1"), SAM)
                .expectException(violates("round-open"))
                .expectNoEvents();
    }

    // ---- closing: six themes A–F, select the top 4

    private static final List<ThemeAtOpening> SIX = List.of(
            new ThemeAtOpening("A", "I am lonely", List.of("s1")),
            new ThemeAtOpening("B", "I never get out", List.of("s2")),
            new ThemeAtOpening("C", "I can't get to town", List.of("s3")),
            new ThemeAtOpening("D", "I am bored", List.of("s4")),
            new ThemeAtOpening("E", "Nobody listens", List.of("s6")),
            new ThemeAtOpening("F", "I have no money", List.of("s7")));

    private static List<Object> votes(String... participantTheme) {
        List<Object> events = new ArrayList<>();
        events.add(launched());
        events.add(new VotingOpened(P, "v1", 3, 4, SIX));
        for (String pt : participantTheme) {
            String[] parts = pt.split(":");
            events.add(new VoteCast(P, "v1", parts[0], parts[1]));
        }
        return events;
    }

    @Test
    void closing_ranks_the_themes_and_prioritises_the_top_ones() {
        // A 3, B 2, C 2, D 1, E 0, F 0 -> ranks 1, 2, 2, 4, 5, 5
        fixture.given(votes("p1:A", "p1:B", "p1:C", "p2:A", "p2:B", "p2:D", "p3:A", "p3:C"))
                .when(new CloseVoting(P, "v1"))
                .expectEvents(
                        new VotingClosed(
                                P,
                                "v1",
                                List.of(
                                        new RankedTheme("A", "I am lonely", 3, 1),
                                        new RankedTheme("B", "I never get out", 2, 2),
                                        new RankedTheme("C", "I can't get to town", 2, 2),
                                        new RankedTheme("D", "I am bored", 1, 4),
                                        new RankedTheme("E", "Nobody listens", 0, 5),
                                        new RankedTheme("F", "I have no money", 0, 5)),
                                List.of("A", "B", "C", "D"),
                                false),
                        new ThemePrioritised(P, "A", "v1", 1, 3),
                        new ThemePrioritised(P, "B", "v1", 2, 2),
                        new ThemePrioritised(P, "C", "v1", 2, 2),
                        new ThemePrioritised(P, "D", "v1", 4, 1));
    }

    @Test
    void every_theme_tied_at_the_cutoff_goes_forward() {
        // A 3, B 2, C 2, D 1, F 1, E 0 -> D and F share rank 4: five go forward
        fixture.given(votes("p1:A", "p1:B", "p1:C", "p2:A", "p2:B", "p2:D", "p3:A", "p3:C", "p3:F"))
                .when(new CloseVoting(P, "v1"))
                .expectEvents(
                        new VotingClosed(
                                P,
                                "v1",
                                List.of(
                                        new RankedTheme("A", "I am lonely", 3, 1),
                                        new RankedTheme("B", "I never get out", 2, 2),
                                        new RankedTheme("C", "I can't get to town", 2, 2),
                                        new RankedTheme("D", "I am bored", 1, 4),
                                        new RankedTheme("F", "I have no money", 1, 4),
                                        new RankedTheme("E", "Nobody listens", 0, 6)),
                                List.of("A", "B", "C", "D", "F"),
                                true),
                        new ThemePrioritised(P, "A", "v1", 1, 3),
                        new ThemePrioritised(P, "B", "v1", 2, 2),
                        new ThemePrioritised(P, "C", "v1", 2, 2),
                        new ThemePrioritised(P, "D", "v1", 4, 1),
                        new ThemePrioritised(P, "F", "v1", 4, 1));
    }

    @Test
    void a_theme_without_votes_does_not_go_forward() {
        // only E and B have votes; ties in votes keep the opening order
        fixture.given(votes("p1:E", "p2:B"))
                .when(new CloseVoting(P, "v1"))
                .expectEvents(
                        new VotingClosed(
                                P,
                                "v1",
                                List.of(
                                        new RankedTheme("B", "I never get out", 1, 1),
                                        new RankedTheme("E", "Nobody listens", 1, 1),
                                        new RankedTheme("A", "I am lonely", 0, 3),
                                        new RankedTheme("C", "I can't get to town", 0, 3),
                                        new RankedTheme("D", "I am bored", 0, 3),
                                        new RankedTheme("F", "I have no money", 0, 3)),
                                List.of("B", "E"),
                                false),
                        new ThemePrioritised(P, "B", "v1", 1, 1),
                        new ThemePrioritised(P, "E", "v1", 1, 1));
    }

    @Test
    void votes_count_only_while_cast() {
        List<Object> history = votes("p1:A", "p1:B", "p2:B");
        history.add(new VoteWithdrawn(P, "v1", "p1", "B"));
        fixture.given(history)
                .when(new CloseVoting(P, "v1"))
                .expectEvents(
                        new VotingClosed(
                                P,
                                "v1",
                                List.of(
                                        new RankedTheme("A", "I am lonely", 1, 1),
                                        new RankedTheme("B", "I never get out", 1, 1),
                                        new RankedTheme("C", "I can't get to town", 0, 3),
                                        new RankedTheme("D", "I am bored", 0, 3),
                                        new RankedTheme("E", "Nobody listens", 0, 3),
                                        new RankedTheme("F", "I have no money", 0, 3)),
                                List.of("A", "B"),
                                false),
                        new ThemePrioritised(P, "A", "v1", 1, 1),
                        new ThemePrioritised(P, "B", "v1", 1, 1));
    }

    @Test
    void a_round_is_closed_once() {
        given(opened("v1"), new VotingClosed(P, "v1", List.of(), List.of(), false))
                .when(new CloseVoting(P, "v1"))
                .expectException(violates("round-open"))
                .expectNoEvents();
    }
}
