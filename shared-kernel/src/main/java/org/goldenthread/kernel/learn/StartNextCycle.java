package org.goldenthread.kernel.learn;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/** Start the next cycle of the programme, carrying its active themes forward so cycles can be compared. */
public record StartNextCycle(@TargetAggregateIdentifier String programmeId, String reason) {
    public StartNextCycle {
        Require.id("programmeId", programmeId);
        reason = Require.text("reason", reason, 500);
    }
}
