package org.goldenthread.kernel.contract;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ProposalDeclined(String contractId, String proposalId, String reason) {}
