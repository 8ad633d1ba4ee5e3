package org.goldenthread.kernel.align;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AlignmentStarted(String alignmentId, String commissionerId, String providerId, String purpose) {}
