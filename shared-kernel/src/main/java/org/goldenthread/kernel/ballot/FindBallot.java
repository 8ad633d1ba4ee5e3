package org.goldenthread.kernel.ballot;

/** Answered with a {@link BallotView}. */
public record FindBallot(String programmeId, String ballotId) {}
