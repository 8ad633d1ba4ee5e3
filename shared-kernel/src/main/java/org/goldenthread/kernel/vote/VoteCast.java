package org.goldenthread.kernel.vote;

public record VoteCast(String programmeId, String votingId, String participantId, String themeId) {}
