package org.goldenthread.kernel.align;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/** Says that one party's value ({@code coveringValueId}) covers the other party's ({@code coveredValueId}). */
public record LinkValues(@TargetAggregateIdentifier String alignmentId, String coveringValueId, String coveredValueId) {
    public LinkValues {
        Require.id("alignmentId", alignmentId);
        Require.id("coveringValueId", coveringValueId);
        Require.id("coveredValueId", coveredValueId);
    }
}
