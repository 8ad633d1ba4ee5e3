package org.goldenthread.query.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.goldenthread.query.support.Seed.P;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.collect.StatementRecorded;
import org.goldenthread.kernel.implement.ActionPlanAgreed;
import org.goldenthread.kernel.implement.MeasureBaselined;
import org.goldenthread.kernel.plan.AlreadyInPlaceRecorded;
import org.goldenthread.kernel.plan.IdeaChosen;
import org.goldenthread.kernel.plan.IdeaPlaced;
import org.goldenthread.kernel.plan.IdeaProposed;
import org.goldenthread.kernel.programme.Level;
import org.goldenthread.kernel.programme.ProgrammeLaunched;
import org.goldenthread.kernel.progress.*;
import org.goldenthread.kernel.success.MeasureDefined;
import org.goldenthread.kernel.theme.StatementClustered;
import org.goldenthread.kernel.theme.StatementMoved;
import org.goldenthread.kernel.theme.StatementParked;
import org.goldenthread.kernel.theme.ThemeCreated;
import org.goldenthread.kernel.theme.ThemeSplit;
import org.goldenthread.kernel.theme.ThemesMerged;
import org.goldenthread.kernel.vote.RankedTheme;
import org.goldenthread.kernel.vote.ThemeAtOpening;
import org.goldenthread.kernel.vote.ThemePrioritised;
import org.goldenthread.kernel.vote.VoteCast;
import org.goldenthread.kernel.vote.VoteWithdrawn;
import org.goldenthread.kernel.vote.VotingClosed;
import org.goldenthread.kernel.vote.VotingOpened;
import org.goldenthread.query.support.EmbeddedMongo;
import org.goldenthread.query.support.EventFeed;
import org.goldenthread.query.support.FakeVault;
import org.goldenthread.query.support.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProgressProjectionTest {

    private static EmbeddedMongo mongo;
    private EventFeed feed;
    private Seed seed;
    private ProgressProjection projection;

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
        projection = new ProgressProjection(mongo.freshDatabase());
    }

    private ProgressView progress() {
        return projection.handle(new FindProgress(P));
    }

    private static List<String> statuses(ProgressView view) {
        return view.steps().stream().map(ProgressView.Step::status).toList();
    }

    @Test
    void a_programme_just_launched_is_preparing_and_nothing_else_has_started() {
        feed.record(new ProgrammeLaunched(P, "We are using WTfC to … so that …", Level.UNIT));
        feed.into(projection);

        ProgressView view = progress();

        assertThat(view.cycle()).isEqualTo(1);
        assertThat(view.steps())
                .extracting(ProgressView.Step::number, ProgressView.Step::name)
                .containsExactly(
                        tuple(1, "Prepare"),
                        tuple(2, "Collect"),
                        tuple(3, "Theme"),
                        tuple(4, "Understand"),
                        tuple(5, "Identify success"),
                        tuple(6, "Plan"),
                        tuple(7, "Implement"),
                        tuple(8, "Learning and review"));
        assertThat(statuses(view))
                .containsExactly(
                        "IN_PROGRESS",
                        "NOT_STARTED",
                        "NOT_STARTED",
                        "NOT_STARTED",
                        "NOT_STARTED",
                        "NOT_STARTED",
                        "NOT_STARTED",
                        "NOT_STARTED");
        assertThat(view.steps().get(0).summary())
                .isEqualTo("Purpose stated; no sample plan yet; 0 participants registered");
    }

    @Test
    void collecting_is_in_progress_until_the_card_call_starts() {
        seed.cardCall();
        feed.log().stream()
                .takeWhile(m -> !(m.getPayload() instanceof ThemeCreated))
                .forEach(m -> feed.deliver(projection, m));

        ProgressView view = progress();

        assertThat(view.steps().get(0).status()).isEqualTo("DONE");
        assertThat(view.steps().get(1).status()).isEqualTo("IN_PROGRESS");
        assertThat(view.steps().get(1).summary())
                .isEqualTo("6 statements from 4 people (1 working, 5 not working, 0 important for the future)");
    }

    @Test
    void after_the_first_cycle_each_step_shows_how_far_the_prioritised_themes_got() {
        seed.firstCycle();
        feed.into(projection);

        ProgressView view = progress();

        // t1 went all the way; t9 has a success statement, a chosen idea and a plan; t3 has nothing yet
        assertThat(statuses(view))
                .containsExactly(
                        "DONE", "DONE", "DONE", "IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS", "DONE");
        assertThat(view.steps().get(2).summary())
                .isEqualTo("4 themes with statements (3 not working); vote closed, 3 prioritised");
        assertThat(view.steps().get(3).summary())
                .isEqualTo("root causes chosen for 1 of 3 prioritised themes "
                        + "(2 whys asked, 4 causes given, 1 root causes chosen)");
        assertThat(view.steps().get(4).summary())
                .isEqualTo("success statements with measures for 2 of 3 prioritised themes "
                        + "(3 success statements, 4 measures)");
        assertThat(view.steps().get(7).summary())
                .isEqualTo("actuals for 1 measure; 1 process review; report published");
        assertThat(view.prioritisedThemes())
                .extracting(
                        ProgressView.PrioritisedTheme::themeId,
                        ProgressView.PrioritisedTheme::title,
                        ProgressView.PrioritisedTheme::rank,
                        ProgressView.PrioritisedTheme::votes)
                .containsExactly(
                        tuple("t1", Seed.LONELY, 1, 3),
                        tuple("t3", "I have no one to talk to", 2, 1),
                        tuple("t9", "Getting out and about is hard", 2, 1));
    }

    @Test
    void a_theme_taken_all_the_way_completes_every_step() {
        seed.cardCall();
        feed.record(
                new VotingOpened(P, "v1", 3, 1, List.of(new ThemeAtOpening("t1", Seed.LONELY, List.of("s1", "s5")))));
        feed.record(new VoteCast(P, "v1", "u1", "t1"));
        feed.record(new VotingClosed(P, "v1", List.of(new RankedTheme("t1", Seed.LONELY, 1, 1)), List.of("t1"), false));
        feed.record(new ThemePrioritised(P, "t1", "v1", 1, 1));
        seed.understand().identifySuccess().plan().implement().review();
        feed.into(projection);

        assertThat(statuses(progress())).containsOnly("DONE");
        assertThat(progress().steps().get(6).summary())
                .isEqualTo("action plans agreed and measures baselined for 1 of 1 prioritised themes (2 "
                        + "action plans, 2 of 4 measures baselined)");
    }

    @Test
    void delivered_in_batches_as_a_processor_does_the_view_is_the_same_as_event_by_event() {
        seed.firstCycle().secondCycle();
        feed.into(projection);
        for (int size : new int[] {2, 7, 100}) {
            ProgressProjection batched = new ProgressProjection(mongo.freshDatabase());
            feed.inBatches(batched, size);
            assertThat(batched.handle(new FindProgress(P)))
                    .as("batches of " + size)
                    .isEqualTo(progress());
        }
    }

    private static long count(EventFeed feed, Class<?> type, java.util.function.Function<Object, String> id) {
        return feed.log().stream()
                .map(m -> m.getPayload())
                .filter(type::isInstance)
                .map(id)
                .distinct()
                .count();
    }

    @Test
    void the_plan_and_implement_figures_count_the_cycles_ideas_plans_and_baselines() {
        seed.firstCycle();
        feed.into(projection);

        long ideas = count(feed, IdeaProposed.class, e -> ((IdeaProposed) e).ideaId());
        long chosen = count(feed, IdeaChosen.class, e -> ((IdeaChosen) e).ideaId());
        long placed = count(feed, IdeaPlaced.class, e -> ((IdeaPlaced) e).ideaId());
        assertThat(progress().steps().get(5).summary())
                .endsWith("(" + ideas + " ideas, " + chosen + " chosen, " + placed + " placed)");
        long plans = count(feed, ActionPlanAgreed.class, e -> ((ActionPlanAgreed) e).planId());
        long measures = count(feed, MeasureDefined.class, e -> ((MeasureDefined) e).measureId());
        long baselined = count(feed, MeasureBaselined.class, e -> ((MeasureBaselined) e).measureId());
        assertThat(progress().steps().get(6).summary())
                .endsWith("(" + plans + " action plans, " + baselined + " of " + measures + " measures baselined)");
    }

    @Test
    void what_is_already_in_place_alone_starts_the_plan_step() {
        seed.cardCall().themeVote();
        feed.record(new AlreadyInPlaceRecorded(P, "a1", "t1", "A lunch club"));
        feed.into(projection);

        assertThat(progress().steps().get(5).status()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void statements_follow_moves_parks_merges_and_splits_and_votes_follow_withdrawals() {
        feed.record(new ProgrammeLaunched(P, "We are using WTfC to … so that …", Level.UNIT));
        for (String s : List.of("s1", "s2", "s3", "s4")) {
            feed.record(new StatementRecorded(P, "r-" + s, s, "p-" + s, Category.NOT_WORKING, 1, null));
        }
        Category nw = Category.NOT_WORKING;
        feed.record(new ThemeCreated(P, nw, "t1", "I am lonely"));
        feed.record(new ThemeCreated(P, nw, "t2", "I am bored"));
        for (String s : List.of("s1", "s2", "s3")) {
            feed.record(new StatementClustered(P, nw, s, "t1", false));
        }
        feed.record(new StatementClustered(P, nw, "s4", "t2", false));
        feed.record(new StatementMoved(P, nw, "s3", "t1", "t2"));
        feed.record(new StatementParked(P, nw, "s2", "t1"));
        feed.record(new ThemesMerged(P, nw, "t1", List.of("t2"), List.of("s3", "s4")));
        feed.record(new ThemeSplit(P, nw, "t1", "t5", "Nobody visits", List.of("s4")));
        feed.record(new VoteCast(P, "v1", "u1", "t1"));
        feed.record(new VoteCast(P, "v1", "u2", "t1"));
        feed.record(new VoteWithdrawn(P, "v1", "u1", "t1"));
        feed.into(projection);

        assertThat(progress().cycleComparison())
                .extracting(
                        c -> c.cycles().get(0).themeId(),
                        c -> c.cycles().get(0).statements(),
                        c -> c.cycles().get(0).votes())
                .containsExactly(tuple("t1", 2, 1), tuple("t5", 1, 0));
    }

    @Test
    void a_round_closed_before_its_opening_arrives_stays_closed() {
        seed.cardCall();
        feed.record(new VotingClosed(P, "v1", List.of(new RankedTheme("t1", Seed.LONELY, 1, 1)), List.of("t1"), false));
        feed.record(
                new VotingOpened(P, "v1", 3, 1, List.of(new ThemeAtOpening("t1", Seed.LONELY, List.of("s1", "s5")))));
        feed.into(projection);

        assertThat(progress().steps().get(2).summary()).contains("vote closed");
    }

    @Test
    void a_themes_cycle_is_the_one_it_was_first_seen_in_even_when_its_creation_is_delivered_again_later() {
        seed.firstCycle().secondCycle();
        feed.into(projection);
        ProgressView once = progress();
        // an old event delivered again after the next cycle began
        EventMessage<?> created = feed.log().stream()
                .filter(m ->
                        m.getPayload() instanceof ThemeCreated t && t.themeId().equals("t1"))
                .findFirst()
                .orElseThrow();
        feed.deliver(projection, created);

        assertThat(progress()).isEqualTo(once);
    }

    @Test
    void the_next_cycle_starts_afresh_and_compares_each_theme_lineage_across_cycles() {
        seed.firstCycle().secondCycle();
        feed.into(projection);

        ProgressView view = progress();

        assertThat(view.cycle()).isEqualTo(2);
        assertThat(statuses(view))
                .containsExactly(
                        "DONE",
                        "DONE",
                        "DONE",
                        "NOT_STARTED",
                        "NOT_STARTED",
                        "NOT_STARTED",
                        "NOT_STARTED",
                        "NOT_STARTED");
        assertThat(view.steps().get(1).summary()).startsWith("2 statements from 2 people");
        assertThat(view.prioritisedThemes())
                .extracting(ProgressView.PrioritisedTheme::themeId, ProgressView.PrioritisedTheme::cycle)
                .containsExactly(tuple("t1", 1), tuple("t3", 1), tuple("t9", 1), tuple("t3~c2", 2));
        ProgressView.CycleTheme lonely = view.cycleComparison().stream()
                .filter(c -> c.lineageId().equals("t1"))
                .findFirst()
                .orElseThrow();
        assertThat(lonely.title()).isEqualTo(Seed.LONELY);
        assertThat(lonely.cycles())
                .containsExactly(
                        new ProgressView.CycleFigures(1, "t1", 2, 3, true),
                        new ProgressView.CycleFigures(2, "t1~c2", 1, 1, false));
        ProgressView.CycleTheme talk = view.cycleComparison().stream()
                .filter(c -> c.lineageId().equals("t3"))
                .findFirst()
                .orElseThrow();
        assertThat(talk.cycles())
                .containsExactly(
                        new ProgressView.CycleFigures(1, "t3", 2, 1, true),
                        new ProgressView.CycleFigures(2, "t3~c2", 1, 2, true));
        // a merged-away theme has no lineage of its own; the split-out theme starts one
        assertThat(view.cycleComparison())
                .extracting(ProgressView.CycleTheme::lineageId)
                .containsExactly("tw1", "t1", "t3", "t4", "t9");
    }

    @Test
    void every_event_delivered_twice_leaves_the_same_view_and_replay_rebuilds_it() {
        seed.firstCycle().secondCycle();
        feed.into(projection);
        ProgressView once = progress();
        ProgressProjection twice = new ProgressProjection(mongo.freshDatabase());
        feed.into(twice, 2);
        assertThat(twice.handle(new FindProgress(P))).isEqualTo(once);

        feed.reset(projection);
        assertThat(progress()).isNull();
        feed.into(projection);
        assertThat(progress()).isEqualTo(once);
    }

    @Test
    void an_unknown_programme_has_no_progress() {
        assertThat(projection.handle(new FindProgress("nope"))).isNull();
    }
}
