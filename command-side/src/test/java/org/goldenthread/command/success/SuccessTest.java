package org.goldenthread.command.success;

import static org.goldenthread.command.programme.ProgrammeFixture.P;
import static org.goldenthread.command.programme.ProgrammeFixture.fixture;
import static org.goldenthread.command.programme.ProgrammeFixture.invalid;
import static org.goldenthread.command.programme.ProgrammeFixture.unknown;
import static org.goldenthread.command.programme.ProgrammeFixture.violates;
import static org.goldenthread.command.programme.ProgrammeFixture.workshop;
import static org.goldenthread.kernel.Perspective.PERSON;
import static org.goldenthread.kernel.success.SuccessPerspective.COMMISSIONERS;
import static org.goldenthread.kernel.success.SuccessPerspective.PEOPLE_CARERS_FAMILIES;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.goldenthread.command.programme.FakeVault;
import org.goldenthread.command.programme.Programme;
import org.goldenthread.kernel.ballot.BallotClosed;
import org.goldenthread.kernel.ballot.BallotOpened;
import org.goldenthread.kernel.ballot.BallotOption;
import org.goldenthread.kernel.ballot.BallotSubject;
import org.goldenthread.kernel.ballot.RankedOption;
import org.goldenthread.kernel.success.*;
import org.goldenthread.kernel.understand.CauseGiven;
import org.goldenthread.kernel.understand.RootCauseChosen;
import org.goldenthread.kernel.understand.WhyAsked;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Step 5. Theme t1's causes c1, c2, c3: the root-cause vote chose c1 and c3 (not c2). Theme t2's cause c5
 * was chosen for t2. Theme t3 is not prioritised.
 */
class SuccessTest {

