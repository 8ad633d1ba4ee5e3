package org.goldenthread.kernel.programme;

import org.axonframework.serialization.Revision;

@Revision("1")
public record SamplePlanned(String programmeId, SamplePlan plan) {}
