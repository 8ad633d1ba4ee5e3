package org.goldenthread.kernel.align;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/**
 * A party agrees that a behaviour is one to call out when it is not lived; it is agreed once both parties have.
 */
public record AgreeToCallOut(@TargetAggregateIdentifier String alignmentId, String valueId) {
    public AgreeToCallOut {
        Require.id("alignmentId", alignmentId);
        Require.id("valueId", valueId);
    }
}
