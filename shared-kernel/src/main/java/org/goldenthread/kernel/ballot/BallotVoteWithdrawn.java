package org.goldenthread.kernel.ballot;

import org.axonframework.serialization.Revision;

@Revision("1")
public record BallotVoteWithdrawn(String programmeId, String ballotId, String participantId, String optionId) {}
