package org.goldenthread.kernel.vote;

import java.util.List;

/** A voting round: its themes as at opening with tallies, and once closed the ranking and the prioritised themes. */
public record VotingView(
        String programmeId,
        String votingId,
        String status,
        int votesPerParticipant,
        int selectTop,
        List<Tally> tallies,
        int votesCast,
        int participantsVoted,
        List<RankedTheme> ranking,
        List<String> prioritisedThemeIds,
        boolean tieAtCutoff) {

    public record Tally(String themeId, String title, List<String> statementIds, int votes) {}
}
