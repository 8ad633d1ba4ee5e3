package org.goldenthread.kernel.contract;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ContractActivated(String contractId) {}
