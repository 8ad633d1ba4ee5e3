package org.goldenthread.kernel.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/** Prepare: record (or replace) the sample plan. */
public record PlanSample(@TargetAggregateIdentifier String programmeId, SamplePlan plan) {
    public PlanSample {
        Require.id("programmeId", programmeId);
        Require.present("plan", plan);
    }
}
