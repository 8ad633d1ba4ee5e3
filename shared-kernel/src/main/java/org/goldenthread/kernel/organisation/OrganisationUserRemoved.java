package org.goldenthread.kernel.organisation;

import org.axonframework.serialization.Revision;

@Revision("1")
public record OrganisationUserRemoved(String organisationId, String username, String reason) {}
