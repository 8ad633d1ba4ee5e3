package org.goldenthread.kernel.contract;

import java.time.Instant;
import java.util.Set;
import org.goldenthread.kernel.Require;

/**
 * The dashboards of the contracts with this provider and/or linked to this programme (either may be null), of which
 * one of {@code organisationIds} is a party (all when null), as they stood at {@code asOf}. A list of
 * {@link DashboardView}.
 */
public record FindDashboards(String providerId, String programmeId, Set<String> organisationIds, Instant asOf) {
    public FindDashboards {
        asOf = Require.optionalInstant("asOf", asOf);
    }
}
