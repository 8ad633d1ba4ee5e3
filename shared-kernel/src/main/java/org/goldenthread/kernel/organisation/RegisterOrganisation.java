package org.goldenthread.kernel.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/** Registers a commissioning or provider organisation (an admin's act). */
public record RegisterOrganisation(
        @TargetAggregateIdentifier String organisationId, String name, OrganisationKind kind) {
    public RegisterOrganisation {
        Require.id("organisationId", organisationId);
        name = Require.text("name", name, 200);
        Require.present("kind", kind);
    }
}
