package org.goldenthread.kernel.organisation;

/** One organisation: an {@link OrganisationView}, or null when unknown. */
public record FindOrganisation(String organisationId) {}
