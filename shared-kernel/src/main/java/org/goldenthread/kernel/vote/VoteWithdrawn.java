package org.goldenthread.kernel.vote;

import org.axonframework.serialization.Revision;

@Revision("1")
public record VoteWithdrawn(String programmeId, String votingId, String participantId, String themeId) {}
