package org.goldenthread.kernel.review;


import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.implement.Reading;
import org.goldenthread.kernel.Require;

/** Review: an actual value of a baselined measure. */
public record RecordActual(@TargetAggregateIdentifier String programmeId, String measureId, Reading actual) {
    public RecordActual {
        Require.id("programmeId", programmeId);
        Require.id("measureId", measureId);
        Require.present("actual", actual);
    }
}
