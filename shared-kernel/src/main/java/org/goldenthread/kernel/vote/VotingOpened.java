package org.goldenthread.kernel.vote;

import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record VotingOpened(
        String programmeId, String votingId, int votesPerParticipant, int selectTop, List<ThemeAtOpening> themes) {
    public VotingOpened {
        themes = org.goldenthread.kernel.Lists.normal(themes);
    }
}
