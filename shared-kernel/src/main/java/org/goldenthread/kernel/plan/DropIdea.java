package org.goldenthread.kernel.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/** Dropping an idea (e.g. a thankless task) is an act with a reason. */
public record DropIdea(@TargetAggregateIdentifier String programmeId, String ideaId, String reason) {
    public DropIdea {
        Require.id("programmeId", programmeId);
        Require.id("ideaId", ideaId);
        reason = Require.text("reason", reason, 500);
    }
}
