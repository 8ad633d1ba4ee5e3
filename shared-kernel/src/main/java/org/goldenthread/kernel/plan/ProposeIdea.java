package org.goldenthread.kernel.plan;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/** Propose an idea for a prioritised theme, optionally naming the chosen root causes it tackles. */
public record ProposeIdea(
        @TargetAggregateIdentifier String programmeId,
        String ideaId,
        String themeId,
        IdeaMode mode,
        String text,
        List<String> rootCauseIds) {
    public ProposeIdea {
        Require.id("programmeId", programmeId);
        Require.id("ideaId", ideaId);
        Require.id("themeId", themeId);
        Require.present("mode", mode);
        text = Require.text("text", text, 1000);
        rootCauseIds = Require.optionalIds("rootCauseIds", rootCauseIds);
    }
}
