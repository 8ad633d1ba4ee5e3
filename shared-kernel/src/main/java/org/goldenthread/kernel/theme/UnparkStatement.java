package org.goldenthread.kernel.theme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.Require;

/** Return a parked statement to the unclustered pile. */
public record UnparkStatement(@TargetAggregateIdentifier String programmeId, Category category, String statementId) {
    public UnparkStatement {
        Require.id("programmeId", programmeId);
        Require.present("category", category);
        Require.id("statementId", statementId);
    }
}
