package org.goldenthread.kernel.implement;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/** Change a plan: the new version in full, with the reason; the earlier version stays in history. */
public record ChangeActionPlan(
        @TargetAggregateIdentifier String programmeId, String planId, PlanContent content, String reason) {
    public ChangeActionPlan {
        Require.id("programmeId", programmeId);
        Require.id("planId", planId);
        content = PlanContent.validated(content);
        reason = Require.text("reason", reason, 500);
    }
}
