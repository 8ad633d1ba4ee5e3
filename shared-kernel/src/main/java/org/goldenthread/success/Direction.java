package org.goldenthread.success;

/** Which way a measure should move for things to be getting better. */
public enum Direction {
    INCREASE, DECREASE, MAINTAIN
}
