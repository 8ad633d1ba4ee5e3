package org.goldenthread.kernel.ballot;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

public record CloseBallot(@TargetAggregateIdentifier String programmeId, String ballotId) {
    public CloseBallot {
        Require.id("programmeId", programmeId);
        Require.id("ballotId", ballotId);
    }
}
