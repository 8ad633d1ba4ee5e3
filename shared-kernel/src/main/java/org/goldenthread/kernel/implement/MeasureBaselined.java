package org.goldenthread.kernel.implement;

public record MeasureBaselined(String programmeId, String measureId, Reading baseline) {}
