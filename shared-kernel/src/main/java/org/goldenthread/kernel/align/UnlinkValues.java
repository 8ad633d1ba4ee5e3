package org.goldenthread.kernel.align;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/** Takes a cover link back, with a reason (the link stays in the history). */
public record UnlinkValues(
        @TargetAggregateIdentifier String alignmentId, String coveringValueId, String coveredValueId, String reason) {
    public UnlinkValues {
        Require.id("alignmentId", alignmentId);
        Require.id("coveringValueId", coveringValueId);
        Require.id("coveredValueId", coveredValueId);
        reason = Require.text("reason", reason, 500);
    }
}
