package org.goldenthread.kernel.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/** The user no longer acts for the organisation. */
public record RemoveOrganisationUser(
        @TargetAggregateIdentifier String organisationId, String username, String reason)
        implements org.goldenthread.kernel.ChangesAccess {
    public RemoveOrganisationUser {
        Require.id("organisationId", organisationId);
        username = Require.text("username", username, 200);
        reason = Require.text("reason", reason, 500);
    }
}
