package org.goldenthread.kernel.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.kernel.progress.StepPolicy.DONE;
import static org.goldenthread.kernel.progress.StepPolicy.IN_PROGRESS;
import static org.goldenthread.kernel.progress.StepPolicy.NOT_STARTED;

import org.junit.jupiter.api.Test;

/** When each step of the method counts as done: one test per rule. */
class StepPolicyTest {

    @Test
    void prepare_is_done_once_a_sample_is_planned_and_a_participant_registered() {
        assertThat(StepPolicy.prepare(false, 0)).isEqualTo(IN_PROGRESS);
        assertThat(StepPolicy.prepare(true, 0)).isEqualTo(IN_PROGRESS);
        assertThat(StepPolicy.prepare(false, 3)).isEqualTo(IN_PROGRESS);
        assertThat(StepPolicy.prepare(true, 1)).isEqualTo(DONE);
    }

    @Test
    void collect_is_done_once_the_card_call_has_begun() {
        assertThat(StepPolicy.collect(0, false)).isEqualTo(NOT_STARTED);
        assertThat(StepPolicy.collect(4, false)).isEqualTo(IN_PROGRESS);
        assertThat(StepPolicy.collect(4, true)).isEqualTo(DONE);
    }

    @Test
    void theme_is_done_once_a_vote_has_closed() {
        assertThat(StepPolicy.theme(false, false)).isEqualTo(NOT_STARTED);
        assertThat(StepPolicy.theme(false, true)).isEqualTo(IN_PROGRESS);
        assertThat(StepPolicy.theme(true, true)).isEqualTo(DONE);
    }

    @Test
    void a_step_taken_theme_by_theme_is_done_when_every_prioritised_theme_is() {
        assertThat(StepPolicy.perTheme(false, 0, 3)).isEqualTo(NOT_STARTED);
        assertThat(StepPolicy.perTheme(true, 2, 3)).isEqualTo(IN_PROGRESS);
        assertThat(StepPolicy.perTheme(true, 3, 3)).isEqualTo(DONE);
        assertThat(StepPolicy.perTheme(true, 0, 0)).isEqualTo(IN_PROGRESS);
    }

    @Test
    void learning_and_review_is_done_once_the_cycles_report_is_published() {
        assertThat(StepPolicy.review(false, false)).isEqualTo(NOT_STARTED);
        assertThat(StepPolicy.review(false, true)).isEqualTo(IN_PROGRESS);
        assertThat(StepPolicy.review(true, false)).isEqualTo(DONE);
    }
}
