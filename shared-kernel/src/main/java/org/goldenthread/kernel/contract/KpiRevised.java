package org.goldenthread.kernel.contract;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A KPI's next version ({@code version} 2, 3, …), in force from the period starting {@code effectiveFrom}. */
@Revision("1")
public record KpiRevised(
        String contractId,
        String kpiId,
        int version,
        KpiTerms terms,
        LocalDate effectiveFrom,
        String reason,
        String proposalId) {}
