package org.goldenthread.kernel.understand;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Perspective;
import org.goldenthread.kernel.Require;

/**
 * Five whys: ask "why?" of a prioritised NOT_WORKING theme ({@code causeId} null) or of a cause given
 * earlier (question it again). The tree grows from here.
 */
public record AskWhy(
        @TargetAggregateIdentifier String programmeId,
        String whyId,
        String themeId,
        String causeId,
        String question,
        Perspective perspective) {
    public AskWhy {
        Require.id("programmeId", programmeId);
        Require.id("whyId", whyId);
        Require.id("themeId", themeId);
        causeId = causeId == null || causeId.isBlank() ? null : causeId;
        question = Require.text("question", question, 500);
        Require.present("perspective", perspective);
    }
}
