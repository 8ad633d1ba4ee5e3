package org.goldenthread.kernel.programme;

/** Answered with a list of {@link MemberView}: every current member of the programme. */
public record FindMembers(String programmeId) {}
