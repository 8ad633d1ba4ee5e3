package org.goldenthread.kernel.contract;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/** The commissioner accepts ({@code accept} true) or declines a provider's proposal, with a reason. */
public record DecideProposal(
        @TargetAggregateIdentifier String contractId, String proposalId, boolean accept, String reason) {
    public DecideProposal {
        Require.id("contractId", contractId);
        Require.id("proposalId", proposalId);
        reason = Require.text("reason", reason, 1000);
    }
}
