package org.goldenthread.kernel.ballot;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.goldenthread.kernel.Lists;

/**
 * Followed by one {@code RootCauseChosen} or {@code IdeaChosen} per chosen option. Ties at the cut-off
 * all go forward, with {@code tieAtCutoff} true; options without votes are never chosen.
 */
@Revision("1")
public record BallotClosed(
        String programmeId,
        String ballotId,
        BallotSubject subject,
        String themeId,
        List<RankedOption> ranking,
        List<String> chosenOptionIds,
        boolean tieAtCutoff) {
    public BallotClosed {
        ranking = Lists.normal(ranking);
        chosenOptionIds = Lists.normal(chosenOptionIds);
    }
}
