package org.goldenthread.kernel.implement;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/** Baseline a measure (value, date, source) so progress can be tracked against it. */
public record BaselineMeasure(@TargetAggregateIdentifier String programmeId, String measureId, Reading baseline) {
    public BaselineMeasure {
        Require.id("programmeId", programmeId);
        Require.id("measureId", measureId);
        Require.present("baseline", baseline);
    }
}
