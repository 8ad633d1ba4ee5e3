package org.goldenthread.kernel.programme;

public record SamplePlanned(String programmeId, SamplePlan plan) {}
