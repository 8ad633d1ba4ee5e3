package org.goldenthread.kernel.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/** Says that a user acts for the organisation (an admin's act, with a reason). */
public record AddOrganisationUser(@TargetAggregateIdentifier String organisationId, String username, String reason)
        implements org.goldenthread.kernel.ChangesAccess {
    public AddOrganisationUser {
        Require.id("organisationId", organisationId);
        username = Require.text("username", username, 200);
        reason = Require.text("reason", reason, 500);
    }
}
