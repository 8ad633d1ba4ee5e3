package org.goldenthread.kernel.contract;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.InvalidInput;
import org.goldenthread.kernel.Require;

/**
 * The commissioner reviews a prototype KPI: keeps it, revises it (new {@code terms} in force from
 * {@code effectiveFrom}) or retires it, with a reason.
 */
public record ReviewPrototypeKpi(
        @TargetAggregateIdentifier String contractId,
        String kpiId,
        PrototypeOutcome outcome,
        String reason,
        KpiTerms terms,
        LocalDate effectiveFrom) {
    public ReviewPrototypeKpi {
        Require.id("contractId", contractId);
        Require.id("kpiId", kpiId);
        Require.present("outcome", outcome);
        reason = Require.text("reason", reason, 1000);
        if (outcome == PrototypeOutcome.REVISE) {
            terms = KpiTerms.validated(terms);
            Require.date("effectiveFrom", effectiveFrom);
        } else if (terms != null || effectiveFrom != null) {
            throw new InvalidInput("terms", "only a REVISE outcome carries new terms and effectiveFrom");
        }
    }
}
