package org.goldenthread.command.implement;

import static org.goldenthread.command.programme.ProgrammeFixture.P;
import static org.goldenthread.command.programme.ProgrammeFixture.fixture;
import static org.goldenthread.command.programme.ProgrammeFixture.invalid;
import static org.goldenthread.command.programme.ProgrammeFixture.unknown;
import static org.goldenthread.command.programme.ProgrammeFixture.violates;
import static org.goldenthread.command.programme.ProgrammeFixture.workshop;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.goldenthread.command.programme.FakeVault;
import org.goldenthread.command.programme.Programme;
import org.goldenthread.kernel.implement.*;
import org.goldenthread.kernel.plan.IdeaChosen;
import org.goldenthread.kernel.plan.IdeaDropped;
import org.goldenthread.kernel.plan.IdeaMode;
import org.goldenthread.kernel.plan.IdeaProposed;
import org.goldenthread.kernel.success.MeasureDefined;
import org.goldenthread.kernel.success.MeasureDirection;
import org.goldenthread.kernel.success.MeasureKind;
import org.goldenthread.kernel.success.SuccessPerspective;
import org.goldenthread.kernel.success.SuccessStatementWritten;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Step 7. Theme t1's success statement su1 with measures m1, m2, m3; ideas i1 chosen, i2 proposed but not
 * chosen, i3 chosen and dropped.
 */
class ImplementTest {

    private static final LocalDate JAN = LocalDate.of(2025, 1, 15);

