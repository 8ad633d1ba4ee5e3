package org.goldenthread.kernel.contract;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/** An actual of a KPI for the period starting {@code periodStart}, with evidence (quotes, stories). */
public record ReportActual(
        @TargetAggregateIdentifier String contractId,
        String kpiId,
        LocalDate periodStart,
        String value,
        List<Evidence> evidence) {
    public ReportActual {
        Require.id("contractId", contractId);
        Require.id("kpiId", kpiId);
        Require.date("periodStart", periodStart);
        value = Require.text("value", value, 1000);
        evidence = Evidence.validated(evidence);
    }
}
