package org.goldenthread.kernel.ballot;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

public record CastBallotVote(
        @TargetAggregateIdentifier String programmeId, String ballotId, String participantId, String optionId) {
    public CastBallotVote {
        Require.id("programmeId", programmeId);
        Require.id("ballotId", ballotId);
        Require.id("participantId", participantId);
        Require.id("optionId", optionId);
    }
}
