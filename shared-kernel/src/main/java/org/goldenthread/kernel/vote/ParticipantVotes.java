package org.goldenthread.kernel.vote;

import java.util.List;

/** The themes one participant has a vote on in a round, and how many of their votes are left. */
public record ParticipantVotes(
        String programmeId,
        String votingId,
        String participantId,
        List<String> themeIds,
        int votesPerParticipant,
        int remaining) {}
