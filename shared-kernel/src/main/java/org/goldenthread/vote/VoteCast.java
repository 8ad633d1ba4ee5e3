package org.goldenthread.vote;

public record VoteCast(String programmeId, String votingId, String participantId, String themeId) {
}
