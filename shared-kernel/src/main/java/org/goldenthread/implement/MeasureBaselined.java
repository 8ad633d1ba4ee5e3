package org.goldenthread.implement;

public record MeasureBaselined(String programmeId, String measureId, Reading baseline) {
}
