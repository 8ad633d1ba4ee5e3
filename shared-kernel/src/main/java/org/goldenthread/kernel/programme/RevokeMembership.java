package org.goldenthread.kernel.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/** End a user's membership of the programme, with a reason. */
public record RevokeMembership(@TargetAggregateIdentifier String programmeId, String username, String reason)
        implements ChangesMembership {
    public RevokeMembership {
        Require.id("programmeId", programmeId);
        username = Require.text("username", username, 100);
        reason = Require.text("reason", reason, 500);
    }
}
