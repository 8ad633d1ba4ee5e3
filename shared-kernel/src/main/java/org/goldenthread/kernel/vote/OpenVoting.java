package org.goldenthread.kernel.vote;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/**
 * Open a voting round on the NOT_WORKING themes as they stand now: each registered participant has
 * {@code votesPerParticipant} votes (default 3) for distinct themes; the top {@code selectTop} (4 or 5,
 * default 5) go forward.
 */
public record OpenVoting(
        @TargetAggregateIdentifier String programmeId, String votingId, int votesPerParticipant, int selectTop) {
    public static final int DEFAULT_VOTES = 3;
    public static final int DEFAULT_SELECT_TOP = 5;

    public OpenVoting {
        Require.id("programmeId", programmeId);
        Require.id("votingId", votingId);
        Require.between("votesPerParticipant", votesPerParticipant, 1, 10);
        Require.between("selectTop", selectTop, 4, 5);
    }
}
