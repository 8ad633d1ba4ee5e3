package org.goldenthread.kernel.vote;

import java.util.List;

/**
 * The options (themes of a voting round, or a ballot's root causes or ideas) one participant has a vote on, and how
 * many of their votes are left.
 */
public record ParticipantVotes(
        String programmeId,
        String pollId,
        String participantId,
        List<String> optionIds,
        int votesPerParticipant,
        int remaining) {

    /** A poll's answer for one participant: what they voted for of the votes each has. */
    public static ParticipantVotes of(
            String programmeId, String pollId, String participantId, List<String> optionIds, int votesEach) {
        return new ParticipantVotes(
                programmeId,
                pollId,
                participantId,
                List.copyOf(optionIds),
                votesEach,
                Math.max(0, votesEach - optionIds.size()));
    }
}
