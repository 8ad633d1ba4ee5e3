package org.goldenthread.kernel.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/** The erasure process destroyed a forgotten person's key: record it (once; a repeat records nothing). */
public record RecordKeyDestroyed(@TargetAggregateIdentifier String programmeId, String person) {
    public RecordKeyDestroyed {
        Require.id("programmeId", programmeId);
        person = Require.text("person", person, 200);
    }
}
