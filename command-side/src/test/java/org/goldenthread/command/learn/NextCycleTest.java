package org.goldenthread.command.learn;

import static org.goldenthread.command.programme.ProgrammeFixture.P;
import static org.goldenthread.command.programme.ProgrammeFixture.fixture;
import static org.goldenthread.command.programme.ProgrammeFixture.review;
import static org.goldenthread.command.programme.ProgrammeFixture.statement;
import static org.goldenthread.command.programme.ProgrammeFixture.violates;
import static org.goldenthread.command.programme.ProgrammeFixture.workshop;
import static org.goldenthread.kernel.Category.FUTURE;
import static org.goldenthread.kernel.Category.NOT_WORKING;
import static org.goldenthread.kernel.Category.WORKING;
import static org.goldenthread.kernel.Perspective.PERSON;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.goldenthread.command.programme.FakeVault;
import org.goldenthread.command.programme.Programme;
import org.goldenthread.kernel.ballot.BallotClosed;
import org.goldenthread.kernel.ballot.BallotOpened;
import org.goldenthread.kernel.ballot.BallotOption;
import org.goldenthread.kernel.ballot.BallotSubject;
import org.goldenthread.kernel.collect.RecordReview;
import org.goldenthread.kernel.collect.StatementInput;
import org.goldenthread.kernel.learn.*;
import org.goldenthread.kernel.learn.CycleStarted.CarriedTheme;
import org.goldenthread.kernel.theme.ClusterStatement;
import org.goldenthread.kernel.theme.CreateTheme;
import org.goldenthread.kernel.theme.ParkStatement;
import org.goldenthread.kernel.theme.StatementClustered;
import org.goldenthread.kernel.theme.StatementParked;
import org.goldenthread.kernel.theme.ThemeCreated;
import org.goldenthread.kernel.theme.ThemesMerged;
import org.goldenthread.kernel.understand.AskWhy;
import org.goldenthread.kernel.understand.CauseGiven;
import org.goldenthread.kernel.understand.WhyAsked;
import org.goldenthread.kernel.vote.OpenVoting;
import org.goldenthread.kernel.vote.ThemeAtOpening;
import org.goldenthread.kernel.vote.ThemePrioritised;
import org.goldenthread.kernel.vote.VotingClosed;
import org.goldenthread.kernel.vote.VotingOpened;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The next cycle. Cycle 1 ends with NOT_WORKING themes t1 [s1], t2 [s2], t3 [s3], t4 merged into t1, a
 * WORKING theme tw [s5], a FUTURE theme tf [s8]; s6 (NOT_WORKING) unclustered, s7 (NOT_WORKING) parked.
 */
class NextCycleTest {

    private static final String REASON = "A year on: what has changed?";
    private static final List<CarriedTheme> CARRIED = List.of(
            new CarriedTheme("tw", "tw~c2", WORKING, "I like my staff"),
            new CarriedTheme("t1", "t1~c2", NOT_WORKING, "I am lonely"),
            new CarriedTheme("t2", "t2~c2", NOT_WORKING, "I never get out"),
            new CarriedTheme("t3", "t3~c2", NOT_WORKING, "I can't get to town"),
            new CarriedTheme("tf", "tf~c2", FUTURE, "I want a job"));

