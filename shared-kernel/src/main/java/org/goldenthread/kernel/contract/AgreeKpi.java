package org.goldenthread.kernel.contract;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/**
 * The commissioner sets a KPI in the draft: derived from a measure of a linked programme ({@code derivedFrom}), or
 * untraced with a written {@code justification}.
 */
public record AgreeKpi(
        @TargetAggregateIdentifier String contractId,
        String kpiId,
        KpiTerms terms,
        MeasureRef derivedFrom,
        String justification) {
    public AgreeKpi {
        Require.id("contractId", contractId);
        Require.id("kpiId", kpiId);
        terms = KpiTerms.validated(terms);
        derivedFrom = MeasureRef.validated(derivedFrom);
        justification = Require.optionalText("justification", justification, 2000);
    }
}
