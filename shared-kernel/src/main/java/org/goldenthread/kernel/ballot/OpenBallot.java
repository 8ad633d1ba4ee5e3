package org.goldenthread.kernel.ballot;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/**
 * Open a vote among a prioritised theme's root causes or ideas (as they stand now). Each registered
 * participant has {@code votesPerParticipant} votes for distinct options; the top {@code selectTop}
 * are chosen (ideas: three votes each, top three per theme, as in the method).
 */
public record OpenBallot(
        @TargetAggregateIdentifier String programmeId,
        String ballotId,
        BallotSubject subject,
        String themeId,
        int votesPerParticipant,
        int selectTop) {
    public OpenBallot {
        Require.id("programmeId", programmeId);
        Require.id("ballotId", ballotId);
        Require.present("subject", subject);
        Require.id("themeId", themeId);
        Require.between("votesPerParticipant", votesPerParticipant, 1, 10);
        Require.between("selectTop", selectTop, 1, 10);
    }
}
