package org.goldenthread.kernel.theme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.Require;

/** Card call: park a statement to return to later. */
public record ParkStatement(@TargetAggregateIdentifier String programmeId, Category category, String statementId) {
    public ParkStatement {
        Require.id("programmeId", programmeId);
        Require.present("category", category);
        Require.id("statementId", statementId);
    }
}
