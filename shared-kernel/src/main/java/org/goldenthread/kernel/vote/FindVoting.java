package org.goldenthread.kernel.vote;

/** Answered with a {@link VotingView}. */
public record FindVoting(String programmeId, String votingId) {}
