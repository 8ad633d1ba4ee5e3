package org.goldenthread.kernel.learn;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;
import org.goldenthread.kernel.implement.Reading;

/** Review: an actual value of a baselined measure. */
public record RecordActual(@TargetAggregateIdentifier String programmeId, String measureId, Reading actual) {
    public RecordActual {
        Require.id("programmeId", programmeId);
        Require.id("measureId", measureId);
        Require.present("actual", actual);
    }
}