    private AggregateTestFixture<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(new FakeVault());
    }

    private TestExecutor<Programme> given(Object... more) {
        List<Object> events = workshop(
                new WhyAsked(P, "w1", "t1", null, "Why are you lonely?", PERSON),
                new CauseGiven(P, "c1", "w1", "t1", "Nobody visits", PERSON),
                new CauseGiven(P, "c2", "w1", "t1", "The bus stopped running", PERSON),
                new CauseGiven(P, "c3", "w1", "t1", "Friends moved away", PERSON),
                new BallotOpened(
                        P,
                        "b1",
                        BallotSubject.ROOT_CAUSES,
                        "t1",
                        3,
                        2,
                        List.of(
                                new BallotOption("c1", "Nobody visits"),
                                new BallotOption("c2", "The bus stopped running"),
                                new BallotOption("c3", "Friends moved away"))),
                new BallotClosed(
                        P,
                        "b1",
                        BallotSubject.ROOT_CAUSES,
                        "t1",
                        List.of(
                                new RankedOption("c1", "Nobody visits", 2, 1),
                                new RankedOption("c3", "Friends moved away", 1, 2),
                                new RankedOption("c2", "The bus stopped running", 0, 3)),
                        List.of("c1", "c3"),
                        false),
                new RootCauseChosen(P, "t1", "c1", "b1", 1, 2),
                new RootCauseChosen(P, "t1", "c3", "b1", 2, 1),
                new WhyAsked(P, "w5", "t2", null, "Why do you never get out?", PERSON),
                new CauseGiven(P, "c5", "w5", "t2", "No one to go with", PERSON),
                new RootCauseChosen(P, "t2", "c5", "b5", 1, 1));
        events.addAll(List.of(more));
        return fixture.given(events);
    }

    private static SuccessStatementWritten written(String successId, List<String> rootCauseIds) {
        return new SuccessStatementWritten(
                P, successId, "t1", PEOPLE_CARERS_FAMILIES, "I see friends every week", rootCauseIds);
    }

    private static DefineMeasure measure(String measureId, String successId) {
        return new DefineMeasure(
                P,
                measureId,
                successId,
                MeasureKind.QUANTITATIVE,
                "Visits a week",
                "Care review notes",
                true,
                false,
                "visits",
                MeasureDirection.INCREASE,
                "Provider lead",
                "quarterly");
    }

    // ---- writing

    @Test
    void a_success_statement_answers_chosen_root_causes_of_its_theme() {
        given().when(new WriteSuccessStatement(
                        P, "su1", "t1", COMMISSIONERS, "We fund a befriending scheme", List.of("c3", "c1")))
                .expectEvents(new SuccessStatementWritten(
                        P, "su1", "t1", COMMISSIONERS, "We fund a befriending scheme", List.of("c3", "c1")));
    }

    @Test
    void a_success_statement_needs_a_prioritised_theme() {
        given().when(new WriteSuccessStatement(P, "su1", "t3", PEOPLE_CARERS_FAMILIES, "I get to town", List.of()))
                .expectException(violates("prioritised-theme"))
                .expectNoEvents();
    }

    @Test
    void a_success_statement_names_only_chosen_root_causes_of_its_theme() {
        given().when(new WriteSuccessStatement(P, "su1", "t1", PEOPLE_CARERS_FAMILIES, "I see friends", List.of("c2")))
                .expectException(violates("root-cause-of-theme"))
                .expectNoEvents();
        given().when(new WriteSuccessStatement(P, "su1", "t1", PEOPLE_CARERS_FAMILIES, "I see friends", List.of("c5")))
                .expectException(violates("root-cause-of-theme"))
                .expectNoEvents();
    }

    @Test
    void a_success_statement_naming_an_unknown_cause_is_refused_as_unknown() {
        given().when(new WriteSuccessStatement(P, "su1", "t1", PEOPLE_CARERS_FAMILIES, "I see friends", List.of("c9")))
                .expectException(unknown("cause", "c9"))
                .expectNoEvents();
    }

    @Test
    void a_success_statement_names_each_root_cause_once() {
        given().when(new WriteSuccessStatement(
                        P, "su1", "t1", PEOPLE_CARERS_FAMILIES, "I see friends", List.of("c1", "c1")))
                .expectException(invalid("rootCauseIds"))
                .expectNoEvents();
    }

    @Test
    void a_success_id_is_used_once() {
        given(written("su1", List.of("c1")))
                .when(new WriteSuccessStatement(P, "su1", "t2", PEOPLE_CARERS_FAMILIES, "I get out", List.of()))
                .expectException(violates("ids-unique"))
                .expectNoEvents();
    }

    // ---- revising

    @Test
    void a_revision_records_the_root_causes_it_links_and_unlinks() {
        given(written("su1", List.of("c1")))
                .when(new ReviseSuccessStatement(P, "su1", "I see a friend every day", List.of("c3"), "Said better"))
                .expectEvents(new SuccessStatementRevised(
                        P,
                        "su1",
                        "t1",
                        "I see a friend every day",
                        List.of("c3"),
                        List.of("c3"),
                        List.of("c1"),
                        "Said better"));
    }

    @Test
    void a_revision_is_compared_with_the_current_version() {
        given(
                        written("su1", List.of("c1")),
                        new SuccessStatementRevised(
                                P,
                                "su1",
                                "t1",
                                "I see friends",
                                List.of("c1", "c3"),
                                List.of("c3"),
                                List.of(),
                                "Both causes"))
                .when(new ReviseSuccessStatement(P, "su1", "I see friends", List.of("c3"), "Only one"))
                .expectEvents(new SuccessStatementRevised(
                        P, "su1", "t1", "I see friends", List.of("c3"), List.of(), List.of("c1"), "Only one"));
    }

    @Test
    void a_revision_keeps_the_statements_voice() {
        given(written("su1", List.of("c1")))
                .when(new ReviseSuccessStatement(P, "su1", "We visit people weekly", List.of("c1"), "Reworded"))
                .expectException(invalid("text"))
                .expectNoEvents();
    }

    @Test
    void a_revision_names_only_chosen_root_causes_of_its_theme() {
        given(written("su1", List.of("c1")))
                .when(new ReviseSuccessStatement(P, "su1", "I see friends", List.of("c5"), "Other theme"))
                .expectException(violates("root-cause-of-theme"))
                .expectNoEvents();
    }

    @Test
    void revising_an_unknown_success_statement_is_refused_as_unknown() {
        given().when(new ReviseSuccessStatement(P, "su9", "I see friends", List.of(), "Reworded"))
                .expectException(unknown("success", "su9"))
                .expectNoEvents();
    }

    // ---- measures

    @Test
    void a_measure_belongs_to_a_success_statement_and_its_theme() {
        given(written("su1", List.of("c1")))
                .when(measure("m1", "su1"))
                .expectEvents(new MeasureDefined(
                        P,
                        "m1",
                        "su1",
                        "t1",
                        MeasureKind.QUANTITATIVE,
                        "Visits a week",
                        "Care review notes",
                        true,
                        false,
                        "visits",
                        MeasureDirection.INCREASE,
                        "Provider lead",
                        "quarterly"));
    }

    @Test
    void a_measure_needs_a_success_statement_that_exists() {
        given().when(measure("m1", "su9"))
                .expectException(unknown("success", "su9"))
                .expectNoEvents();
    }

    @Test
    void a_measure_id_is_used_once() {
        given(
                        written("su1", List.of("c1")),
                        written("su2", List.of("c3")),
                        new MeasureDefined(
                                P,
                                "m1",
                                "su1",
                                "t1",
                                MeasureKind.QUALITATIVE,
                                "Stories",
                                "Reviews",
                                true,
                                false,
                                null,
                                MeasureDirection.INCREASE,
                                "Lead",
                                "yearly"))
                .when(measure("m1", "su2"))
                .expectException(violates("ids-unique"))
                .expectNoEvents();
    }
}
