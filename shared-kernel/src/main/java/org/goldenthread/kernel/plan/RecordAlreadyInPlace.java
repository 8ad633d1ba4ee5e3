package org.goldenthread.kernel.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/** Plan: what is already in place for a prioritised theme, before new ideas. */
public record RecordAlreadyInPlace(
        @TargetAggregateIdentifier String programmeId, String itemId, String themeId, String description) {
    public RecordAlreadyInPlace {
        Require.id("programmeId", programmeId);
        Require.id("itemId", itemId);
        Require.id("themeId", themeId);
        description = Require.text("description", description, 1000);
    }
}
