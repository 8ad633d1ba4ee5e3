package org.goldenthread.kernel.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/** A participant places a chosen idea on the effort/impact grid (1–10 each); a later placement replaces theirs. */
public record PlaceIdea(
        @TargetAggregateIdentifier String programmeId, String ideaId, String participantId, int effort, int impact) {
    public PlaceIdea {
        Require.id("programmeId", programmeId);
        Require.id("ideaId", ideaId);
        Require.id("participantId", participantId);
        Require.between("effort", effort, Quadrant.MIN, Quadrant.MAX);
        Require.between("impact", impact, Quadrant.MIN, Quadrant.MAX);
    }
}