    private AggregateTestFixture<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(new FakeVault());
    }

    private static List<Object> cycleOne() {
        return workshop(
                review("r3", "cal", "s6", "s7", "s8"),
                statement("r3", "s6", "cal", NOT_WORKING, 1, "I am bored"),
                statement("r3", "s7", "cal", NOT_WORKING, 2, "I miss my dog"),
                statement("r3", "s8", "cal", FUTURE, 1, "I want a job"),
                new StatementParked(P, NOT_WORKING, "s7", null),
                new ThemeCreated(P, NOT_WORKING, "t4", "Nobody calls"),
                new ThemesMerged(P, NOT_WORKING, "t1", List.of("t4"), List.of()),
                new ThemeCreated(P, FUTURE, "tf", "I want a job"),
                new StatementClustered(P, FUTURE, "s8", "tf", false));
    }

    private TestExecutor<Programme> given(Object... more) {
        List<Object> events = cycleOne();
        events.addAll(List.of(more));
        return fixture.given(events);
    }

    private static CycleStarted cycleTwo() {
        return new CycleStarted(P, 2, CARRIED, REASON);
    }

    @Test
    void the_next_cycle_carries_every_active_theme_forward_in_board_order() {
        given().when(new StartNextCycle(P, REASON)).expectEvents(cycleTwo());
    }

    @Test
    void cycles_are_numbered_on() {
        given(cycleTwo())
                .when(new StartNextCycle(P, "Two years on"))
                .expectEvents(new CycleStarted(
                        P,
                        3,
                        List.of(
                                new CarriedTheme("tw~c2", "tw~c2~c3", WORKING, "I like my staff"),
                                new CarriedTheme("t1~c2", "t1~c2~c3", NOT_WORKING, "I am lonely"),
                                new CarriedTheme("t2~c2", "t2~c2~c3", NOT_WORKING, "I never get out"),
                                new CarriedTheme("t3~c2", "t3~c2~c3", NOT_WORKING, "I can't get to town"),
                                new CarriedTheme("tf~c2", "tf~c2~c3", FUTURE, "I want a job")),
                        "Two years on"));
    }

    @Test
    void close_open_votes_first() {
        given(new VotingOpened(P, "v2", 3, 4, List.of(new ThemeAtOpening("t1", "I am lonely", List.of("s1")))))
                .when(new StartNextCycle(P, REASON))
                .expectException(violates("close-open-votes-first"))
                .expectNoEvents();
        given(
                        new WhyAsked(P, "w1", "t1", null, "Why?", PERSON),
                        new CauseGiven(P, "c1", "w1", "t1", "Nobody visits", PERSON),
                        new BallotOpened(
                                P,
                                "b1",
                                BallotSubject.ROOT_CAUSES,
                                "t1",
                                3,
                                2,
                                List.of(new BallotOption("c1", "Nobody visits"))))
                .when(new StartNextCycle(P, REASON))
                .expectException(violates("close-open-votes-first"))
                .expectNoEvents();
    }

    @Test
    void the_next_cycle_may_start_once_every_ballot_is_closed() {
        given(
                        new WhyAsked(P, "w1", "t1", null, "Why?", PERSON),
                        new CauseGiven(P, "c1", "w1", "t1", "Nobody visits", PERSON),
                        new BallotOpened(
                                P,
                                "b1",
                                BallotSubject.ROOT_CAUSES,
                                "t1",
                                3,
                                2,
                                List.of(new BallotOption("c1", "Nobody visits"))),
                        new BallotClosed(P, "b1", BallotSubject.ROOT_CAUSES, "t1", List.of(), List.of(), false))
                .when(new StartNextCycle(P, REASON))
                .expectEvents(cycleTwo());
    }

    @Test
    void a_carried_theme_takes_the_old_themes_place_on_the_board() {
        given(
                        cycleTwo(),
                        review("r4", "anna", "s10"),
                        statement("r4", "s10", "anna", NOT_WORKING, 1, "I still have only one friend"))
                .when(new ClusterStatement(P, NOT_WORKING, "t1~c2", "s10"))
                .expectEvents(new StatementClustered(P, NOT_WORKING, "s10", "t1~c2", false));
    }

    @Test
    void a_theme_of_an_earlier_cycle_is_retired() {
        given(
                        cycleTwo(),
                        review("r4", "anna", "s10"),
                        statement("r4", "s10", "anna", NOT_WORKING, 1, "I still have only one friend"))
                .when(new ClusterStatement(P, NOT_WORKING, "t1", "s10"))
                .expectException(violates("theme-retired"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("carried forward as 't1~c2'"))
                .expectNoEvents();
    }

    @Test
    void statements_of_an_earlier_cycle_can_no_longer_be_placed() {
        // s6 was unclustered and s7 parked when cycle 2 began; s1 stays in its retired theme t1
        given(cycleTwo())
                .when(new ClusterStatement(P, NOT_WORKING, "t1~c2", "s6"))
                .expectException(violates("statement-in-current-cycle"))
                .expectNoEvents();
        given(cycleTwo())
                .when(new CreateTheme(P, NOT_WORKING, "t9", "I miss my dog", List.of("s7")))
                .expectException(violates("statement-in-current-cycle"))
                .expectNoEvents();
        given(cycleTwo())
                .when(new ParkStatement(P, NOT_WORKING, "s1"))
                .expectException(violates("statement-in-current-cycle"))
                .expectNoEvents();
    }

    @Test
    void a_new_cycle_votes_on_its_own_themes() {
        given(
                        cycleTwo(),
                        review("r4", "anna", "s10"),
                        statement("r4", "s10", "anna", NOT_WORKING, 1, "I still have only one friend"),
                        new StatementClustered(P, NOT_WORKING, "s10", "t1~c2", false))
                .when(new OpenVoting(P, "v2", 3, 4))
                .expectEvents(new VotingOpened(
                        P, "v2", 3, 4, List.of(new ThemeAtOpening("t1~c2", "I am lonely", List.of("s10")))));
    }

    @Test
    void no_theme_is_prioritised_in_a_new_cycle_until_its_vote_closes() {
        given(cycleTwo())
                .when(new AskWhy(P, "w1", "t1", null, "Why are you still lonely?", PERSON))
                .expectException(violates("prioritised-theme"))
                .expectNoEvents();
        given(cycleTwo())
                .when(new AskWhy(P, "w1", "t1~c2", null, "Why are you still lonely?", PERSON))
                .expectException(violates("prioritised-theme"))
                .expectNoEvents();
        given(
                        cycleTwo(),
                        new VotingOpened(
                                P, "v2", 3, 4, List.of(new ThemeAtOpening("t1~c2", "I am lonely", List.of("s10")))),
                        new VotingClosed(P, "v2", List.of(), List.of("t1~c2"), false),
                        new ThemePrioritised(P, "t1~c2", "v2", 1, 3))
                .when(new AskWhy(P, "w1", "t1~c2", null, "Why are you still lonely?", PERSON))
                .expectEvents(new WhyAsked(P, "w1", "t1~c2", null, "Why are you still lonely?", PERSON));
    }

    @Test
    void a_person_reviewed_again_in_the_next_cycle_gives_their_statements_again() {
        given(cycleTwo())
                .when(new RecordReview(
                        P,
                        "r4",
                        "anna",
                        List.of(new StatementInput("s10", NOT_WORKING, 1, "I still have only one friend"))))
                .expectEvents(
                        review("r4", "anna", "s10"),
                        statement("r4", "s10", "anna", NOT_WORKING, 1, "I still have only one friend"));
    }
}
