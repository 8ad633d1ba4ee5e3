package org.goldenthread.kernel.organisation;

import org.axonframework.serialization.Revision;

@Revision("1")
public record OrganisationUserAdded(String organisationId, String username, String reason) {}
