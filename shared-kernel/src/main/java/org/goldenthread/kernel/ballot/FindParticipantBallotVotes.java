package org.goldenthread.kernel.ballot;

/** Answered with the {@link org.goldenthread.kernel.vote.ParticipantVotes} of one participant in a ballot. */
public record FindParticipantBallotVotes(String programmeId, String ballotId, String participantId) {}
