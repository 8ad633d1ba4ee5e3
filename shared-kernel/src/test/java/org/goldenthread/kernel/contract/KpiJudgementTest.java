package org.goldenthread.kernel.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.kernel.success.MeasureDirection.DECREASE;
import static org.goldenthread.kernel.success.MeasureDirection.INCREASE;
import static org.goldenthread.kernel.success.MeasureDirection.MAINTAIN;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class KpiJudgementTest {

    @Test
    void an_increasing_kpi_is_on_track_at_its_target_at_risk_within_the_tolerance_below_it_and_off_track_beyond() {
        assertThat(KpiJudgement.status(INCREASE, 80, 5, 80)).isEqualTo(KpiStatus.ON_TRACK);
        assertThat(KpiJudgement.status(INCREASE, 80, 5, 91)).isEqualTo(KpiStatus.ON_TRACK);
        assertThat(KpiJudgement.status(INCREASE, 80, 5, 75)).isEqualTo(KpiStatus.AT_RISK);
        assertThat(KpiJudgement.status(INCREASE, 80, 5, 74.9)).isEqualTo(KpiStatus.OFF_TRACK);
    }

    @Test
    void a_decreasing_kpi_is_judged_the_other_way() {
        assertThat(KpiJudgement.status(DECREASE, 10, 2, 9)).isEqualTo(KpiStatus.ON_TRACK);
        assertThat(KpiJudgement.status(DECREASE, 10, 2, 12)).isEqualTo(KpiStatus.AT_RISK);
        assertThat(KpiJudgement.status(DECREASE, 10, 2, 12.5)).isEqualTo(KpiStatus.OFF_TRACK);
    }

    @Test
    void a_maintained_kpi_is_on_track_within_its_tolerance_either_way_and_at_risk_within_twice_it() {
        assertThat(KpiJudgement.status(MAINTAIN, 50, 3, 47)).isEqualTo(KpiStatus.ON_TRACK);
        assertThat(KpiJudgement.status(MAINTAIN, 50, 3, 55)).isEqualTo(KpiStatus.AT_RISK);
        assertThat(KpiJudgement.status(MAINTAIN, 50, 3, 43.9)).isEqualTo(KpiStatus.OFF_TRACK);
    }

    @Test
    void variance_is_the_percentage_of_the_target_and_none_for_a_zero_target() {
        assertThat(KpiJudgement.variancePercent(80, 84)).isEqualTo(5.0);
        assertThat(KpiJudgement.variancePercent(-40, -42)).isEqualTo(-5.0);
        assertThat(KpiJudgement.variancePercent(3, 2)).isEqualTo(-33.3);
        assertThat(KpiJudgement.variancePercent(0, 2)).isNull();
    }

    @Test
    void the_trend_reads_a_move_in_the_desired_direction_as_improving() {
        assertThat(KpiJudgement.trend(INCREASE, 80, 70, 75)).isEqualTo(KpiTrend.IMPROVING);
        assertThat(KpiJudgement.trend(DECREASE, 10, 12, 14)).isEqualTo(KpiTrend.WORSENING);
        assertThat(KpiJudgement.trend(MAINTAIN, 50, 45, 52)).isEqualTo(KpiTrend.IMPROVING);
        assertThat(KpiJudgement.trend(INCREASE, 80, 70, 70)).isEqualTo(KpiTrend.STEADY);
    }

    @Test
    void periods_run_from_the_contract_start_and_the_last_is_cut_at_its_end() {
        var periods = Cadence.QUARTERLY.periods(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 2, 15));
        assertThat(periods)
                .containsExactly(
                        new Cadence.Period(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30)),
                        new Cadence.Period(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)),
                        new Cadence.Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)),
                        new Cadence.Period(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 15)));
        assertThat(Cadence.MONTHLY.period(
                        LocalDate.of(2026, 1, 31), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 2, 28)))
                .contains(new Cadence.Period(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 30)));
    }
}
