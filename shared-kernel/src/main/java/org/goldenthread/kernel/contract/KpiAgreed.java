package org.goldenthread.kernel.contract;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A KPI's first version, in force from {@code effectiveFrom} (the contract's start, or a later period's). */
@Revision("1")
public record KpiAgreed(
        String contractId,
        String kpiId,
        KpiTerms terms,
        MeasureRef derivedFrom,
        String justification,
        LocalDate effectiveFrom,
        String proposalId) {}
