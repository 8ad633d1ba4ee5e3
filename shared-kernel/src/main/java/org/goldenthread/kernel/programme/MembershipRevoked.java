package org.goldenthread.kernel.programme;

import org.axonframework.serialization.Revision;

/** A user's membership of the programme ended. */
@Revision("1")
public record MembershipRevoked(String programmeId, String username, MemberRole role, String reason) {}
