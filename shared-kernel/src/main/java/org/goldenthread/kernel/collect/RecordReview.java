package org.goldenthread.kernel.collect;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/** Collect: record a person's review with their statements (at most two per category). */
public record RecordReview(
        @TargetAggregateIdentifier String programmeId,
        String reviewId,
        String person,
        List<StatementInput> statements) {
    public RecordReview {
        Require.id("programmeId", programmeId);
        Require.id("reviewId", reviewId);
        person = Pseudonym.require("person", person);
        statements = Require.nonEmpty("statements", statements);
    }
}
