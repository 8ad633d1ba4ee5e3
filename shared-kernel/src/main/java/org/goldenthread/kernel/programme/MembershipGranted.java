package org.goldenthread.kernel.programme;

/** A user became a member of the programme in a role (or their role changed); who granted it is the event's actor. */
public record MembershipGranted(
        String programmeId, String username, MemberRole role, String organisation, String reason) {}
