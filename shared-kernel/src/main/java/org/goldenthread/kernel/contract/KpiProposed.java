package org.goldenthread.kernel.contract;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** {@code revision}: the proposal revises the existing KPI {@code kpiId}; otherwise it proposes a new one. */
@Revision("1")
public record KpiProposed(
        String contractId,
        String proposalId,
        String kpiId,
        boolean revision,
        KpiTerms terms,
        MeasureRef derivedFrom,
        String justification,
        LocalDate effectiveFrom,
        String reason) {}
