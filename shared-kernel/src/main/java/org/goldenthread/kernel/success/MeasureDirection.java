package org.goldenthread.kernel.success;

/** Which way a measure should move for things to be getting better. */
public enum MeasureDirection {
    INCREASE,
    DECREASE,
    MAINTAIN
}
