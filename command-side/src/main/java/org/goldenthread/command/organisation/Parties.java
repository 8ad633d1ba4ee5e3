package org.goldenthread.command.organisation;

import java.util.Optional;
import org.goldenthread.kernel.organisation.OrganisationKind;

/** What a contract or an alignment asks of the organisations it is between. */
public interface Parties {

    /** The organisation's kind; empty when no organisation has this id. */
    Optional<OrganisationKind> kind(String organisationId);

    /** Whether the user acts for the organisation (was added and not removed). */
    boolean actsFor(String organisationId, String username);

    /**
     * Refuses an organisation that does not exist (404) or is not of this kind (409 naming {@code rule}): a contract
     * or an alignment is between a commissioning and a provider organisation.
     */
    default void requireKind(String organisationId, OrganisationKind kind, String rule) {
        OrganisationKind found = kind(organisationId)
                .orElseThrow(() -> new org.goldenthread.kernel.UnknownReference("organisation", organisationId));
        if (found != kind) {
            throw new org.goldenthread.kernel.RuleViolation(
                    rule, "organisation " + organisationId + " is a " + found + " organisation, not " + kind);
        }
    }
}
