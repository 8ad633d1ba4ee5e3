package org.goldenthread.kernel.organisation;

/** A commissioning organisation buys or shapes support; a provider delivers it. */
public enum OrganisationKind {
    COMMISSIONING,
    PROVIDER
}
