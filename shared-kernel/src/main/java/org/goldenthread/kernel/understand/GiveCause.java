package org.goldenthread.kernel.understand;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Perspective;
import org.goldenthread.kernel.Require;

/** Answer a "why?" with a "because…"; a why may have several causes. */
public record GiveCause(
        @TargetAggregateIdentifier String programmeId,
        String causeId,
        String whyId,
        String text,
        Perspective perspective) {
    public GiveCause {
        Require.id("programmeId", programmeId);
        Require.id("causeId", causeId);
        Require.id("whyId", whyId);
        text = Require.text("text", text, 500);
        Require.present("perspective", perspective);
    }
}
