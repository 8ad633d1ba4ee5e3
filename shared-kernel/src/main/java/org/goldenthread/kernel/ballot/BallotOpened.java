package org.goldenthread.kernel.ballot;

import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
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
