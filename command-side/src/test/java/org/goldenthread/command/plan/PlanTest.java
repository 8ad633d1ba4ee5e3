package org.goldenthread.command.plan;

import static org.goldenthread.command.programme.ProgrammeFixture.FACILITATOR;
import static org.goldenthread.command.programme.ProgrammeFixture.KIM;
import static org.goldenthread.command.programme.ProgrammeFixture.P;
import static org.goldenthread.command.programme.ProgrammeFixture.SAM;
import static org.goldenthread.command.programme.ProgrammeFixture.fixture;
import static org.goldenthread.command.programme.ProgrammeFixture.unknown;
import static org.goldenthread.command.programme.ProgrammeFixture.violates;
import static org.goldenthread.command.programme.ProgrammeFixture.workshop;
import static org.goldenthread.kernel.Perspective.PERSON;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.goldenthread.command.programme.FakeVault;
import org.goldenthread.command.programme.Programme;
import org.goldenthread.kernel.plan.*;
import org.goldenthread.kernel.understand.CauseGiven;
import org.goldenthread.kernel.understand.RootCauseChosen;
import org.goldenthread.kernel.understand.WhyAsked;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Step 6. Theme t1: root cause c1 chosen, c2 not; ideas i1 and i2 chosen by the ideas vote, i3 proposed but
 * not chosen, i4 chosen and then dropped. Theme t3 is not prioritised.
 */
