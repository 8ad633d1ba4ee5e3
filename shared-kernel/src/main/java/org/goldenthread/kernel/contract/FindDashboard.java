package org.goldenthread.kernel.contract;

import java.time.Instant;
import org.goldenthread.kernel.Require;

/** The KPI dashboard of one contract as it stood at {@code asOf} (now when null): a {@link DashboardView} or null. */
public record FindDashboard(String contractId, Instant asOf) {
    public FindDashboard {
        Require.id("contractId", contractId);
        asOf = Require.optionalInstant("asOf", asOf);
    }
}
