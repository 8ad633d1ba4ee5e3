package org.goldenthread.kernel.vote;

public record VoteWithdrawn(String programmeId, String votingId, String participantId, String themeId) {}