    private AggregateTestFixture<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(new FakeVault());
    }

    private TestExecutor<Programme> given(Object... more) {
        List<Object> events = workshop(
                new SuccessStatementWritten(
                        P,
                        "su1",
                        "t1",
                        SuccessPerspective.PEOPLE_CARERS_FAMILIES,
                        "I see friends every week",
                        List.of()),
                measure("m1"),
                measure("m2"),
                measure("m3"),
                new IdeaProposed(P, "i1", "t1", IdeaMode.TRADITIONAL, "A befriending service", List.of()),
                new IdeaProposed(P, "i2", "t1", IdeaMode.RADICAL, "Free taxis", List.of()),
                new IdeaProposed(P, "i3", "t1", IdeaMode.DIFFERENT, "A pen-pal scheme", List.of()),
                new IdeaChosen(P, "t1", "i1", "b2", 1, 3),
                new IdeaChosen(P, "t1", "i3", "b2", 2, 1),
                new IdeaDropped(P, "i3", "t1", "Nobody writes letters"));
        events.addAll(List.of(more));
        return fixture.given(events);
    }

    private static MeasureDefined measure(String measureId) {
        return new MeasureDefined(
                P,
                measureId,
                "su1",
                "t1",
                MeasureKind.QUANTITATIVE,
                "Visits a week " + measureId,
                "Care review notes",
                true,
                false,
                "visits",
                MeasureDirection.INCREASE,
                "Provider lead",
                "quarterly");
    }

    /** A plan with the given milestones (ids) and tracking measures. */
    static PlanContent content(List<String> milestoneIds, List<String> measureIds) {
        return new PlanContent(
                "Volunteers visit weekly",
                List.of("Age UK", "Council"),
                "Council lead",
                List.of(new PlanContent.Step("Recruit volunteers", JAN)),
                milestoneIds.stream()
                        .map(id -> new PlanContent.Milestone(id, "Milestone " + id, JAN.plusMonths(6)))
                        .toList(),
                List.of(new PlanContent.Resource("Coordinator", "Council budget")),
                null,
                measureIds,
                "Newsletter every quarter");
    }

    private static ActionPlanAgreed agreed(PlanContent content) {
        return new ActionPlanAgreed(P, "plan1", "i1", "t1", 1, content);
    }

    // ---- agreeing

    @Test
    void an_action_plan_is_agreed_for_a_chosen_idea() {
        PlanContent content = content(List.of("ms1", "ms2"), List.of("m1", "m2"));
        given().when(new AgreeActionPlan(P, "plan1", "i1", content)).expectEvents(agreed(content));
    }

    @Test
    void only_a_chosen_idea_gets_an_action_plan() {
        given().when(new AgreeActionPlan(P, "plan1", "i2", content(List.of("ms1"), List.of())))
                .expectException(violates("idea-chosen"))
                .expectNoEvents();
    }

    @Test
    void a_dropped_idea_gets_no_action_plan() {
        given().when(new AgreeActionPlan(P, "plan1", "i3", content(List.of("ms1"), List.of())))
                .expectException(violates("idea-dropped"))
                .expectNoEvents();
    }

    @Test
    void an_action_plan_for_an_unknown_idea_is_refused_as_unknown() {
        given().when(new AgreeActionPlan(P, "plan1", "i99", content(List.of("ms1"), List.of())))
                .expectException(unknown("idea", "i99"))
                .expectNoEvents();
    }

    @Test
    void one_plan_per_idea() {
        given(agreed(content(List.of("ms1"), List.of())))
                .when(new AgreeActionPlan(P, "plan2", "i1", content(List.of("ms1"), List.of())))
                .expectException(violates("one-plan-per-idea"))
                .expectNoEvents();
    }

    @Test
    void a_plan_id_is_used_once() {
        given(agreed(content(List.of("ms1"), List.of())))
                .when(new AgreeActionPlan(P, "plan1", "i2", content(List.of("ms1"), List.of())))
                .expectException(violates("ids-unique"))
                .expectNoEvents();
    }

    @Test
    void a_plan_tracks_measures_that_exist() {
        given().when(new AgreeActionPlan(P, "plan1", "i1", content(List.of("ms1"), List.of("m1", "m9"))))
                .expectException(unknown("measure", "m9"))
                .expectNoEvents();
    }

    @Test
    void a_plan_names_each_measure_once() {
        given().when(new AgreeActionPlan(P, "plan1", "i1", content(List.of("ms1"), List.of("m1", "m1"))))
                .expectException(invalid("measureIds"))
                .expectNoEvents();
    }

    // ---- changing

    @Test
    void a_change_is_the_next_version_with_the_measure_links_it_makes_and_breaks() {
        PlanContent next = content(List.of("ms1", "ms3"), List.of("m2", "m3"));
        given(agreed(content(List.of("ms1", "ms2"), List.of("m1", "m2"))))
                .when(new ChangeActionPlan(P, "plan1", next, "Track visits by volunteers"))
                .expectEvents(new ActionPlanChanged(
                        P, "plan1", "i1", "t1", 2, next, List.of("m3"), List.of("m1"), "Track visits by volunteers"));
    }

    @Test
    void a_reached_milestone_is_kept_in_every_later_version() {
        given(agreed(content(List.of("ms1", "ms2"), List.of())), new MilestoneReached(P, "plan1", "ms1", JAN, null))
                .when(new ChangeActionPlan(P, "plan1", content(List.of("ms2"), List.of()), "Drop the first"))
                .expectException(violates("reached-milestone-kept"))
                .expectNoEvents();
    }

    @Test
    void a_milestone_not_yet_reached_may_be_removed() {
        PlanContent next = content(List.of("ms1"), List.of());
        given(
                        agreed(content(List.of("ms1", "ms2"), List.of())),
                        new ActionPlanChanged(
                                P,
                                "plan1",
                                "i1",
                                "t1",
                                2,
                                content(List.of("ms1", "ms2"), List.of()),
                                List.of(),
                                List.of(),
                                "Dates moved"),
                        new MilestoneReached(P, "plan1", "ms1", JAN, null))
                .when(new ChangeActionPlan(P, "plan1", next, "Second milestone not needed"))
                .expectEvents(new ActionPlanChanged(
                        P, "plan1", "i1", "t1", 3, next, List.of(), List.of(), "Second milestone not needed"));
    }

    @Test
    void a_changed_plan_tracks_measures_that_exist() {
        given(agreed(content(List.of("ms1"), List.of())))
                .when(new ChangeActionPlan(P, "plan1", content(List.of("ms1"), List.of("m9")), "Track more"))
                .expectException(unknown("measure", "m9"))
                .expectNoEvents();
    }

    @Test
    void changing_an_unknown_plan_is_refused_as_unknown() {
        given().when(new ChangeActionPlan(P, "plan9", content(List.of("ms1"), List.of()), "Why not"))
                .expectException(unknown("plan", "plan9"))
                .expectNoEvents();
    }

    // ---- milestones

    @Test
    void a_milestone_of_the_plan_is_reached() {
        given(agreed(content(List.of("ms1", "ms2"), List.of())))
                .when(new ReachMilestone(P, "plan1", "ms2", JAN.plusMonths(5), "Ten volunteers"))
                .expectEvents(new MilestoneReached(P, "plan1", "ms2", JAN.plusMonths(5), "Ten volunteers"));
    }

    @Test
    void a_milestone_is_reached_once() {
        given(agreed(content(List.of("ms1"), List.of())), new MilestoneReached(P, "plan1", "ms1", JAN, null))
                .when(new ReachMilestone(P, "plan1", "ms1", JAN.plusDays(1), null))
                .expectException(violates("milestone-reached-once"))
                .expectNoEvents();
    }

    @Test
    void a_milestone_reached_is_in_the_current_version_of_the_plan() {
        given(
                        agreed(content(List.of("ms1", "ms2"), List.of())),
                        new ActionPlanChanged(
                                P,
                                "plan1",
                                "i1",
                                "t1",
                                2,
                                content(List.of("ms1"), List.of()),
                                List.of(),
                                List.of(),
                                "Shorter"))
                .when(new ReachMilestone(P, "plan1", "ms2", JAN, null))
                .expectException(unknown("milestone", "ms2"))
                .expectNoEvents();
    }

    @Test
    void a_milestone_of_an_unknown_plan_is_refused_as_unknown() {
        given().when(new ReachMilestone(P, "plan9", "ms1", JAN, null))
                .expectException(unknown("plan", "plan9"))
                .expectNoEvents();
    }

    // ---- baselines

    @Test
    void a_measure_is_baselined_with_value_date_and_source() {
        given().when(new BaselineMeasure(P, "m1", new Reading(" 2 ", JAN, "Care reviews 2024")))
                .expectEvents(new MeasureBaselined(P, "m1", new Reading("2", JAN, "Care reviews 2024")));
    }

    @Test
    void a_measure_is_baselined_once() {
        given(new MeasureBaselined(P, "m1", new Reading("2", JAN, "Care reviews 2024")))
                .when(new BaselineMeasure(P, "m1", new Reading("3", JAN.plusDays(1), "Care reviews 2024")))
                .expectException(violates("baselined-once"))
                .expectNoEvents();
    }

    @Test
    void a_baseline_reading_has_a_value_a_date_and_a_source() {
        given().when(new BaselineMeasure(P, "m1", new Reading("2", null, "Care reviews 2024")))
                .expectException(invalid("date"))
                .expectNoEvents();
    }

    @Test
    void baselining_an_unknown_measure_is_refused_as_unknown() {
        given().when(new BaselineMeasure(P, "m9", new Reading("2", JAN, "Care reviews 2024")))
                .expectException(unknown("measure", "m9"))
                .expectNoEvents();
    }
}
