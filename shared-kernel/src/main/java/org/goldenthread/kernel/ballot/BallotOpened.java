package org.goldenthread.kernel.ballot;

import java.util.List;

public record BallotOpened(
        String programmeId,
        String ballotId,
        BallotSubject subject,
        String themeId,
        int votesPerParticipant,
        int selectTop,
        List<BallotOption> options) {
    public BallotOpened {
        options = org.goldenthread.kernel.Lists.normal(options);
    }
}
