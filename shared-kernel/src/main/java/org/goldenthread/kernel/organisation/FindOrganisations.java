package org.goldenthread.kernel.organisation;

/**
 * Every organisation, or (with {@code username}) those the user acts for. Answered with a list of
 * {@link OrganisationView}.
 */
public record FindOrganisations(String username) {}
