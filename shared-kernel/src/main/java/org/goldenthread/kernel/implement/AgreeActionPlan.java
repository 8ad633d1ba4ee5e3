package org.goldenthread.kernel.implement;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/** Implement: agree the action plan for a chosen idea (one plan per idea). */
public record AgreeActionPlan(
        @TargetAggregateIdentifier String programmeId, String planId, String ideaId, PlanContent content) {
    public AgreeActionPlan {
        Require.id("programmeId", programmeId);
        Require.id("planId", planId);
        Require.id("ideaId", ideaId);
        content = PlanContent.validated(content);
    }
}
