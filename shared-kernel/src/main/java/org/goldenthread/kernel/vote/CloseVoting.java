package org.goldenthread.kernel.vote;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

public record CloseVoting(@TargetAggregateIdentifier String programmeId, String votingId) {
    public CloseVoting {
        Require.id("programmeId", programmeId);
        Require.id("votingId", votingId);
    }
}
