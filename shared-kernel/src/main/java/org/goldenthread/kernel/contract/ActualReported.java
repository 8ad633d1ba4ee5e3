package org.goldenthread.kernel.contract;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** {@code dueBy}: the period's end plus the contract's reporting window; reported after it, the actual is late. */
@Revision("1")
public record ActualReported(
        String contractId,
        String kpiId,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate dueBy,
        String value,
        List<Evidence> evidence,
        String partyId) {
    public ActualReported {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
