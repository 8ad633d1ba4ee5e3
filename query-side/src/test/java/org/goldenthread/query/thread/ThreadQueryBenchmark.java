package org.goldenthread.query.thread;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.Perspective;
import org.goldenthread.kernel.collect.StatementRecorded;
import org.goldenthread.kernel.implement.ActionPlanAgreed;
import org.goldenthread.kernel.plan.IdeaMode;
import org.goldenthread.kernel.plan.IdeaProposed;
import org.goldenthread.kernel.programme.Level;
import org.goldenthread.kernel.programme.ProgrammeLaunched;
import org.goldenthread.kernel.success.MeasureDefined;
import org.goldenthread.kernel.success.MeasureDirection;
import org.goldenthread.kernel.success.MeasureKind;
import org.goldenthread.kernel.success.SuccessPerspective;
import org.goldenthread.kernel.success.SuccessStatementWritten;
import org.goldenthread.kernel.theme.StatementClustered;
import org.goldenthread.kernel.theme.ThemeCreated;
import org.goldenthread.kernel.thread.*;
import org.goldenthread.kernel.understand.CauseGiven;
import org.goldenthread.kernel.understand.RootCauseChosen;
import org.goldenthread.kernel.understand.WhyAsked;
import org.goldenthread.kernel.vote.ThemePrioritised;
import org.goldenthread.query.support.EmbeddedMongo;
import org.goldenthread.query.support.EventFeed;
import org.goldenthread.query.support.FakeVault;
import org.goldenthread.query.support.Seed;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * On-demand micro-benchmark of {@link FindThread} on a POPULATION-sized programme (10,000 statements: 100 themes
 * of 100 NOT_WORKING statements; 20 prioritised themes each with causes, success statements, measures, ideas and
 * plans), on the mongo-java-server memory backend. Prints p50/p99/max; asserts nothing about time.
 *
 * <pre>mvn -q -o -pl query-side test -Dgroups=benchmark -DexcludedGroups= -Dtest=ThreadQueryBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("benchmark")
class ThreadQueryBenchmark {

    private static final String P = "pop";
    private static final int THEMES = 100;
    private static final int STATEMENTS_PER_THEME = 100;
    private static final int PRIORITISED = 20;
    private static final int QUERIES = 2_000;

    @Test
    void find_thread_on_a_population_sized_programme() {
        try (EmbeddedMongo mongo = new EmbeddedMongo()) {
            FakeVault vault = new FakeVault();
            GoldenThreadProjection projection = new GoldenThreadProjection(mongo.freshDatabase(), vault);
            EventFeed feed = new EventFeed();
            List<String> measures = new ArrayList<>();
            List<String> statements = new ArrayList<>();
            populate(feed, vault, measures, statements);
            long loadStart = System.nanoTime();
            feed.into(projection);
            System.out.printf(
                    "ThreadQueryBenchmark: fed %d events in %.1f s%n",
                    feed.log().size(), (System.nanoTime() - loadStart) / 1e9);

            Random random = new Random(42);
            // warm up
            for (int i = 0; i < 200; i++) {
                projection.handle(new FindThread(
                        P,
                        NodeType.parseRef("from", "measure:" + measures.get(random.nextInt(measures.size()))),
                        org.goldenthread.kernel.thread.Direction.BACK,
                        null));
                projection.handle(new FindThread(
                        P,
                        NodeType.parseRef("from", "statement:" + statements.get(random.nextInt(statements.size()))),
                        org.goldenthread.kernel.thread.Direction.FORWARD,
                        null));
            }
            double[] back = new double[QUERIES];
            int reached = 0;
            for (int i = 0; i < QUERIES; i++) {
                String m = measures.get(random.nextInt(measures.size()));
                long t = System.nanoTime();
                ThreadView v = projection.handle(new FindThread(
                        P,
                        NodeType.parseRef("from", "measure:" + m),
                        org.goldenthread.kernel.thread.Direction.BACK,
                        null));
                back[i] = (System.nanoTime() - t) / 1e6;
                reached = Math.max(reached, count(v));
            }
            double[] forward = new double[QUERIES];
            int reachedForward = 0;
            for (int i = 0; i < QUERIES; i++) {
                String s = statements.get(random.nextInt(statements.size()));
                long t = System.nanoTime();
                ThreadView v = projection.handle(new FindThread(
                        P,
                        NodeType.parseRef("from", "statement:" + s),
                        org.goldenthread.kernel.thread.Direction.FORWARD,
                        null));
                forward[i] = (System.nanoTime() - t) / 1e6;
                reachedForward = Math.max(reachedForward, count(v));
            }
            report("BACK from measures", back, reached);
            report("FORWARD from statements", forward, reachedForward);
            assertThat(reached).isGreaterThan(STATEMENTS_PER_THEME);
        }
    }

