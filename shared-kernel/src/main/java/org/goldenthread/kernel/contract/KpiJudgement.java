package org.goldenthread.kernel.contract;

import org.goldenthread.kernel.success.MeasureDirection;

/**
 * The dashboard's policy, in one place: how a quantitative actual is judged against its period's target.
 *
 * <ul>
 *   <li><b>Status.</b> INCREASE: at or above the target is on track, short of it by no more than the tolerance at risk,
 *       further off track. DECREASE: the mirror image. MAINTAIN: within the tolerance of the target either way on
 *       track, within twice the tolerance at risk, further off track.
 *   <li><b>% variance</b> (as boards read key indicators, e.g. the Better Care Fund dashboard): (actual − target) /
 *       |target| × 100, rounded to one decimal; none when the target is 0.
 *   <li><b>Trend</b> between two consecutive actuals: a move in the desired direction is improving, against it
 *       worsening, none steady; for MAINTAIN, closer to the target is improving.
 * </ul>
 *
 * Qualitative KPIs are not judged by number: their evidence is shown beside them.
 */
public final class KpiJudgement {

    private KpiJudgement() {}

    public static KpiStatus status(MeasureDirection direction, double target, double tolerance, double actual) {
        double shortfall = switch (direction) {
            case INCREASE -> target - actual;
            case DECREASE -> actual - target;
            case MAINTAIN -> Math.abs(actual - target) - tolerance;
        };
        if (shortfall <= 0) {
            return KpiStatus.ON_TRACK;
        }
        return shortfall <= tolerance ? KpiStatus.AT_RISK : KpiStatus.OFF_TRACK;
    }

    /** The % variance from the target, or null when the target is 0. */
    public static Double variancePercent(double target, double actual) {
        if (target == 0) {
            return null;
        }
        return Math.round((actual - target) / Math.abs(target) * 1000) / 10.0;
    }

    public static KpiTrend trend(MeasureDirection direction, double target, double previous, double latest) {
        double better = switch (direction) {
            case INCREASE -> latest - previous;
            case DECREASE -> previous - latest;
            case MAINTAIN -> Math.abs(previous - target) - Math.abs(latest - target);
        };
        if (better > 0) {
            return KpiTrend.IMPROVING;
        }
        return better < 0 ? KpiTrend.WORSENING : KpiTrend.STEADY;
    }
}
