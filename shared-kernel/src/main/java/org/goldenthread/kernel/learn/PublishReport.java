package org.goldenthread.kernel.learn;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/** Publish the WTfC report for the current cycle (rendered as HTML and PDF from the views). */
public record PublishReport(@TargetAggregateIdentifier String programmeId, String reportId) {
    public PublishReport {
        Require.id("programmeId", programmeId);
        Require.id("reportId", reportId);
    }
}