    /** A theme split and merged back 25 times: with each node expanded once per path this was 2^25 paths. */
    @Test
    void find_thread_after_25_split_and_merge_rounds() {
        try (EmbeddedMongo mongo = new EmbeddedMongo()) {
            FakeVault vault = new FakeVault();
            GoldenThreadProjection projection = new GoldenThreadProjection(mongo.freshDatabase(), vault);
            EventFeed feed = new EventFeed();
            Seed seed = new Seed(feed, vault);
            feed.record(new ProgrammeLaunched(P, "We are using WTfC to listen so that we change", Level.UNIT));
            feed.record(seed.statement("s1", "mary", Category.NOT_WORKING, "I have only one friend"));
            feed.record(seed.statement("s2", "joe", Category.NOT_WORKING, "I never see anyone at the weekend"));
            feed.record(new ThemeCreated(P, Category.NOT_WORKING, "g0", "I am lonely"));
            feed.record(new StatementClustered(P, Category.NOT_WORKING, "s1", "g0", false));
            feed.record(new StatementClustered(P, Category.NOT_WORKING, "s2", "g0", false));
            int rounds = 25;
            for (int i = 1; i <= rounds; i++) {
                feed.record(new org.goldenthread.kernel.theme.ThemeSplit(
                        P, Category.NOT_WORKING, "g" + (i - 1), "g" + i, "I am lonely " + i, List.of("s2")));
                feed.record(new org.goldenthread.kernel.theme.ThemesMerged(
                        P, Category.NOT_WORKING, "g" + i, List.of("g" + (i - 1)), List.of("s1")));
            }
            feed.into(projection);
            double[] ms = new double[QUERIES];
            int nodes = 0;
            for (int i = 0; i < QUERIES; i++) {
                long t = System.nanoTime();
                ThreadView v = projection.handle(new FindThread(
                        P,
                        NodeType.parseRef("from", "theme:g" + rounds),
                        org.goldenthread.kernel.thread.Direction.BACK,
                        null));
                ms[i] = (System.nanoTime() - t) / 1e6;
                nodes = Math.max(nodes, count(v));
            }
            report("BACK after 25 split/merge", ms, nodes);
            assertThat(nodes).isLessThan(4 * rounds);
        }
    }

    private static int count(ThreadView v) {
        int n = 1;
        for (ThreadView c : v.children()) {
            n += count(c);
        }
        return n;
    }

    private static void report(String what, double[] ms, int maxNodes) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "ThreadQueryBenchmark: %-24s n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms (largest tree %d nodes)%n",
                what,
                sorted.length,
                sorted[sorted.length / 2],
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1],
                sorted[sorted.length - 1],
                maxNodes);
    }

    private static void populate(EventFeed feed, FakeVault vault, List<String> measures, List<String> statements) {
        feed.record(new ProgrammeLaunched(
                P, "We are using WTfC across the borough so that support helps people live well", Level.POPULATION));
        for (int t = 0; t < THEMES; t++) {
            String theme = "t" + t;
            feed.record(new ThemeCreated(P, Category.NOT_WORKING, theme, "I am lonely (" + t + ")"));
            for (int s = 0; s < STATEMENTS_PER_THEME; s++) {
                String id = "s" + t + "-" + s;
                String person = "person" + (t * STATEMENTS_PER_THEME + s) / 2;
                feed.record(new StatementRecorded(
                        P,
                        "review-" + person,
                        id,
                        person,
                        Category.NOT_WORKING,
                        1 + s % 2,
                        vault.seal(P, person, "I have nobody to talk to in the evening (" + id + ")")));
                feed.record(new StatementClustered(P, Category.NOT_WORKING, id, theme, false));
                statements.add(id);
            }
        }
        for (int t = 0; t < PRIORITISED; t++) {
            String theme = "t" + t;
            feed.record(new ThemePrioritised(P, theme, "v1", t + 1, 40 - t));
            feed.record(new WhyAsked(P, "w" + t, theme, null, "Why are people lonely?", Perspective.PERSON));
            for (int c = 0; c < 3; c++) {
                String cause = "c" + t + "-" + c;
                feed.record(new CauseGiven(
                        P, cause, "w" + t, theme, Seed.CAUSE + " (" + cause + ")", Perspective.PROVIDER));
                if (c < 2) {
                    feed.record(new RootCauseChosen(P, theme, cause, "b" + t, c + 1, 5 - c));
                }
            }
            for (int su = 0; su < 2; su++) {
                String success = "su" + t + "-" + su;
                feed.record(new SuccessStatementWritten(
                        P,
                        success,
                        theme,
                        SuccessPerspective.PEOPLE_CARERS_FAMILIES,
                        Seed.SUCCESS,
                        List.of("c" + t + "-" + su)));
                for (int m = 0; m < 2; m++) {
                    String measure = "m" + t + "-" + su + "-" + m;
                    feed.record(new MeasureDefined(
                            P,
                            measure,
                            success,
                            theme,
                            MeasureKind.QUANTITATIVE,
                            Seed.MEASURE,
                            "annual reviews",
                            true,
                            false,
                            "people",
                            MeasureDirection.INCREASE,
                            "Review team",
                            "quarterly"));
                    measures.add(measure);
                }
            }
            for (int i = 0; i < 3; i++) {
                String idea = "i" + t + "-" + i;
                feed.record(new IdeaProposed(
                        P,
                        idea,
                        theme,
                        IdeaMode.values()[i],
                        "Community connectors (" + idea + ")",
                        List.of("c" + t + "-" + (i % 2))));
                if (i < 2) {
                    feed.record(new ActionPlanAgreed(
                            P,
                            "pl" + t + "-" + i,
                            idea,
                            theme,
                            1,
                            Seed.plan("Two community connectors", List.of("m" + t + "-" + i + "-0"))));
                }
            }
        }
    }
}
