package org.goldenthread.kernel.contract;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ContractDrafted(
        String contractId,
        String commissionerId,
        String providerId,
        String service,
        LocalDate periodStart,
        LocalDate periodEnd,
        List<String> programmeIds,
        int reportingWindowDays) {
    public ContractDrafted {
        programmeIds = programmeIds == null ? List.of() : List.copyOf(programmeIds);
    }
}
