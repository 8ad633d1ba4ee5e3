package org.goldenthread.command.understand;

import static org.goldenthread.command.programme.ProgrammeFixture.P;
import static org.goldenthread.command.programme.ProgrammeFixture.fixture;
import static org.goldenthread.command.programme.ProgrammeFixture.unknown;
import static org.goldenthread.command.programme.ProgrammeFixture.violates;
import static org.goldenthread.command.programme.ProgrammeFixture.workshop;
import static org.goldenthread.kernel.Perspective.CARER_FAMILY;
import static org.goldenthread.kernel.Perspective.COMMISSIONER;
import static org.goldenthread.kernel.Perspective.PERSON;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.goldenthread.command.programme.FakeVault;
import org.goldenthread.command.programme.Programme;
import org.goldenthread.kernel.understand.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Step 4's five whys on the prioritised themes t1 and t2 (t3 was not prioritised). */
class FiveWhysTest {

    private AggregateTestFixture<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(new FakeVault());
    }

    private TestExecutor<Programme> given(Object... more) {
        return fixture.given(workshop(more));
    }

    static WhyAsked why(String whyId, String themeId, String causeId) {
        return new WhyAsked(P, whyId, themeId, causeId, "Why?", PERSON);
    }

    static CauseGiven cause(String causeId, String whyId, String themeId, String text) {
        return new CauseGiven(P, causeId, whyId, themeId, text, PERSON);
    }

    // ---- asking why

    @Test
    void a_why_is_asked_of_a_prioritised_theme() {
        given().when(new AskWhy(P, "w1", "t1", null, "Why are you lonely?", PERSON))
                .expectEvents(new WhyAsked(P, "w1", "t1", null, "Why are you lonely?", PERSON));
    }

    @Test
    void a_why_needs_a_prioritised_theme() {
        given().when(new AskWhy(P, "w1", "t3", null, "Why can't you get to town?", PERSON))
                .expectException(violates("prioritised-theme"))
                .expectNoEvents();
    }

    @Test
    void a_why_of_an_unknown_theme_is_refused_as_unknown() {
        given().when(new AskWhy(P, "w1", "t99", null, "Why?", PERSON))
                .expectException(unknown("theme", "t99"))
                .expectNoEvents();
    }

    @Test
    void a_why_id_is_used_once() {
        given(why("w1", "t1", null))
                .when(new AskWhy(P, "w1", "t2", null, "Why?", PERSON))
                .expectException(violates("ids-unique"))
                .expectNoEvents();
    }

    @Test
    void a_cause_can_be_questioned_again() {
        given(why("w1", "t1", null), cause("c1", "w1", "t1", "Nobody visits"))
                .when(new AskWhy(P, "w2", "t1", "c1", "Why does nobody visit?", CARER_FAMILY))
                .expectEvents(new WhyAsked(P, "w2", "t1", "c1", "Why does nobody visit?", CARER_FAMILY));
    }

    @Test
    void a_cause_questioned_again_is_a_cause_of_that_theme() {
        given(why("w1", "t1", null), cause("c1", "w1", "t1", "Nobody visits"))
                .when(new AskWhy(P, "w2", "t2", "c1", "Why?", PERSON))
                .expectException(violates("cause-of-theme"))
                .expectNoEvents();
    }

    @Test
    void questioning_an_unknown_cause_is_refused_as_unknown() {
        given(why("w1", "t1", null))
                .when(new AskWhy(P, "w2", "t1", "c9", "Why?", PERSON))
                .expectException(unknown("cause", "c9"))
                .expectNoEvents();
    }

    // ---- giving causes

    @Test
    void a_cause_answers_a_why_of_its_theme() {
        given(why("w1", "t1", null))
                .when(new GiveCause(P, "c1", "w1", "Nobody visits", COMMISSIONER))
                .expectEvents(new CauseGiven(P, "c1", "w1", "t1", "Nobody visits", COMMISSIONER));
    }

    @Test
    void a_why_may_have_several_causes() {
        given(why("w1", "t1", null), cause("c1", "w1", "t1", "Nobody visits"))
                .when(new GiveCause(P, "c2", "w1", "The bus stopped running", PERSON))
                .expectEvents(cause("c2", "w1", "t1", "The bus stopped running"));
    }

    @Test
    void the_tree_grows_from_a_cause_questioned_again() {
        given(why("w1", "t1", null), cause("c1", "w1", "t1", "Nobody visits"), why("w2", "t1", "c1"))
                .when(new GiveCause(P, "c2", "w2", "Friends moved away", PERSON))
                .expectEvents(cause("c2", "w2", "t1", "Friends moved away"));
    }

    @Test
    void a_cause_answers_a_why_that_exists() {
        given().when(new GiveCause(P, "c1", "w9", "Nobody visits", PERSON))
                .expectException(unknown("why", "w9"))
                .expectNoEvents();
    }

    @Test
    void a_cause_id_is_used_once() {
        given(why("w1", "t1", null), cause("c1", "w1", "t1", "Nobody visits"))
                .when(new GiveCause(P, "c1", "w1", "The bus stopped running", PERSON))
                .expectException(violates("ids-unique"))
                .expectNoEvents();
    }

    @Test
    void a_cause_reaching_a_guard_rail_is_flagged_never_refused() {
        given(why("w1", "t1", null))
                .when(new GiveCause(P, "c1", "w1", "The day centre budget was cut", PERSON))
                .expectEvents(
                        cause("c1", "w1", "t1", "The day centre budget was cut"),
                        new CauseFlaggedByGuardRail(P, "c1", "t1", List.of("guard rail: 'budget'")));
    }
}
