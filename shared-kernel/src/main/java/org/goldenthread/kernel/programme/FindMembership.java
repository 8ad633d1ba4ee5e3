package org.goldenthread.kernel.programme;

/** Answered with a list of {@link MemberView}: the user's memberships, of one programme or (null) of every one. */
public record FindMembership(String username, String programmeId) {}
