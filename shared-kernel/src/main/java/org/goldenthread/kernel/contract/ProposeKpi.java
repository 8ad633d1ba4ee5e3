package org.goldenthread.kernel.contract;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/**
 * Provider-led innovation: the provider proposes a new KPI ({@code kpiId} new) or a revision of one ({@code kpiId} of
 * an existing KPI), in force from the period starting {@code effectiveFrom}, with its reason. The commissioner accepts
 * or declines it.
 */
public record ProposeKpi(
        @TargetAggregateIdentifier String contractId,
        String proposalId,
        String kpiId,
        KpiTerms terms,
        MeasureRef derivedFrom,
        String justification,
        LocalDate effectiveFrom,
        String reason) {
    public ProposeKpi {
        Require.id("contractId", contractId);
        Require.id("proposalId", proposalId);
        Require.id("kpiId", kpiId);
        terms = KpiTerms.validated(terms);
        derivedFrom = MeasureRef.validated(derivedFrom);
        justification = Require.optionalText("justification", justification, 2000);
        Require.date("effectiveFrom", effectiveFrom);
        reason = Require.text("reason", reason, 1000);
    }
}
