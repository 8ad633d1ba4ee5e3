package org.goldenthread.kernel.ballot;

import java.util.List;

public record BallotView(
        String programmeId,
        String ballotId,
        BallotSubject subject,
        String themeId,
        String status,
        int votesPerParticipant,
        int selectTop,
        List<Tally> tallies,
        int votesCast,
        List<RankedOption> ranking,
        List<String> chosenOptionIds,
        boolean tieAtCutoff) {
    public record Tally(String optionId, String label, int votes) {}
}
