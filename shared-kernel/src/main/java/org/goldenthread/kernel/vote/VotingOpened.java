package org.goldenthread.kernel.vote;

import java.util.List;

public record VotingOpened(
        String programmeId, String votingId, int votesPerParticipant, int selectTop, List<ThemeAtOpening> themes) {
    public VotingOpened {
        themes = org.goldenthread.kernel.Lists.normal(themes);
    }
}
