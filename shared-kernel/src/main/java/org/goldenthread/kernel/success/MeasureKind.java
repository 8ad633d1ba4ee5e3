package org.goldenthread.kernel.success;

public enum MeasureKind {
    QUALITATIVE,
    QUANTITATIVE
}
