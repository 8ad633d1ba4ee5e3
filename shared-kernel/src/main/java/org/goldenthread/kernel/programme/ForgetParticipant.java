package org.goldenthread.kernel.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/** Erase a workshop participant's name on request: its key is destroyed; the participant (and their votes) stay. */
public record ForgetParticipant(@TargetAggregateIdentifier String programmeId, String participantId, String reason) {
    public ForgetParticipant {
        Require.id("programmeId", programmeId);
        Require.id("participantId", participantId);
        reason = Require.text("reason", reason, 500);
    }
}
