package org.goldenthread.kernel.contract;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/** The commissioner activates the agreed contract: from then on actuals are reported. */
public record ActivateContract(@TargetAggregateIdentifier String contractId) {
    public ActivateContract {
        Require.id("contractId", contractId);
    }
}