class PlanTest {

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
                new RootCauseChosen(P, "t1", "c1", "b1", 1, 2),
                proposed("i1", "A befriending service"),
                proposed("i2", "Free taxis"),
                proposed("i3", "A street lunch club"),
                proposed("i4", "A pen-pal scheme"),
                new IdeaChosen(P, "t1", "i1", "b2", 1, 3),
                new IdeaChosen(P, "t1", "i2", "b2", 2, 2),
                new IdeaChosen(P, "t1", "i4", "b2", 3, 1),
                new IdeaDropped(P, "i4", "t1", "Nobody writes letters"));
        events.addAll(List.of(more));
        return fixture.given(events);
    }

    private static IdeaProposed proposed(String ideaId, String text) {
        return new IdeaProposed(P, ideaId, "t1", IdeaMode.TRADITIONAL, text, List.of());
    }

    private static IdeaPlaced placed(
            String participantId,
            int effort,
            int impact,
            double medianEffort,
            double medianImpact,
            int effortSpread,
            int impactSpread,
            int placements,
            Quadrant quadrant) {
        return new IdeaPlaced(
                P,
                "i1",
                "t1",
                participantId,
                effort,
                impact,
                medianEffort,
                medianImpact,
                effortSpread,
                impactSpread,
                placements,
                quadrant);
    }

    // ---- already in place

    @Test
    void what_is_already_in_place_is_recorded_for_a_prioritised_theme() {
        given().when(new RecordAlreadyInPlace(P, "a1", "t1", "A monthly coffee morning"))
                .expectEvents(new AlreadyInPlaceRecorded(P, "a1", "t1", "A monthly coffee morning"));
    }

    @Test
    void what_is_already_in_place_needs_a_prioritised_theme() {
        given().when(new RecordAlreadyInPlace(P, "a1", "t3", "A bus pass"))
                .expectException(violates("prioritised-theme"))
                .expectNoEvents();
    }

    @Test
    void an_item_id_is_used_once() {
        given(new AlreadyInPlaceRecorded(P, "a1", "t1", "A monthly coffee morning"))
                .when(new RecordAlreadyInPlace(P, "a1", "t2", "A bus pass"))
                .expectException(violates("ids-unique"))
                .expectNoEvents();
    }

    // ---- ideas

    @Test
    void an_idea_is_proposed_for_a_prioritised_theme_naming_its_chosen_root_causes() {
        given().when(new ProposeIdea(P, "i9", "t1", IdeaMode.DIFFERENT, "Neighbours pop in", List.of("c1")))
                .expectEvents(new IdeaProposed(P, "i9", "t1", IdeaMode.DIFFERENT, "Neighbours pop in", List.of("c1")));
    }

    @Test
    void an_idea_needs_a_prioritised_theme() {
        given().when(new ProposeIdea(P, "i9", "t3", IdeaMode.RADICAL, "A town bus", List.of()))
                .expectException(violates("prioritised-theme"))
                .expectNoEvents();
    }

    @Test
    void an_idea_names_only_chosen_root_causes_of_its_theme() {
        given().when(new ProposeIdea(P, "i9", "t1", IdeaMode.RADICAL, "A bus", List.of("c2")))
                .expectException(violates("root-cause-of-theme"))
                .expectNoEvents();
    }

    @Test
    void an_idea_id_is_used_once() {
        given().when(new ProposeIdea(P, "i1", "t2", IdeaMode.RADICAL, "A walking group", List.of()))
                .expectException(violates("ids-unique"))
                .expectNoEvents();
    }

    // ---- the effort / impact grid

    @Test
    void a_participant_places_a_chosen_idea_on_the_grid() {
        given().when(new PlaceIdea(P, "i1", "p-sam", 3, 8), SAM)
                .expectEvents(placed("p-sam", 3, 8, 3.0, 8.0, 0, 0, 1, Quadrant.QUICK_WIN));
    }

    @Test
    void an_ideas_position_is_the_median_of_the_placements() {
        given(
                        placed("p-kim", 2, 9, 2.0, 9.0, 0, 0, 1, Quadrant.QUICK_WIN),
                        placed("p-lee", 8, 7, 5.0, 8.0, 6, 2, 2, Quadrant.QUICK_WIN))
                .when(new PlaceIdea(P, "i1", "p-sam", 4, 3), SAM)
                // efforts 2, 4, 8 -> 4; impacts 3, 7, 9 -> 7
                .expectEvents(placed("p-sam", 4, 3, 4.0, 7.0, 6, 6, 3, Quadrant.QUICK_WIN));
    }

    @Test
    void with_an_even_number_of_placements_the_median_is_the_mean_of_the_middle_two() {
        given(placed("p-kim", 3, 9, 3.0, 9.0, 0, 0, 1, Quadrant.QUICK_WIN))
                .when(new PlaceIdea(P, "i1", "p-sam", 8, 4), SAM)
                .expectEvents(placed("p-sam", 8, 4, 5.5, 6.5, 5, 5, 2, Quadrant.MAJOR_PROJECT));
    }

    @Test
    void a_participants_later_placement_replaces_their_earlier_one() {
        given(
                        placed("p-sam", 2, 9, 2.0, 9.0, 0, 0, 1, Quadrant.QUICK_WIN),
                        placed("p-kim", 8, 8, 5.0, 8.5, 6, 1, 2, Quadrant.QUICK_WIN))
                .when(new PlaceIdea(P, "i1", "p-sam", 9, 2), SAM)
                .expectEvents(placed("p-sam", 9, 2, 8.5, 5.0, 1, 6, 2, Quadrant.THANKLESS_TASK));
    }

    @Test
    void only_chosen_ideas_are_placed() {
        given().when(new PlaceIdea(P, "i3", "p-sam", 3, 8), SAM)
                .expectException(violates("idea-chosen"))
                .expectNoEvents();
    }

    @Test
    void a_dropped_idea_is_not_placed() {
        given().when(new PlaceIdea(P, "i4", "p-sam", 3, 8), SAM)
                .expectException(violates("idea-dropped"))
                .expectNoEvents();
    }

    @Test
    void placing_an_unknown_idea_is_refused_as_unknown() {
        given().when(new PlaceIdea(P, "i99", "p-sam", 3, 8), SAM)
                .expectException(unknown("idea", "i99"))
                .expectNoEvents();
    }

    @Test
    void a_participant_places_ideas_only_for_themselves() {
        given().when(new PlaceIdea(P, "i1", "p-sam", 3, 8), KIM)
                .expectException(violates("own-placement-only"))
                .expectNoEvents();
    }

    @Test
    void the_facilitator_may_place_an_idea_for_any_participant() {
        given().when(new PlaceIdea(P, "i1", "p-lee", 7, 3), FACILITATOR)
                .expectEvents(placed("p-lee", 7, 3, 7.0, 3.0, 0, 0, 1, Quadrant.THANKLESS_TASK));
    }

    @Test
    void only_registered_participants_place_ideas() {
        given().when(new PlaceIdea(P, "i1", "p-nobody", 7, 3), FACILITATOR)
                .expectException(unknown("participant", "p-nobody"))
                .expectNoEvents();
    }

    // ---- dropping

    @Test
    void an_idea_is_dropped_with_its_reason() {
        given().when(new DropIdea(P, "i2", "A thankless task"))
                .expectEvents(new IdeaDropped(P, "i2", "t1", "A thankless task"));
    }

    @Test
    void an_idea_is_dropped_once() {
        given().when(new DropIdea(P, "i4", "Still no letters"))
                .expectException(violates("dropped-once"))
                .expectNoEvents();
    }

    @Test
    void dropping_an_unknown_idea_is_refused_as_unknown() {
        given().when(new DropIdea(P, "i99", "Why not"))
                .expectException(unknown("idea", "i99"))
                .expectNoEvents();
    }
}
