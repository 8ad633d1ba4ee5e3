package org.goldenthread.kernel.vote;

/** Answered with the {@link ParticipantVotes} of one participant in a voting round. */
public record FindParticipantVotes(String programmeId, String votingId, String participantId) {}
