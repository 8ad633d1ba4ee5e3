package org.goldenthread.kernel.contract;

import org.axonframework.serialization.Revision;

/** Followed by the {@link KpiAgreed} or {@link KpiRevised} it brings into force. */
@Revision("1")
public record ProposalAccepted(String contractId, String proposalId, String reason) {}
