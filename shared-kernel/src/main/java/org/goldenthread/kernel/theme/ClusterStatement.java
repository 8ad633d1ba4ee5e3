package org.goldenthread.kernel.theme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.Require;

/** Card call: place a statement into a theme (from unclustered or parked), or move it from another theme. */
public record ClusterStatement(
        @TargetAggregateIdentifier String programmeId, Category category, String themeId, String statementId) {
    public ClusterStatement {
        Require.id("programmeId", programmeId);
        Require.present("category", category);
        Require.id("themeId", themeId);
        Require.id("statementId", statementId);
    }
}
