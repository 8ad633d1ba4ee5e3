package org.goldenthread.kernel.vote;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

public record CastVote(
        @TargetAggregateIdentifier String programmeId, String votingId, String participantId, String themeId) {
    public CastVote {
        Require.id("programmeId", programmeId);
        Require.id("votingId", votingId);
        Require.id("participantId", participantId);
        Require.id("themeId", themeId);
    }
}
