package org.goldenthread.query.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.goldenthread.query.support.Seed.P;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.goldenthread.kernel.implement.MeasureBaselined;
import org.goldenthread.kernel.implement.Reading;
import org.goldenthread.kernel.learn.ActualRecorded;
import org.goldenthread.kernel.progress.*;
import org.goldenthread.kernel.success.MeasureDefined;
import org.goldenthread.kernel.success.MeasureDirection;
import org.goldenthread.kernel.success.MeasureKind;
import org.goldenthread.kernel.success.SuccessPerspective;
import org.goldenthread.kernel.success.SuccessStatementRevised;
import org.goldenthread.kernel.success.SuccessStatementWritten;
import org.goldenthread.query.support.EmbeddedMongo;
import org.goldenthread.query.support.EventFeed;
import org.goldenthread.query.support.FakeVault;
import org.goldenthread.query.support.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ThemeWorkProjectionTest {

    private static EmbeddedMongo mongo;
    private EventFeed feed;
    private Seed seed;
    private ThemeWorkProjection projection;

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
        seed = new Seed(feed, new FakeVault());
        projection = new ThemeWorkProjection(mongo.freshDatabase());
    }

    private ThemeWorkView lonely() {
        return projection.handle(new FindThemeWork(P, "t1"));
    }

    @Test
    void the_five_whys_are_a_tree_each_cause_questioned_again_under_it() {
        seed.firstCycle();
        feed.into(projection);

        ThemeWorkView view = lonely();

        assertThat(view.title()).isEqualTo(Seed.LONELY);
        assertThat(view.whys()).singleElement().satisfies(why -> {
            assertThat(why.question()).isEqualTo("Why are people lonely?");
            assertThat(why.perspective()).isEqualTo("PERSON");
            assertThat(why.causes())
                    .extracting(ThemeWorkView.CauseNode::causeId, ThemeWorkView.CauseNode::rootCause)
                    .containsExactly(tuple("c1", true), tuple("c2", false));
            ThemeWorkView.CauseNode staff = why.causes().get(0);
            assertThat(staff.text()).isEqualTo(Seed.CAUSE);
            assertThat(staff.whys()).singleElement().satisfies(again -> {
                assertThat(again.question()).isEqualTo("Why don't staff connect people?");
                assertThat(again.causes())
                        .extracting(ThemeWorkView.CauseNode::causeId, ThemeWorkView.CauseNode::guardRailFlags)
                        .containsExactly(tuple("c3", List.of("the budget is inadequate")), tuple("c4", List.of()));
            });
            assertThat(why.causes().get(1).whys()).isEmpty();
        });
        assertThat(view.rootCauses())
                .extracting(ThemeWorkView.Cause::causeId, ThemeWorkView.Cause::rank, ThemeWorkView.Cause::votes)
                .containsExactly(tuple("c1", 1, 3));
    }

    private void measured(String id, MeasureDirection direction, String baseline, String actual) {
        feed.record(new MeasureDefined(
                P,
                id,
                "su5",
                "t1",
                MeasureKind.QUANTITATIVE,
                "Measure " + id,
                "survey",
                false,
                false,
                "n",
                direction,
                "Ann",
                "quarterly"));
        feed.record(new MeasureBaselined(P, id, new Reading(baseline, LocalDate.of(2025, 1, 1), "survey")));
        feed.record(new ActualRecorded(P, id, new Reading(actual, LocalDate.of(2025, 6, 1), "survey")));
    }

    @Test
    void each_measure_is_read_in_its_desired_direction_and_the_success_statement_sums_them_up() {
        seed.cardCall().themeVote();
        feed.record(new SuccessStatementWritten(
                P, "su5", "t1", SuccessPerspective.PROVIDERS, "We keep people connected", List.of()));
        measured("m5", MeasureDirection.MAINTAIN, "10", "10");
        measured("m6", MeasureDirection.MAINTAIN, "10", "11");
        measured("m7", MeasureDirection.INCREASE, "2.5", "2.5");
        measured("m8", MeasureDirection.INCREASE, "lonely", "less lonely");
        measured("m10", MeasureDirection.INCREASE, "0", "3");
        measured("m11", MeasureDirection.DECREASE, "8", "6.25");
        feed.into(projection);

        ThemeWorkView.Success success = lonely().successStatements().stream()
                .filter(x -> x.successId().equals("su5"))
                .findFirst()
                .orElseThrow();
        assertThat(success.measures())
                .extracting(ThemeWorkView.Measure::progress)
                .containsExactly(
                        "10 → 10 (0%), maintained (desired MAINTAIN)",
                        "10 → 11 (+10%), changed (desired MAINTAIN)",
                        "2.5 → 2.5 (0%), no change (desired INCREASE)",
                        "\"lonely\" → \"less lonely\" (qualitative: read the evidence)",
                        "0 → 3, improving (desired INCREASE)",
                        "8 → 6.25 (-21.9%), improving (desired DECREASE)");
        assertThat(success.progress())
                .isEqualTo("3 of 6 measures improving; 1 unchanged, 1 not held steady, 1 qualitative");
    }

    @Test
    void measures_show_baseline_actuals_in_date_order_and_progress() {
        seed.firstCycle();
        feed.into(projection);

        ThemeWorkView view = lonely();

        ThemeWorkView.Success people = view.successStatements().get(0);
        assertThat(people.text()).isEqualTo(Seed.SUCCESS);
        assertThat(people.perspective()).isEqualTo("PEOPLE_CARERS_FAMILIES");
        assertThat(people.rootCauseIds()).containsExactly("c1");
        ThemeWorkView.Measure m1 = people.measures().get(0);
        assertThat(m1.description()).isEqualTo(Seed.MEASURE);
        assertThat(m1.baseline()).isEqualTo(new Reading("12", LocalDate.of(2025, 4, 1), "annual reviews 2024"));
        assertThat(m1.actuals()).extracting(Reading::value).containsExactly("14", "15");
        assertThat(m1.progress()).isEqualTo("12 → 15 (+25%), improving (desired INCREASE)");
        assertThat(people.measures().get(1).progress()).isEqualTo("no actuals yet");
        assertThat(people.progress()).isEqualTo("1 of 2 measures improving; 1 no actuals yet");
        ThemeWorkView.Success providers = view.successStatements().get(1);
        assertThat(providers.measures())
                .singleElement()
                .satisfies(m -> assertThat(m.progress()).isEqualTo("not baselined"));
        assertThat(providers.progress()).isEqualTo("0 of 1 measure improving; 1 not baselined");
    }

    @Test
    void a_measure_that_should_fall_and_rises_is_worsening_and_a_revision_rewords_the_statement() {
        seed.firstCycle();
        feed.record(new SuccessStatementWritten(
                P,
                "su3",
                "t1",
                SuccessPerspective.COMMISSIONERS,
                "We see fewer people alone at weekends",
                List.of("c1")));
        feed.record(new MeasureDefined(
                P,
                "m4",
                "su3",
                "t1",
                MeasureKind.QUANTITATIVE,
                "People alone all weekend",
                "weekend survey",
                false,
                true,
                "people",
                MeasureDirection.DECREASE,
                "Commissioning team",
                "quarterly"));
        feed.record(new MeasureBaselined(P, "m4", new Reading("20", LocalDate.of(2025, 4, 1), "survey")));
        feed.record(new ActualRecorded(P, "m4", new Reading("25", LocalDate.of(2025, 8, 1), "survey")));
        feed.record(new SuccessStatementRevised(
                P, "su3", "t1", "We see nobody alone all weekend", List.of("c1"), List.of(), List.of(), "sharper"));
        feed.into(projection);

        ThemeWorkView.Success su3 = lonely().successStatements().get(2);

        assertThat(su3.text()).isEqualTo("We see nobody alone all weekend");
        assertThat(su3.measures().get(0).progress()).isEqualTo("20 → 25 (+25%), worsening (desired DECREASE)");
        assertThat(su3.progress()).isEqualTo("0 of 1 measure improving; 1 worsening");
    }

    @Test
    void ideas_show_their_grid_position_and_plans_their_current_version_and_milestones() {
        seed.firstCycle();
        feed.into(projection);

        ThemeWorkView view = lonely();

        assertThat(view.alreadyInPlace()).containsExactly("Monthly coffee morning at the library");
        assertThat(view.ideas())
                .extracting(
                        ThemeWorkView.Idea::ideaId,
                        ThemeWorkView.Idea::mode,
                        ThemeWorkView.Idea::chosen,
                        ThemeWorkView.Idea::votes,
                        ThemeWorkView.Idea::dropped)
                .containsExactly(
                        tuple("i1", "DIFFERENT", true, 3, false),
                        tuple("i2", "TRADITIONAL", true, 2, true),
                        tuple("i3", "RADICAL", false, 0, false));
        ThemeWorkView.Idea connectors = view.ideas().get(0);
        assertThat(connectors.medianEffort()).isEqualTo(3.5);
        assertThat(connectors.medianImpact()).isEqualTo(8.5);
        assertThat(connectors.effortSpread()).isEqualTo(1);
        assertThat(connectors.placements()).isEqualTo(2);
        assertThat(connectors.quadrant()).isEqualTo("QUICK_WIN");
        assertThat(view.ideas().get(1).quadrant()).isEqualTo("THANKLESS_TASK");
        assertThat(view.ideas().get(1).dropReason()).isEqualTo("A thankless task: high effort, low impact");
        assertThat(view.ideas().get(2).medianEffort()).isNull();

        assertThat(view.plans()).singleElement().satisfies(plan -> {
            assertThat(plan.version()).isEqualTo(2);
            assertThat(plan.ideaId()).isEqualTo("i1");
            assertThat(plan.content())
                    .isEqualTo(Seed.plan("Two community connectors, one per day centre", List.of("m1")));
            assertThat(plan.reached())
                    .containsExactly(new ThemeWorkView.Reached(
                            "ms1", LocalDate.of(2025, 7, 3), "Seven people met the walking group"));
        });
    }

    @Test
    void an_unknown_theme_is_not_found() {
        seed.firstCycle();
        feed.into(projection);

        assertThat(projection.handle(new FindThemeWork(P, "nope"))).isNull();
        assertThat(projection.handle(new FindThemeWork("p2", "t1"))).isNull();
        assertThat(projection.handle(new FindThemeWork(P, "t9")).successStatements())
                .hasSize(1);
    }

    @Test
    void every_event_delivered_twice_leaves_the_same_view_and_replay_rebuilds_it() {
        seed.firstCycle().secondCycle();
        feed.into(projection);
        ThemeWorkView once = lonely();
        ThemeWorkProjection twice = new ThemeWorkProjection(mongo.freshDatabase());
        feed.into(twice, 2);
        assertThat(twice.handle(new FindThemeWork(P, "t1"))).isEqualTo(once);

        feed.reset(projection);
        assertThat(lonely()).isNull();
        feed.into(projection);
        assertThat(lonely()).isEqualTo(once);
        assertThat(projection.handle(new FindThemeWork(P, "t3~c2")).title()).isEqualTo("I have no one to talk to");
    }

    @Test
    void delivered_in_batches_as_a_processor_does_the_view_is_the_same_as_event_by_event() {
        seed.firstCycle().secondCycle();
        feed.into(projection);
        for (int size : new int[] {2, 7, 100}) {
            ThemeWorkProjection batched = new ThemeWorkProjection(mongo.freshDatabase());
            feed.inBatches(batched, size);
            assertThat(batched.handle(new FindThemeWork(P, "t1")))
                    .as("batches of " + size)
                    .isEqualTo(lonely());
        }
    }

    @Test
    void every_option_shows_its_ballot_count_chosen_or_not() {
        seed.firstCycle();
        feed.record(new org.goldenthread.kernel.ballot.BallotClosed(
                org.goldenthread.query.support.Seed.P,
                "b2",
                org.goldenthread.kernel.ballot.BallotSubject.IDEAS,
                "t1",
                List.of(
                        new org.goldenthread.kernel.ballot.RankedOption("i1", "Community connectors", 3, 1),
                        new org.goldenthread.kernel.ballot.RankedOption("i2", "Staff training", 2, 2),
                        new org.goldenthread.kernel.ballot.RankedOption("i3", "Own support worker", 1, 3)),
                List.of("i1", "i2"),
                false));
        feed.into(projection);

        Map<String, ThemeWorkView.Idea> ideas = new java.util.HashMap<>();
        lonely().ideas().forEach(i -> ideas.put(i.ideaId(), i));
        assertThat(ideas.get("i3").votes()).isEqualTo(1);
        assertThat(ideas.get("i3").chosen()).isFalse();
        assertThat(ideas.get("i1").votes()).isEqualTo(3);
        assertThat(ideas.get("i1").chosen()).isTrue();
    }

    @Test
    void a_changed_plan_keeps_every_version_with_its_reason() {
        seed.firstCycle();
        feed.into(projection);

        ThemeWorkView.Plan plan = lonely().plans().stream()
                .filter(p -> p.planId().equals("pl1"))
                .findFirst()
                .orElseThrow();
        assertThat(plan.version()).isEqualTo(2);
        assertThat(plan.versions())
                .extracting(ThemeWorkView.PlanVersion::version)
                .containsExactly(1, 2);
        ThemeWorkView.PlanVersion first = plan.versions().get(0);
        assertThat(first.reason()).isNull();
        assertThat(first.content().keyFeatures()).isEqualTo("Two community connectors");
        assertThat(first.content().measureIds()).containsExactly("m1", "m2");
        assertThat(first.content().milestones()).hasSize(2);
        assertThat(first.at()).isNotNull();
        ThemeWorkView.PlanVersion second = plan.versions().get(1);
        assertThat(second.reason()).isEqualTo("The council tracks support plans already");
        assertThat(second.content().keyFeatures()).isEqualTo("Two community connectors, one per day centre");
        assertThat(second.content().measureIds()).containsExactly("m1");
    }
}
