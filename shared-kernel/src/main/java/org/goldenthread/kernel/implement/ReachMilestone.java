package org.goldenthread.kernel.implement;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

public record ReachMilestone(
        @TargetAggregateIdentifier String programmeId,
        String planId,
        String milestoneId,
        LocalDate reachedOn,
        String note) {
    public ReachMilestone {
        Require.id("programmeId", programmeId);
        Require.id("planId", planId);
        Require.id("milestoneId", milestoneId);
        Require.date("reachedOn", reachedOn);
        note = Require.optionalText("note", note, 1000);
    }
}
