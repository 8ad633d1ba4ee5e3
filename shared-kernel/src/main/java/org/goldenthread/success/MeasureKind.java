package org.goldenthread.success;

public enum MeasureKind {
    QUALITATIVE, QUANTITATIVE
}
