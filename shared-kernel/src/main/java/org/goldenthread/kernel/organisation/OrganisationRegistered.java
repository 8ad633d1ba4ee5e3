package org.goldenthread.kernel.organisation;

import org.axonframework.serialization.Revision;

@Revision("1")
public record OrganisationRegistered(String organisationId, String name, OrganisationKind kind) {}
