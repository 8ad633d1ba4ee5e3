package org.goldenthread.kernel.contract;

import org.axonframework.serialization.Revision;

/** A REVISE outcome is followed by the {@link KpiRevised} it decides. */
@Revision("1")
public record PrototypeKpiReviewed(String contractId, String kpiId, PrototypeOutcome outcome, String reason) {}
