package org.goldenthread.query.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.goldenthread.kernel.analysis.FindThemeSizes;
import org.goldenthread.kernel.analysis.ThemeSize;
import org.goldenthread.kernel.learn.CycleStarted;
import org.goldenthread.kernel.vote.ThemeAtOpening;
import org.goldenthread.kernel.vote.VotingOpened;
import org.goldenthread.query.support.EmbeddedMongo;
import org.goldenthread.query.support.EventFeed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The analyst guide's worked example: theme sizes at each vote, over two cycles. */
class ThemeSizesProjectionTest {

    private static EmbeddedMongo mongo;

    @BeforeAll
    static void start() {
        mongo = new EmbeddedMongo();
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    private static EventFeed history() {
        EventFeed feed = new EventFeed();
        feed.record(new VotingOpened(
                "p1",
                "v1",
                3,
                5,
                List.of(
                        new ThemeAtOpening("t1", "I am lonely", List.of("s1", "s2", "s3")),
                        new ThemeAtOpening("t2", "I am bored", List.of("s4")))));
        feed.record(new CycleStarted("p1", 2, List.of(), "a year on"));
        feed.record(new VotingOpened(
                "p1",
                "v2",
                3,
                5,
                List.of(
                        new ThemeAtOpening("t9", "I am lonely", List.of("s7")),
                        new ThemeAtOpening("t8", "Getting out and about", List.of("s5", "s6")))));
        feed.record(new VotingOpened("p2", "v3", 3, 5, List.of(new ThemeAtOpening("t5", "Other", List.of("s9")))));
        return feed;
    }

    @Test
    void each_theme_is_counted_as_each_vote_found_it_cycle_by_cycle() {
        ThemeSizesProjection projection = new ThemeSizesProjection(mongo.freshDatabase());
        history().into(projection);

        assertThat(projection.handle(new FindThemeSizes("p1")))
                .containsExactly(
                        new ThemeSize(1, "v1", "t1", "I am lonely", 3),
                        new ThemeSize(1, "v1", "t2", "I am bored", 1),
                        new ThemeSize(2, "v2", "t8", "Getting out and about", 2),
                        new ThemeSize(2, "v2", "t9", "I am lonely", 1));
    }

    @Test
    void backfilled_in_batches_or_with_every_event_twice_it_answers_the_same() {
        ThemeSizesProjection once = new ThemeSizesProjection(mongo.freshDatabase());
        history().into(once);
        ThemeSizesProjection twice = new ThemeSizesProjection(mongo.freshDatabase());
        history().into(twice, 2);
        ThemeSizesProjection batched = new ThemeSizesProjection(mongo.freshDatabase());
        history().inBatches(batched, 3);

        List<ThemeSize> expected = once.handle(new FindThemeSizes("p1"));
        assertThat(twice.handle(new FindThemeSizes("p1"))).isEqualTo(expected);
        assertThat(batched.handle(new FindThemeSizes("p1"))).isEqualTo(expected);
    }
}
