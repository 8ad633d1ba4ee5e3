package org.goldenthread.kernel.contract;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/** The provider agrees the contract and its KPIs as drafted: an act of its own, by a user of that provider. */
public record AgreeContract(@TargetAggregateIdentifier String contractId, String comment) {
    public AgreeContract {
        Require.id("contractId", contractId);
        comment = Require.optionalText("comment", comment, 1000);
    }
}
