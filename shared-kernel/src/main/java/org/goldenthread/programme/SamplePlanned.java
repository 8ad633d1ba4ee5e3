package org.goldenthread.programme;

public record SamplePlanned(String programmeId, SamplePlan plan) {
}
