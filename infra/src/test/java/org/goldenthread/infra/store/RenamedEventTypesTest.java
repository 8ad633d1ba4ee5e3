package org.goldenthread.infra.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RenamedEventTypesTest {

    private final RenamedEventTypes types = new RenamedEventTypes();

    @Test
    void events_stored_before_the_kernel_had_its_own_root_package_are_read_under_it() {
        assertThat(types.renamed("org.goldenthread.theme.StatementClustered"))
                .contains("org.goldenthread.kernel.theme.StatementClustered");
    }

    @Test
    void step_8s_events_stored_under_review_are_read_under_learn_from_either_earlier_name() {
        assertThat(types.renamed("org.goldenthread.kernel.review.CycleStarted"))
                .contains("org.goldenthread.kernel.learn.CycleStarted");
        assertThat(types.renamed("org.goldenthread.review.ProcessReviewRecorded"))
                .contains("org.goldenthread.kernel.learn.ProcessReviewRecorded");
    }

    @Test
    void todays_names_and_names_that_match_no_class_are_left_alone() {
        assertThat(types.renamed("org.goldenthread.kernel.theme.StatementClustered"))
                .isEqualTo(Optional.empty());
        assertThat(types.renamed("org.goldenthread.kernel.learn.CycleStarted")).isEmpty();
        assertThat(types.renamed("org.goldenthread.theme.NoSuchEvent")).isEmpty();
        assertThat(types.renamed("org.goldenthread.infra.Something")).isEmpty();
        assertThat(types.renamed("com.example.Other")).isEmpty();
        assertThat(types.renamed(null)).isEmpty();
    }
}
