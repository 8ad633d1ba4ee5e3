package org.goldenthread.kernel.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.InvalidInput;
import org.goldenthread.kernel.Require;

/**
 * Make a user a member of the programme in a role (granting again changes the role). Commissioners and providers
 * name their organisation; nobody else does. By a facilitator of the programme or an admin, with a reason.
 */
public record GrantMembership(
        @TargetAggregateIdentifier String programmeId,
        String username,
        MemberRole role,
        String organisation,
        String reason)
        implements ChangesMembership {
    public GrantMembership {
        Require.id("programmeId", programmeId);
        username = Require.text("username", username, 100);
        Require.present("role", role);
        organisation = Require.optionalText("organisation", organisation, 200);
        if (role.needsOrganisation() && organisation == null) {
            throw new InvalidInput("organisation", "a " + role + " member acts for an organisation: name it");
        }
        if (!role.needsOrganisation() && organisation != null) {
            throw new InvalidInput("organisation", "only commissioners and providers act for an organisation");
        }
        reason = Require.text("reason", reason, 500);
    }
}
