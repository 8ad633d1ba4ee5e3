package org.goldenthread.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.SealedText;
import org.goldenthread.kernel.audit.AuditEntry;
import org.goldenthread.kernel.audit.AuditPage;
import org.goldenthread.kernel.audit.FindAuditTimeline;
import org.goldenthread.kernel.collect.StatementRecorded;
import org.goldenthread.kernel.programme.Level;
import org.goldenthread.kernel.programme.ProgrammeLaunched;
import org.goldenthread.kernel.theme.ThemeCreated;
import org.goldenthread.kernel.theme.ThemeRenamed;
import org.goldenthread.query.support.EmbeddedMongo;
import org.goldenthread.query.support.EventFeed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuditTimelineProjectionTest {

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
        EventFeed feed = new EventFeed().as("fran");
        feed.record(new ProgrammeLaunched("p1", "We are using WTfC to listen so that we change", Level.UNIT));
        feed.record(new StatementRecorded(
                "p1", "r1", "s1", "mary", Category.NOT_WORKING, 1, new SealedText("k1", "c2VhbGVkIHdvcmRz")));
        feed.record(new ThemeCreated("p1", Category.NOT_WORKING, "t1", "lonely"));
        feed.as("sam").record(new ThemeRenamed("p1", Category.NOT_WORKING, "t1", "lonely", "I am lonely"));
        return feed;
    }

    @Test
    void every_act_is_summarised_with_its_actor_and_subject_and_no_sealed_words() {
        AuditTimelineProjection projection = new AuditTimelineProjection(mongo.freshDatabase());
        history().into(projection, 2);

        AuditPage page = projection.handle(new FindAuditTimeline("p1", null, null, null, null, null, 0, 50));
        assertThat(page.total()).isEqualTo(4);
        assertThat(page.entries())
                .extracting(AuditEntry::summary)
                .containsExactly(
                        "fran launched the programme (UNIT): We are using WTfC to listen so that we change",
                        "fran recorded a NOT_WORKING statement of mary (priority 1)",
                        "fran created theme 'lonely' on the NOT_WORKING board",
                        "sam renamed theme 'lonely' to 'I am lonely'");
        assertThat(page.entries())
                .extracting(AuditEntry::subjectType)
                .containsExactly("programme", "statement", "theme", "theme");
        assertThat(page.entries().toString()).doesNotContain("c2VhbGVkIHdvcmRz");

        assertThat(projection
                        .handle(new FindAuditTimeline("p1", null, null, "sam", null, null, 0, 50))
                        .total())
                .isEqualTo(1);
        assertThat(projection
                        .handle(new FindAuditTimeline("p1", null, null, null, "ThemeRenamed", null, 0, 50))
                        .entries())
                .hasSize(1);
        assertThat(projection
                        .handle(new FindAuditTimeline("p1", null, null, null, null, "t1", 0, 50))
                        .total())
                .isEqualTo(2);
        AuditPage second = projection.handle(new FindAuditTimeline("p1", null, null, null, null, null, 1, 3));
        assertThat(second.entries()).hasSize(1);
        assertThat(second.total()).isEqualTo(4);
    }

    @Test
    void fed_in_batches_it_answers_as_event_by_event() {
        AuditTimelineProjection once = new AuditTimelineProjection(mongo.freshDatabase());
        history().into(once);
        AuditTimelineProjection batched = new AuditTimelineProjection(mongo.freshDatabase());
        history().inBatches(batched, 3);
        FindAuditTimeline all = new FindAuditTimeline("p1", null, null, null, null, null, 0, 0);
        assertThat(batched.handle(all)).isEqualTo(once.handle(all));
    }
}
