package org.goldenthread.kernel.programme;

import org.axonframework.serialization.Revision;

/**
 * A user became a member of the programme in a role (or their role changed); who granted it is the event's actor.
 * {@code organisationName} is the name of the organisation a commissioner or provider signs in for (not an
 * organisation's id: those came with the Do stage's registered organisations).
 *
 * <p>Revision 2. Revision 1 (stored without a revision) called the field {@code organisation};
 * {@code MembershipGrantedUpcaster} renames it as such events are read.
 */
@Revision("2")
public record MembershipGranted(
        String programmeId, String username, MemberRole role, String organisationName, String reason) {}
