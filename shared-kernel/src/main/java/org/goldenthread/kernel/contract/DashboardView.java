package org.goldenthread.kernel.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.goldenthread.kernel.implement.Reading;
import org.goldenthread.kernel.success.MeasureDirection;
import org.goldenthread.kernel.success.MeasureKind;

/**
 * A contract's KPI dashboard as it stood at {@code asOf}: each KPI's latest actual against its baseline and the target
 * in force for its period, % variance, status, trend, the periods due without a report, the outcome/output/input
 * mix, the evidence beside the numbers, and why each KPI exists (the measure it comes from, or its justification).
 * Judged by {@link KpiJudgement}.
 */
public record DashboardView(
        String contractId,
        String service,
        String commissionerId,
        String providerId,
        List<String> programmeIds,
        ContractStatus status,
        LocalDate periodStart,
        LocalDate periodEnd,
        Instant asOf,
        Summary summary,
        Mix mix,
        List<KpiPanel> kpis) {

    /** How many KPIs stand where by their latest actual; untraced KPIs; periods due without a report. */
    public record Summary(int onTrack, int atRisk, int offTrack, int notJudged, int untraced, int periodsDue) {}

    /** The KPIs in force by what they measure; {@code outcomeShare} in % (the method wants outcomes). */
    public record Mix(int outcome, int output, int input, Integer outcomeShare) {}

    public record KpiPanel(
            String kpiId,
            String name,
            MeasureKind kind,
            KpiLevel level,
            String unit,
            MeasureDirection direction,
            Cadence cadence,
            Reading baseline,
            String target,
            Double tolerance,
            int version,
            boolean prototype,
            LocalDate reviewBy,
            boolean reviewDue,
            boolean retired,
            Point latest,
            KpiTrend trend,
            List<Point> series,
            List<Due> duePeriods,
            Why why,
            List<ContractView.EvidenceView> evidence) {}

    /**
     * One period's actual, judged against the version in force for that period ({@code target}, {@code tolerance},
     * {@code version}); {@code late} when reported after {@code dueBy}.
     */
    public record Point(
            LocalDate periodStart,
            LocalDate periodEnd,
            String value,
            Double number,
            String target,
            Double tolerance,
            int version,
            Double variancePercent,
            KpiStatus status,
            boolean late,
            LocalDate dueBy,
            Instant reportedAt,
            List<ContractView.EvidenceView> evidence) {}

    public record Due(LocalDate periodStart, LocalDate periodEnd, LocalDate dueBy) {}

    /**
     * Why this KPI: derived from a programme's measure (its thread back to people's words at {@code thread}), or
     * untraced with its justification.
     */
    public record Why(boolean traced, MeasureRef derivedFrom, String justification, String thread) {}
}
