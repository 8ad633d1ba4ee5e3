package org.goldenthread.kernel.ballot;

import org.axonframework.serialization.Revision;

@Revision("1")
public record BallotVoteCast(String programmeId, String ballotId, String participantId, String optionId) {}
