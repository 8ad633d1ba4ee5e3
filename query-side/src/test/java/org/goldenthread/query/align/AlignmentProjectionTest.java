package org.goldenthread.query.align;

import static org.assertj.core.api.Assertions.assertThat;

import org.goldenthread.kernel.align.*;
import org.goldenthread.query.support.EmbeddedMongo;
import org.goldenthread.query.support.EventFeed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The council works to a two-clause standard; the provider's behaviours cover one clause of it. */
class AlignmentProjectionTest {

    private static EmbeddedMongo mongo;

    @BeforeAll
    static void start() {
        mongo = new EmbeddedMongo();
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    @Test
    void the_cover_lists_each_partys_values_with_what_covers_them_and_the_uncovered_and_the_agreed_call_outs() {
        EventFeed feed = new EventFeed();
        feed.record(new AlignmentStarted("a1", "council", "care", "Before contracting"));
        feed.record(new ValueRecorded("a1", "v1", "council", ValueKind.STANDARD, "1.1", "Dignity", "Standard"));
        feed.record(new ValueRecorded("a1", "v2", "council", ValueKind.STANDARD, "1.2", "Choice", "Standard"));
        feed.record(new ValueRecorded("a1", "b1", "care", ValueKind.BEHAVIOUR, null, "We knock and wait", null));
        feed.record(new ValueRecorded("a1", "b2", "care", ValueKind.BEHAVIOUR, null, "We ask first", null));
        feed.record(new ValuesLinked("a1", "b1", "v1"));
        feed.record(new ValuesLinked("a1", "b2", "v2"));
        feed.record(new ValuesUnlinked("a1", "b2", "v2", "asking is not choosing"));
        feed.record(new CallOutAgreed("a1", "b1", "care", false));
        feed.record(new CallOutAgreed("a1", "b1", "council", true));
        feed.record(new CallOutAgreed("a1", "b2", "care", false));
        AlignmentProjection projection = new AlignmentProjection(mongo.freshDatabase());
        feed.into(projection, 2);

        AlignmentView view = projection.handle(new FindAlignment("a1"));
        assertThat(view.commissioner().values())
                .extracting(AlignmentView.Value::valueId, v -> v.coveredBy())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("v1", java.util.List.of("b1")),
                        org.assertj.core.groups.Tuple.tuple("v2", java.util.List.of()));
        assertThat(view.commissioner().uncovered())
                .extracting(AlignmentView.Value::text)
                .containsExactly("Choice");
        assertThat(view.commissioner().covered()).isFalse();
        assertThat(view.provider().uncovered()).hasSize(2);
        assertThat(view.agreedCallOuts())
                .extracting(AlignmentView.Value::valueId)
                .containsExactly("b1");
    }
}
