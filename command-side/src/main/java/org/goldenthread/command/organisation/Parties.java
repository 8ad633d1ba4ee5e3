package org.goldenthread.command.organisation;

import java.util.Optional;
import org.goldenthread.kernel.organisation.OrganisationKind;

/** What a contract or an alignment asks of the organisations it is between. */
public interface Parties {

    /** The organisation's kind; empty when no organisation has this id. */
    Optional<OrganisationKind> kind(String organisationId);

    /** Whether the user acts for the organisation (was added and not removed). */
    boolean actsFor(String organisationId, String username);
}
