package org.goldenthread.kernel.ballot;

public record BallotVoteWithdrawn(String programmeId, String ballotId, String participantId, String optionId) {}
