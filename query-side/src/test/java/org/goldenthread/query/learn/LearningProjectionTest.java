package org.goldenthread.query.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.goldenthread.kernel.Perspective;
import org.goldenthread.kernel.learn.*;
import org.goldenthread.query.support.EmbeddedMongo;
import org.goldenthread.query.support.EventFeed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LearningProjectionTest {

    private static final String P = "p1";
    private static EmbeddedMongo mongo;
    private EventFeed feed;
    private LearningProjection projection;

    @BeforeAll
    static void startMongo() {
        mongo = new EmbeddedMongo();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void history() {
        feed = new EventFeed().as("fiona");
        feed.record(new ProcessReviewRecorded(
                P, "r1", 1, Perspective.PERSON, List.of("Being listened to"), List.of("The venue was hard to reach")));
        feed.record(new ProcessReviewRecorded(
                P, "r2", 1, Perspective.PROVIDER, List.of("Hearing people's own words"), List.of()));
        feed.record(new ReportPublished(P, "rep1", 1));
        feed.record(new ProcessReviewRecorded(
                P, "r3", 2, Perspective.COMMISSIONER, List.of(), List.of("Too little time for five whys")));
        feed.record(
                new ProcessReviewRecorded("p2", "r9", 1, Perspective.PERSON, List.of("Another programme"), List.of()));
        projection = new LearningProjection(mongo.freshDatabase());
    }

    @Test
    void process_reviews_are_listed_per_cycle_with_their_perspective_and_author() {
        feed.into(projection);

        List<ProcessReviewView> cycle1 = projection.handle(new FindProcessReviews(P, 1));
        assertThat(cycle1).extracting(ProcessReviewView::reviewId).containsExactly("r1", "r2");
        assertThat(cycle1.get(0).perspective()).isEqualTo("PERSON");
        assertThat(cycle1.get(0).notWorking()).containsExactly("The venue was hard to reach");
        assertThat(cycle1.get(0).recordedBy()).isEqualTo("fiona");
        assertThat(projection.handle(new FindProcessReviews(P, null)))
                .extracting(ProcessReviewView::reviewId)
                .containsExactly("r1", "r2", "r3");
    }

    @Test
    void a_published_report_is_found_with_its_cycle_and_an_unknown_one_is_not() {
        feed.into(projection);

        ReportView report = projection.handle(new FindReport(P, "rep1"));
        assertThat(report.cycle()).isEqualTo(1);
        assertThat(report.publishedBy()).isEqualTo("fiona");
        assertThat(projection.handle(new FindReport(P, "nope"))).isNull();
        assertThat(projection.handle(new FindReport("p2", "rep1"))).isNull();
    }

    @Test
    void every_event_delivered_twice_leaves_the_same_view_and_replay_rebuilds_it() {
        feed.into(projection);
        List<ProcessReviewView> once = projection.handle(new FindProcessReviews(P, null));
        LearningProjection twice = new LearningProjection(mongo.freshDatabase());
        feed.into(twice, 2);
        assertThat(twice.handle(new FindProcessReviews(P, null))).isEqualTo(once);
        assertThat(twice.handle(new FindReport(P, "rep1"))).isEqualTo(projection.handle(new FindReport(P, "rep1")));

        feed.reset(projection);
        assertThat(projection.handle(new FindProcessReviews(P, null))).isEmpty();
        feed.into(projection);
        assertThat(projection.handle(new FindProcessReviews(P, null))).isEqualTo(once);
    }
}
