package org.goldenthread.kernel.vote;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

public record WithdrawVote(
        @TargetAggregateIdentifier String programmeId, String votingId, String participantId, String themeId) {
    public WithdrawVote {
        Require.id("programmeId", programmeId);
        Require.id("votingId", votingId);
        Require.id("participantId", participantId);
        Require.id("themeId", themeId);
    }
}
