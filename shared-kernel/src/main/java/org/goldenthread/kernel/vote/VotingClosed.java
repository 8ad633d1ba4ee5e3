package org.goldenthread.kernel.vote;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.goldenthread.kernel.Lists;

/**
 * The ranking published at close. {@code prioritisedThemeIds} are the themes ranked within
 * {@code selectTop}; when a tie straddles the cut-off every tied theme goes forward and
 * {@code tieAtCutoff} is true so the room can see it.
 */
@Revision("1")
public record VotingClosed(
        String programmeId,
        String votingId,
        List<RankedTheme> ranking,
        List<String> prioritisedThemeIds,
        boolean tieAtCutoff) {
    public VotingClosed {
        ranking = Lists.normal(ranking);
        prioritisedThemeIds = Lists.normal(prioritisedThemeIds);
    }
}
