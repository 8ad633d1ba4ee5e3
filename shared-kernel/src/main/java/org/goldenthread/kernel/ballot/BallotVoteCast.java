package org.goldenthread.kernel.ballot;

public record BallotVoteCast(String programmeId, String ballotId, String participantId, String optionId) {}
