package org.goldenthread.kernel.programme;

/** A user's membership of the programme ended. */
public record MembershipRevoked(String programmeId, String username, MemberRole role, String reason) {}
