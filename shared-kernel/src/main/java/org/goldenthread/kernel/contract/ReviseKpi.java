package org.goldenthread.kernel.contract;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/**
 * The commissioner revises a KPI (its target, tolerance, name…) with a reason — learning, iteration, innovation —
 * in force from the period starting {@code effectiveFrom}; earlier periods keep the version in force for them.
 */
public record ReviseKpi(
        @TargetAggregateIdentifier String contractId,
        String kpiId,
        KpiTerms terms,
        LocalDate effectiveFrom,
        String reason) {
    public ReviseKpi {
        Require.id("contractId", contractId);
        Require.id("kpiId", kpiId);
        terms = KpiTerms.validated(terms);
        Require.date("effectiveFrom", effectiveFrom);
        reason = Require.text("reason", reason, 1000);
    }
}
