package org.goldenthread.vote;

public record VoteWithdrawn(String programmeId, String votingId, String participantId, String themeId) {
}
